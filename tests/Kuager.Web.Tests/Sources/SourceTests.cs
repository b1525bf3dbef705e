using Kuager.Core;
using Kuager.Storage;
using Kuager.Storage.Tests;
using Kuager.Web.Tests.Places;

namespace Kuager.Web.Tests.Sources;

public sealed class SourceTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_list_filters_by_kind_and_date(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        await app.Store.CreateAsync(Build.Source("Old news") with { Date = FuzzyDate.OnDay(2017, 5, 1) }, "test");
        await app.Store.CreateAsync(Build.Source("Newer news") with { Date = FuzzyDate.InMonth(2019, 2) }, "test");
        await app.Store.CreateAsync(Build.Source("A court record") with { Kind = SourceKind.CourtRecord, Date = FuzzyDate.OnDay(2019, 6, 1) }, "test");
        await app.Store.CreateAsync(Build.Source("Undated"), "test");

        static IEnumerable<string> Titles(AngleSharp.Dom.IDocument page) => page.QuerySelectorAll("tbody td:first-child a").Select(a => a.TextContent);

        Assert.Equal(["A court record", "Newer news", "Old news", "Undated"], Titles(await app.PageAsync("/sources?culture=en")));
        Assert.Equal(["Newer news", "Old news", "Undated"], Titles(await app.PageAsync("/sources?kind=news")));
        Assert.Equal(["A court record", "Newer news"], Titles(await app.PageAsync("/sources?from=2018")));
        Assert.Equal(["Newer news"], Titles(await app.PageAsync("/sources?kind=news&from=2018&to=2019-05")));
        Assert.NotNull((await app.PageAsync("/sources?from=soon")).QuerySelector(".field-error"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_source_page_shows_its_facts_and_what_it_supports_with_evidence_levels(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var person = await app.AddPersonAsync("Qalymbek Testuly");
        var detained = await app.Store.CreateAsync(Build.Event("detained", person.Id, FuzzyDate.InMonth(2018, 4)), "test");
        var source = await app.Store.CreateAsync(new Source
        {
            Kind = SourceKind.News,
            Title = "Relatives <report> & more",
            Publisher = "Azattyq",
            Author = "A. Writer",
            Url = "https://example.org/a?x=1&y=2",
            Date = FuzzyDate.InSeason(2018, Season.Spring, "in spring 2018"),
            Language = "kk",
            Text = "Original words of the report.",
        }, "test");
        await app.Store.CreateAsync(new Citation { SourceId = source.Id, TargetKind = RecordKind.Person, TargetId = person.Id, Level = EvidenceLevel.FirstPersonTestimony, Quote = "I was taken" }, "test");
        await app.Store.CreateAsync(new Citation { SourceId = source.Id, TargetKind = RecordKind.Event, TargetId = detained.Id, Level = EvidenceLevel.SecondHand }, "test");

        var page = await app.PageAsync($"/sources/{source.Id}?culture=en");

        Assert.Equal("Relatives <report> & more", page.QuerySelector("h1")!.TextContent);
        var link = page.QuerySelector("td.url a")!;
        Assert.Equal("https://example.org/a?x=1&y=2", link.GetAttribute("href"));
        Assert.Contains(Source.HashText("Original words of the report."), page.QuerySelector("code.hash")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("in spring 2018", page.QuerySelector("table.facts")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Original words of the report.", page.QuerySelector(".source-text")!.TextContent);

        var rows = page.QuerySelectorAll("#citations tbody tr").ToList();
        Assert.Equal(2, rows.Count);
        var eventRow = rows.Single(r => r.TextContent.Contains("Event", StringComparison.Ordinal));
        Assert.Equal($"/events/{detained.Id}", eventRow.QuerySelector("td a")!.GetAttribute("href"));
        Assert.Contains("Reported second-hand", eventRow.QuerySelector(".evidence-1")!.TextContent, StringComparison.Ordinal);
        var personRow = rows.Single(r => r.TextContent.Contains("Qalymbek Testuly", StringComparison.Ordinal));
        Assert.Equal($"/persons/{person.Id}", personRow.QuerySelector("td a")!.GetAttribute("href"));
        Assert.Contains("First-person testimony", personRow.QuerySelector(".evidence-3")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("I was taken", personRow.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_source_is_created_and_edited_through_the_form_and_a_bad_address_is_refused(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);

        var form = await RecordForm.LoadAsync(app, "/sources/new?culture=en");
        var refused = await form.RefusedAsync(("Input.Title", "A post"), ("Input.Url", "javascript:alert(1)"), ("Input.Date", "someday"));
        Assert.NotEmpty(RecordForm.ErrorBeside(refused, "Input.Date"));
        Assert.Equal("javascript:alert(1)", RecordForm.Value(refused, "Input.Url"));
        refused = await form.RefusedAsync(("Input.Title", "A post"), ("Input.Url", "javascript:alert(1)"));
        Assert.NotEmpty(RecordForm.ErrorBeside(refused, "Input.Url"));
        Assert.Empty(refused.QuerySelectorAll("a[href^='javascript']"));

        var location = await form.SaveAsync(
            ("Input.Title", "A post"), ("Input.Kind", "social-media"), ("Input.Url", "https://example.org/post"), ("Input.Date", "2019-03"),
            ("Input.Language", "ru"), ("Input.Text", "Text of the post"));
        var id = long.Parse(location.Split('/')[2].Split('?')[0], System.Globalization.CultureInfo.InvariantCulture);
        var created = await app.Store.GetAsync<Source>(id);
        Assert.Equal(SourceKind.SocialMedia, created!.Kind);
        Assert.Equal(FuzzyDate.InMonth(2019, 3), created.Date);
        Assert.Equal(Source.HashText("Text of the post"), created.ContentHash);

        var edit = await RecordForm.LoadAsync(app, $"/sources/{id}/edit");
        Assert.Equal("2019-03", edit["Input.Date"]);
        await edit.SaveAsync(("Input.Publisher", "Vlast.kz"));
        var edited = await app.Store.GetAsync<Source>(id);
        Assert.Equal("Vlast.kz", edited!.Publisher);
        Assert.Equal(created.Date, edited.Date);
        Assert.Equal(2, edited.Version);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_stale_source_edit_shows_the_conflict_and_undo_takes_a_change_back(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var source = await app.Store.CreateAsync(Build.Source("First title"), "test");

        var form = await RecordForm.LoadAsync(app, $"/sources/{source.Id}/edit");
        var theirs = await app.Store.UpdateAsync(source with { Title = "Their title" }, "someone else");
        var conflict = await form.RefusedAsync(("Input.Title", "My title"));
        Assert.NotNull(conflict.QuerySelector("#conflict-title"));
        Assert.Equal("My title", RecordForm.Value(conflict, "Input.Title"));

        var update = (await app.Store.HistoryAsync(RecordKind.Source, source.Id))[^1];
        var undo = await RecordForm.UndoAsync(app, $"/sources/{source.Id}", update.Id);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, undo.StatusCode);
        Assert.Equal("First title", (await app.Store.GetAsync<Source>(source.Id))!.Title);
        Assert.Equal(theirs.Version + 1, (await app.Store.GetAsync<Source>(source.Id))!.Version);
    }
}
