using Kuager.Core;
using Kuager.Storage;
using Kuager.Storage.Tests;
using Kuager.Web.Tests.Places;

namespace Kuager.Web.Tests.Organizations;

public sealed class OrganizationTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_list_filters_by_kind(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        await app.Store.CreateAsync(new Organization { Name = "Atajurt", Kind = OrganizationKind.RelativesGroup }, "test");
        await app.Store.CreateAsync(new Organization { Name = "Medeu District Court", Kind = OrganizationKind.Court }, "test");
        await app.Store.CreateAsync(new Organization { Name = "Zhetysu Court", Kind = OrganizationKind.Court }, "test");

        var all = await app.PageAsync("/organizations?culture=en");
        Assert.Equal(["Atajurt", "Medeu District Court", "Zhetysu Court"], all.QuerySelectorAll("tbody td:first-child a").Select(a => a.TextContent));

        var courts = await app.PageAsync("/organizations?kind=court");
        Assert.Equal(["Medeu District Court", "Zhetysu Court"], courts.QuerySelectorAll("tbody td:first-child a").Select(a => a.TextContent));
        Assert.NotNull(courts.QuerySelector("select#kind option[value='court'][selected]"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_list_is_paged_keeping_its_filter(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        for (var i = 0; i < 52; i++)
        {
            await app.Store.CreateAsync(new Organization { Name = $"Court {i:D2}", Kind = OrganizationKind.Court }, "test");
        }

        await app.Store.CreateAsync(new Organization { Name = "Court-like media", Kind = OrganizationKind.Media }, "test");

        var first = await app.PageAsync("/organizations?kind=court");
        Assert.Equal(50, first.QuerySelectorAll("tbody tr").Length);
        var second = await app.PageAsync(first.QuerySelector(".pager a")!.GetAttribute("href")!);
        Assert.Equal(["Court 50", "Court 51"], second.QuerySelectorAll("tbody td:first-child a").Select(a => a.TextContent));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_organisation_page_shows_its_events_and_cases(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var person = await app.AddPersonAsync("Serikzhan Testov");
        var court = await app.Store.CreateAsync(new Organization { Name = "Medeu District Court", Kind = OrganizationKind.Court }, "test");
        var police = await app.Store.CreateAsync(new Organization { Name = "Almaty Police", Kind = OrganizationKind.Police }, "test");
        var arrest = await app.Store.CreateAsync(new Event
        {
            Type = "interrogated",
            Date = FuzzyDate.OnDay(2019, 3, 10),
            Participants = [new Participant(ParticipantRole.Subject, person.Id), new Participant(ParticipantRole.Authority, OrganizationId: police.Id)],
        }, "test");
        var trial = await app.Store.CreateAsync(new Case
        {
            Title = "Criminal case of S. Testov",
            Kind = CaseKind.Criminal,
            CourtOrganizationId = court.Id,
            Parties = [new CaseParty(CasePartyRole.Defendant, person.Id), new CaseParty(CasePartyRole.Plaintiff, OrganizationId: police.Id)],
        }, "test");

        var page = await app.PageAsync($"/organizations/{police.Id}?culture=en");
        var ev = page.QuerySelectorAll("#events tbody tr").Single();
        Assert.Equal($"/events/{arrest.Id}", ev.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Authority", ev.TextContent, StringComparison.Ordinal);
        var asParty = page.QuerySelectorAll("#cases tbody tr").Single();
        Assert.Equal($"/cases/{trial.Id}", asParty.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Plaintiff", asParty.TextContent, StringComparison.Ordinal);

        var courtPage = await app.PageAsync($"/organizations/{court.Id}?culture=en");
        var asCourt = courtPage.QuerySelectorAll("#cases tbody tr").Single();
        Assert.Contains("Criminal case of S. Testov", asCourt.TextContent, StringComparison.Ordinal);
        Assert.Contains("Court", asCourt.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_organisation_is_created_and_edited_through_the_form(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var almaty = await app.Store.CreateAsync(Build.Place("Almaty"), "test");

        var form = await RecordForm.LoadAsync(app, "/organizations/new");
        var location = await form.SaveAsync(
            ("Input.Name", "Atajurt Eriktileri"), ("Input.OtherNames", "Atajurt\r\nАтажұрт еріктілері\r\n"), ("Input.Kind", "relatives-group"),
            ("Input.PlacePath", "Almaty"), ("Input.Notes", "Volunteers in Almaty"));
        var id = long.Parse(location.Split('/')[2].Split('?')[0], System.Globalization.CultureInfo.InvariantCulture);
        var created = await app.Store.GetAsync<Organization>(id);
        Assert.Equal(["Atajurt", "Атажұрт еріктілері"], created!.OtherNames);
        Assert.Equal(OrganizationKind.RelativesGroup, created.Kind);
        Assert.Equal(almaty.Id, created.PlaceId);

        var edit = await RecordForm.LoadAsync(app, $"/organizations/{id}/edit");
        Assert.Equal("Almaty", edit["Input.PlacePath"]);
        await edit.SaveAsync(("Input.Kind", "ngo"), ("Input.PlacePath", ""));
        var edited = await app.Store.GetAsync<Organization>(id);
        Assert.Equal(OrganizationKind.Ngo, edited!.Kind);
        Assert.Null(edited.PlaceId);
        Assert.Equal("Volunteers in Almaty", edited.Notes);

        var page = await app.PageAsync($"/organizations/{id}");
        Assert.Equal(2, page.QuerySelectorAll("section.history tbody tr").Length);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_stale_organisation_edit_shows_the_conflict_and_a_missing_name_its_error(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var organization = await app.Store.CreateAsync(new Organization { Name = "Nagyz Atajurt" }, "test");

        var form = await RecordForm.LoadAsync(app, $"/organizations/{organization.Id}/edit");
        await app.Store.UpdateAsync(organization with { Notes = "changed meanwhile" }, "someone else");
        var conflict = await form.RefusedAsync(("Input.Name", "Nagyz Atajurt Eriktileri"));
        Assert.NotNull(conflict.QuerySelector("#conflict-title"));
        Assert.Equal("Nagyz Atajurt Eriktileri", RecordForm.Value(conflict, "Input.Name"));

        var fresh = await RecordForm.LoadAsync(app, $"/organizations/{organization.Id}/edit");
        var invalid = await fresh.RefusedAsync(("Input.Name", " "));
        Assert.NotEmpty(RecordForm.ErrorBeside(invalid, "Input.Name"));
        Assert.Equal("Nagyz Atajurt", (await app.Store.GetAsync<Organization>(organization.Id))!.Name);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_organisation_change_can_be_undone_from_its_page(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var organization = await app.Store.CreateAsync(new Organization { Name = "Ministry of Information" }, "test");
        await app.Store.UpdateAsync(organization with { Kind = OrganizationKind.Ministry }, "test");
        var update = (await app.Store.HistoryAsync(RecordKind.Organization, organization.Id))[^1];

        var undo = await RecordForm.UndoAsync(app, $"/organizations/{organization.Id}", update.Id);

        Assert.Equal(System.Net.HttpStatusCode.Redirect, undo.StatusCode);
        Assert.Equal(OrganizationKind.Other, (await app.Store.GetAsync<Organization>(organization.Id))!.Kind);
    }
}
