using Kuager.Core;
using Kuager.Storage.Tests;

namespace Kuager.Web.Tests.Places;

/// <summary>
/// A small registry with known numbers, for the dashboard and place pages:
/// China > Xinjiang > Ili > Emin > Qaraqum, China > Xinjiang > Altay, Kazakhstan > Almaty;
/// five people (three detained, one missing, one released; three Kazakh, one Uyghur, one unrecorded),
/// five events (two in January 2019 and one in March 2019 at Emin and Altay, one known only to 2019, one undated),
/// one organisation at Ili, one case with a hearing and a deadline ahead and one past.
/// </summary>
internal sealed record SmallRegistry(
    Place China, Place Xinjiang, Place Ili, Place Emin, Place Village, Place Altay, Place Kazakhstan, Place Almaty,
    Person Aset, Person Bota, Person Dilnur, Person Erlan, Person Gulnar,
    Event JanuaryAtEmin, Event AlmatyPicket, Organization Police, Case Case)
{
    public static async Task<SmallRegistry> SeedAsync(KuagerApp app)
    {
        var store = app.Store;
        async Task<Place> PlaceAsync(string name, long? parent, PlaceKind kind) => await store.CreateAsync(Build.Place(name, parent, kind), "test");
        var china = await PlaceAsync("China", null, PlaceKind.Country);
        var xinjiang = await PlaceAsync("Xinjiang", china.Id, PlaceKind.Region);
        var ili = await PlaceAsync("Ili", xinjiang.Id, PlaceKind.Prefecture);
        var emin = await PlaceAsync("Emin", ili.Id, PlaceKind.County);
        var village = await PlaceAsync("Qaraqum", emin.Id, PlaceKind.Village);
        var altay = await PlaceAsync("Altay", xinjiang.Id, PlaceKind.Prefecture);
        var kazakhstan = await PlaceAsync("Kazakhstan", null, PlaceKind.Country);
        var almaty = await PlaceAsync("Almaty", kazakhstan.Id, PlaceKind.City);

        async Task<Person> PersonAsync(string name, string? ethnicity, long? hometown, PersonStatus status) =>
            await store.CreateAsync(Build.Person(name) with { Ethnicity = ethnicity, HometownId = hometown, ReportedStatus = status }, "test");
        var aset = await PersonAsync("Aset Emintest", "Kazakh", emin.Id, PersonStatus.Detained);
        var bota = await PersonAsync("Bota Villagetest", "Kazakh", village.Id, PersonStatus.Detained);
        var dilnur = await PersonAsync("Dilnur Altaytest", "Uyghur", altay.Id, PersonStatus.Missing);
        var erlan = await PersonAsync("Erlan Almatytest", null, almaty.Id, PersonStatus.Released);
        var gulnar = await PersonAsync("Gulnar Nowheretest", "Kazakh", null, PersonStatus.Detained);

        // "interrogated" implies no status, so the statuses above stay as reported.
        async Task<Event> EventAsync(long subject, FuzzyDate? date, long? place) =>
            await store.CreateAsync(Build.Event("interrogated", subject, date) with { PlaceId = place }, "test");
        var january = await EventAsync(aset.Id, FuzzyDate.OnDay(2019, 1, 5), emin.Id);
        await EventAsync(bota.Id, FuzzyDate.OnDay(2019, 1, 20), village.Id);
        await EventAsync(dilnur.Id, FuzzyDate.InMonth(2019, 3), altay.Id);
        await EventAsync(aset.Id, FuzzyDate.InYear(2019), null);
        var picket = await EventAsync(erlan.Id, null, almaty.Id);

        var police = await store.CreateAsync(new Organization { Name = "Ili Prefecture Police", Kind = OrganizationKind.Police, PlaceId = ili.Id }, "test");
        var today = DateOnly.FromDateTime(DateTime.Now);
        var @case = await store.CreateAsync(new Case
        {
            Title = "Asylum of Erlan <Almaty> & co",
            Kind = CaseKind.Asylum,
            Parties = [new CaseParty(CasePartyRole.Applicant, erlan.Id)],
            Hearings = [new Hearing(today.AddDays(3))],
            Deadlines = [new Deadline(today.AddDays(10), DeadlineKind.AppealDue), new Deadline(today.AddDays(-5), DeadlineKind.Filing)],
        }, "test");
        await store.CreateAsync(Build.Source("A report on Emin"), "test");

        return new SmallRegistry(china, xinjiang, ili, emin, village, altay, kazakhstan, almaty, aset, bota, dilnur, erlan, gulnar, january, picket, police, @case);
    }
}
