using System.Net;
using Kuager.Core;
using Kuager.Storage;
using Kuager.Storage.Tests;
using Kuager.Web.Tests.Events;

namespace Kuager.Web.Tests.Cases;

/// <summary>The cases list, page, forms, conflicts and undo, on both providers.</summary>
public sealed class CasePageTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_list_filters_by_kind_and_status_and_shows_the_next_deadline(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var asylum = await app.Store.CreateAsync(new Case
        {
            Title = "Asylum of A.",
            Kind = CaseKind.Asylum,
            Deadlines = [new Deadline(Today.AddDays(-3), DeadlineKind.Filing), new Deadline(Today.AddDays(40), DeadlineKind.AppealDue)],
            Hearings = [new Hearing(Today.AddDays(10), "first hearing")],
        }, "test");
        var criminal = await app.Store.CreateAsync(new Case { Title = "Criminal case of B.", Kind = CaseKind.Criminal, Number = "2-123/2021" }, "test");
        var closed = await app.Store.CreateAsync(new Case { Title = "Closed deportation", Kind = CaseKind.Deportation, Status = CaseStatus.Closed, Outcome = "Deportation cancelled" }, "test");

        var all = await app.PageAsync("/cases");
        Assert.Equal([asylum.Id, closed.Id, criminal.Id], CaseIds(all));
        var next = all.QuerySelector("table.cases tbody tr time")!;
        Assert.Equal(Today.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), next.GetAttribute("datetime"));
        Assert.Contains("Hearing", next.ParentElement!.TextContent);
        Assert.Contains("2-123/2021", all.QuerySelector("table.cases")!.TextContent);

        Assert.Equal([criminal.Id], CaseIds(await app.PageAsync("/cases?kind=criminal")));
        Assert.Equal([closed.Id], CaseIds(await app.PageAsync("/cases?status=closed")));
        Assert.Equal([asylum.Id, criminal.Id], CaseIds(await app.PageAsync("/cases?status=open")));
        Assert.Empty(CaseIds(await app.PageAsync("/cases?kind=asylum&status=closed")));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_page_shows_parties_lawyer_court_hearings_sorted_deadlines_and_outcome(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var applicant = await app.AddPersonAsync("Applicant Testova");
        var lawyer = await app.AddPersonAsync("Lawyer Testov");
        var court = await app.Store.CreateAsync(new Organization { Name = "Specialised court", Kind = OrganizationKind.Court }, "test");
        var c = await app.Store.CreateAsync(new Case
        {
            Title = "Refugee status of A.",
            Kind = CaseKind.Asylum,
            Status = CaseStatus.Closed,
            Parties = [new CaseParty(CasePartyRole.Applicant, applicant.Id)],
            LawyerPersonId = lawyer.Id,
            CourtOrganizationId = court.Id,
            Hearings = [new Hearing(new DateOnly(2021, 5, 3), "appeal heard")],
            Deadlines = [new Deadline(new DateOnly(2022, 1, 10), DeadlineKind.StatusValidUntil), new Deadline(new DateOnly(2021, 6, 1), DeadlineKind.AppealDue, "ten days")],
            Outcome = "Status granted for one year",
        }, "test");

        var page = await app.PageAsync($"/cases/{c.Id}");
        Assert.Equal("Refugee status of A.", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("Applicant Testova", page.QuerySelector($"table.parties a[href='/persons/{applicant.Id}']")!.TextContent);
        Assert.Equal("Lawyer Testov", page.QuerySelector($"a[href='/persons/{lawyer.Id}']")!.TextContent);
        Assert.Equal("Specialised court", page.QuerySelector($"a[href='/organizations/{court.Id}']")!.TextContent);
        Assert.Contains("appeal heard", page.QuerySelector("table.hearings")!.TextContent);
        var deadlines = page.QuerySelectorAll("table.deadlines tbody tr time").Select(t => t.GetAttribute("datetime") ?? "").ToArray();
        Assert.Equal(["2021-06-01", "2022-01-10"], deadlines);
        Assert.Contains("Status granted for one year", page.QuerySelector("main")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync("/cases/424242")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_case_is_created_from_the_form_with_rows_for_parties_hearings_and_deadlines(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var applicant = await app.AddPersonAsync();
        var court = await app.Store.CreateAsync(new Organization { Name = "Medeu district court", Kind = OrganizationKind.Court }, "test");

        var form = await WebForm.LoadAsync(app, $"/cases/new?person={applicant.Id}");
        Assert.Equal(applicant.ExternalId, form["Input.Parties[0].Person"]);
        Assert.NotNull(form["Input.Hearings[2].Date"]);
        Assert.NotNull(form["Input.Deadlines[2].Due"]);
        form.Set("Input.Title", "Asylum of Testova").Set("Input.Number", "A-77").Set("Input.Court", "Medeu district court")
            .Set("Input.Hearings[0].Date", "2031-03-04").Set("Input.Hearings[0].Description", "first hearing")
            .Set("Input.Deadlines[1].Due", "2031-02-01").Set("Input.Deadlines[1].Kind", "status-valid-until")
            .Set("Input.Deadlines[0].Due", "2031-05-01").Set("Input.Deadlines[0].Description", "appeal");
        var id = WebForm.RedirectedId(await form.PostAsync(app.Client), "/cases/");

        var saved = await app.Store.GetAsync<Case>(id);
        Assert.NotNull(saved);
        Assert.Equal("Asylum of Testova", saved.Title);
        Assert.Equal(CaseKind.Asylum, saved.Kind);
        Assert.Equal("A-77", saved.Number);
        Assert.Equal(court.Id, saved.CourtOrganizationId);
        Assert.Equal([new CaseParty(CasePartyRole.Applicant, applicant.Id)], saved.Parties);
        Assert.Equal([new Hearing(new DateOnly(2031, 3, 4), "first hearing")], saved.Hearings);
        Assert.Equal(
            [new Deadline(new DateOnly(2031, 2, 1), DeadlineKind.StatusValidUntil), new Deadline(new DateOnly(2031, 5, 1), DeadlineKind.AppealDue, "appeal")],
            saved.Deadlines);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_edit_saves_a_version_a_stale_one_shows_the_conflict(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var c = await app.Store.CreateAsync(new Case { Title = "Deportation of C.", Kind = CaseKind.Deportation, Hearings = [new Hearing(new DateOnly(2030, 1, 2), "hearing", null)] }, "test");

        var edit = await WebForm.LoadAsync(app, $"/cases/{c.Id}/edit");
        Assert.Equal("2030-01-02", edit["Input.Hearings[0].Date"]);
        Assert.Equal(c.Id, WebForm.RedirectedId(await edit.Set("Input.Notes", "client reachable by phone").PostAsync(app.Client), "/cases/"));
        var v2 = await app.Store.GetAsync<Case>(c.Id);
        Assert.Equal(2, v2!.Version);
        Assert.Equal("client reachable by phone", v2.Notes);
        Assert.Equal(c.Hearings, v2.Hearings);

        var mine = await WebForm.LoadAsync(app, $"/cases/{c.Id}/edit");
        await app.Store.UpdateAsync(v2 with { Number = "THEIRS-1" }, "colleague");
        var page = await WebForm.ParseAsync(await mine.Set("Input.Number", "MINE-2").PostAsync(app.Client));
        var panel = page.QuerySelector("[aria-labelledby=conflict-title]");
        Assert.NotNull(panel);
        Assert.Contains("THEIRS-1", panel.TextContent);
        Assert.Equal("MINE-2", WebForm.Value(page, "Input.Number"));
        Assert.Equal("3", WebForm.Value(page, "Input.Version"));
        Assert.Equal("THEIRS-1", (await app.Store.GetAsync<Case>(c.Id))!.Number);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Errors_are_shown_beside_their_fields(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);

        var form = await WebForm.LoadAsync(app, "/cases/new");
        var page = await WebForm.ParseAsync(await form.Set("Input.Title", "").Set("Input.Deadlines[0].Due", "next spring").Set("Input.Lawyer", "NOBODY").PostAsync(app.Client));
        Assert.NotEmpty(WebForm.ErrorBeside(page, "Input.Title"));
        Assert.NotEmpty(WebForm.ErrorBeside(page, "Input.Deadlines[0].Due"));
        Assert.NotEmpty(WebForm.ErrorBeside(page, "Input.Lawyer"));

        // The domain's rule: a closed case needs its outcome.
        var closed = await WebForm.LoadAsync(app, "/cases/new");
        var refused = await WebForm.ParseAsync(await closed.Set("Input.Title", "Closed case").Set("Input.Status", "closed").PostAsync(app.Client));
        Assert.Contains("outcome", WebForm.ErrorBeside(refused, "Input.Outcome"));
        Assert.Equal(0, await app.Db.RowsAsync("cases"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Undo_takes_back_a_change(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var c = await app.Store.CreateAsync(new Case { Title = "Case D." }, "test");
        await app.Store.UpdateAsync(c with { Title = "Case D. renamed" }, "test");
        var history = await app.Store.HistoryAsync(RecordKind.Case, c.Id);

        var response = await WebForm.UndoAsync(app, $"/cases/{c.Id}", history[1].Id);
        Assert.Equal($"/cases/{c.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal("Case D.", (await app.Store.GetAsync<Case>(c.Id))!.Title);
        var page = await app.PageAsync($"/cases/{c.Id}");
        Assert.Equal(3, page.QuerySelectorAll("table.history tbody tr").Length);
    }

    private static long[] CaseIds(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("table.cases tbody tr td:first-child a")
            .Select(a => long.Parse(a.GetAttribute("href")!["/cases/".Length..], System.Globalization.CultureInfo.InvariantCulture))
            .ToArray();
}
