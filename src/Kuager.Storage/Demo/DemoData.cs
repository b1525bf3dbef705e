using Dapper;
using Kuager.Core;
using Kuager.Names;

namespace Kuager.Storage;

/// <summary>
/// Fictional records so a new instance has something to show. Every one of them is invented, says so in its notes,
/// and has an external id starting DEMO-; they describe no real person.
/// </summary>
public static class DemoData
{
    public const string Marker = "FICTIONAL DEMO RECORD: this person does not exist.";

    /// <summary>Adds the demo records when the registry has no people; returns whether it did.</summary>
    public static async Task<bool> SeedIfEmptyAsync(Database db, CancellationToken ct = default)
    {
        await using (var connection = await db.OpenAsync(ct))
        {
            if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM persons") > 0)
            {
                return false;
            }
        }

        await using var s = await Session.BeginAsync(db, "demo", ct);
        var china = await s.CreateAsync(Place("China", PlaceKind.Country, null));
        var xinjiang = await s.CreateAsync(Place("Xinjiang", PlaceKind.Region, china.Id));
        var ili = await s.CreateAsync(Place("Ili", PlaceKind.Prefecture, xinjiang.Id));
        var gulja = await s.CreateAsync(Place("Gulja", PlaceKind.City, ili.Id) with
        {
            Names = [new PlaceName("Gulja", Script.English), new PlaceName("Құлжа", Script.KazakhCyrillic), new PlaceName("伊宁", Script.Chinese)],
        });
        var camp = await s.CreateAsync(Place("Demo Camp No. 3 (fictional)", PlaceKind.Camp, gulja.Id));
        var kazakhstan = await s.CreateAsync(Place("Kazakhstan", PlaceKind.Country, null));
        var almaty = await s.CreateAsync(Place("Almaty", PlaceKind.City, kazakhstan.Id));

        var aigerim = await s.CreateAsync(Person("DEMO-0001", Gender.Female, 1979, "Kazakh", gulja.Id,
            ("Aigerim Demobayeva", Script.English), ("Айгерім Демобаева", Script.KazakhCyrillic), ("Aigerim Demobaeva", Script.English)) with
        {
            // Contact details are always confidential and encrypted: only editors see them, and their reads are audited.
            Reporter = "Dana Demobayeva (fictional sister)",
            ReporterContact = "+0 000 000 00 00 (fictional)",
        });
        var nurlan = await s.CreateAsync(Person("DEMO-0002", Gender.Male, 1952, "Kazakh", gulja.Id,
            ("Nurlan Demobayev", Script.English), ("Нұрлан Демобаев", Script.KazakhCyrillic)));
        var abdurehim = await s.CreateAsync(Person("DEMO-0003", Gender.Male, 1985, "Uyghur", gulja.Id,
            ("Abdurehim Misal", Script.UyghurLatin), ("ئابدۇرەھىم مىسال", Script.UyghurArabic)));
        var dana = await s.CreateAsync(Person("DEMO-0004", Gender.Female, 1990, "Kazakh", almaty.Id,
            ("Dana Demobayeva", Script.English), ("Дана Демобаева", Script.KazakhCyrillic)));

        await s.CreateAsync(new Relationship { PersonAId = nurlan.Id, PersonBId = aigerim.Id, Type = RelationshipType.Parent, Confidentiality = Confidentiality.Public });
        await s.CreateAsync(new Relationship { PersonAId = aigerim.Id, PersonBId = dana.Id, Type = RelationshipType.Sibling, Confidentiality = Confidentiality.Public });

        var detained = await s.CreateAsync(Event("detained", FuzzyDate.InSeason(2017, Season.Spring, "in spring 2017"), gulja.Id, aigerim.Id));
        await s.CreateAsync(Event("taken-to-camp", FuzzyDate.InMonth(2017, 6, "in June 2017"), camp.Id, aigerim.Id));
        await s.CreateAsync(Event("contact-lost", FuzzyDate.InYear(2018, "since 2018"), null, nurlan.Id));
        await s.CreateAsync(Event("sentenced", FuzzyDate.OnDay(2019, 3, 12), gulja.Id, abdurehim.Id) with { TermDays = 3650 });
        await s.CreateAsync(Event("picket", FuzzyDate.OnDay(2021, 2, 22), almaty.Id, dana.Id));
        await s.CreateAsync(Event("administrative-arrest", FuzzyDate.OnDay(2021, 2, 23), almaty.Id, dana.Id) with { TermDays = 10 });
        await s.CreateAsync(Event("released", FuzzyDate.OnDay(2021, 3, 5), almaty.Id, dana.Id));

        var testimony = await s.CreateAsync(new Testimony
        {
            TestifierPersonId = dana.Id,
            SubjectPersonId = aigerim.Id,
            Relation = TestimonyRelation.Sibling,
            RecordedOn = FuzzyDate.OnDay(2020, 11, 2),
            RecordedAtPlaceId = almaty.Id,
            Language = "kk",
            Medium = TestimonyMedium.Written,
            Summary = "Fictional demo testimony: a sister reports that her sister was detained in spring 2017 and has not been heard from since.",
            Consent = Consent.PublishAnonymously,
            Confidentiality = Confidentiality.Restricted,
        });
        var source = await s.CreateAsync(new Source
        {
            Kind = SourceKind.Testimony,
            Title = "Demo testimony of Dana Demobayeva (fictional)",
            Language = "kk",
            Text = testimony.Summary,
            Date = FuzzyDate.OnDay(2020, 11, 2),
            Confidentiality = Confidentiality.Public,
        });
        await s.CreateAsync(new Citation
        {
            SourceId = source.Id,
            TargetKind = RecordKind.Event,
            TargetId = detained.Id,
            Level = EvidenceLevel.RelativeTestimony,
            Quote = "detained in spring 2017",
            Confidentiality = Confidentiality.Public,
        });
        await s.CreateAsync(new Case
        {
            Title = "Asylum application of Dana Demobayeva (fictional)",
            Kind = CaseKind.Asylum,
            Parties = [new CaseParty(CasePartyRole.Applicant, dana.Id)],
            Deadlines = [new Deadline(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30), DeadlineKind.AppealDue, "Appeal against refusal")],
        });
        await s.CommitAsync(ct);
        return true;
    }

    private static Place Place(string name, PlaceKind kind, long? parent) =>
        new() { Names = [new PlaceName(name, ScriptDetector.Detect(name))], Kind = kind, ParentId = parent, Confidentiality = Confidentiality.Public };

    private static Person Person(string externalId, Gender gender, int born, string ethnicity, long hometown, params (string Text, Script Script)[] names) => new()
    {
        ExternalId = externalId,
        Names = names.Select((n, i) => new PersonName(n.Text, n.Script, i == 0 ? NameKind.Primary : NameKind.Alias)).ToList(),
        Gender = gender,
        BirthDate = FuzzyDate.InYear(born),
        Ethnicity = ethnicity,
        Citizenships = ["PRC"],
        HometownId = hometown,
        Notes = Marker,
        Confidentiality = Confidentiality.Public,
    };

    private static Event Event(string type, FuzzyDate date, long? place, long subject) => new()
    {
        Type = type,
        Date = date,
        PlaceId = place,
        Participants = [new Participant(ParticipantRole.Subject, subject)],
        Description = "Fictional demo event.",
        Confidentiality = Confidentiality.Public,
    };
}
