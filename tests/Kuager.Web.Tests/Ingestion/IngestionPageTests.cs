using System.Net;
using Kuager.Core;
using Kuager.Storage;
using Kuager.Storage.Tests;
using Kuager.Storage.Tests.Ingestion;
using Kuager.Web.Tests.Accounts;
using Kuager.Web.Tests.Events;

namespace Kuager.Web.Tests.Ingestion;

/// <summary>The ingestion page: paste and upload, then accept, edit and reject in the review queue; editors only.</summary>
public sealed class IngestionPageTests
{
    private static string Token(WebForm form) => form["__RequestVerificationToken"]!;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_editor_pastes_and_uploads_then_accepts_edits_and_rejects_proposals(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var (editor, _, _) = await app.SignedInAsync(Role.Editor);
        var form = await WebForm.LoadAsync(app, "/ingestion", editor);
        Assert.Contains(form.Page.QuerySelectorAll("header nav a"), a => a.GetAttribute("href") == "/ingestion");

        var content = new MultipartFormDataContent
        {
            { new StringContent(Token(form)), "__RequestVerificationToken" },
            { new StringContent(SourceIngestionTests.Story), "Text" },
            { new StringContent("text"), "Format" },
            { new StringContent("2021-03-02"), "Date" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(SourceIngestionTests.OtherStory)), "files", "other.md" },
        };
        var ingested = await editor.PostAsync("/ingestion?handler=Ingest", content);

        Assert.Equal(HttpStatusCode.Redirect, ingested.StatusCode);
        Assert.Equal("/ingestion?notice=ingested&count=2&copies=0", ingested.Headers.Location!.OriginalString);
        Assert.Equal(2, await app.Db.RowsAsync("sources"));

        var page = await app.PageAsync("/ingestion", editor);
        var rows = page.QuerySelectorAll("table.proposals tbody tr").ToList();
        string IdOf(string label) => rows.Single(r => r.QuerySelector("input[name=label]")!.GetAttribute("value") == label).GetAttribute("data-proposal")!;
        var kabdolov = IdOf("Yerlan Kabdolov");
        var gulzhan = IdOf("Gulzhan Serikbaikyzy");
        var ghulja = IdOf("Ghulja");
        var token = page.QuerySelector("form#review input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        // The queue shows the place of a place proposal and the place an event's sentence names.
        string PlaceOf(string id) => rows.Single(r => r.GetAttribute("data-proposal") == id).QuerySelector("td.place")!.TextContent;
        Assert.Equal("China > Xinjiang > Ili > Ghulja", PlaceOf(ghulja));
        var picket = rows.Single(r => r.QuerySelector("input[name=label]")!.GetAttribute("value") == "picket"
            && r.QuerySelector("td.sentence")!.TextContent.Contains("picketed the Chinese Consulate", StringComparison.Ordinal));
        Assert.Equal("Kazakhstan > Almaty", picket.QuerySelector("td.place")!.TextContent);

        var edited = await editor.PostAsync($"/ingestion?handler=Edit&id={gulzhan}",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("label", "Gulzhan Serikbaiqyzy")]));
        Assert.Equal("/ingestion?notice=edited", edited.Headers.Location!.OriginalString);
        var accepted = await editor.PostAsync("/ingestion?handler=Accept",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("ids", kabdolov), new("ids", gulzhan)]));
        Assert.Equal("/ingestion?notice=accepted&count=2", accepted.Headers.Location!.OriginalString);
        var rejected = await editor.PostAsync("/ingestion?handler=Reject",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("ids", ghulja)]));
        Assert.Equal("/ingestion?notice=rejected&count=1", rejected.Headers.Location!.OriginalString);

        Assert.Equal(2, await app.Db.RowsAsync("persons"));
        var after = await app.PageAsync("/ingestion?notice=rejected&count=1", editor);
        Assert.Contains("1", after.QuerySelector("p.notice")!.TextContent, StringComparison.Ordinal);
        var left = after.QuerySelectorAll("table.proposals tbody tr").Select(r => r.GetAttribute("data-proposal")).ToList();
        Assert.DoesNotContain(kabdolov, left);
        Assert.DoesNotContain(ghulja, left);

        var none = await editor.PostAsync("/ingestion?handler=Accept", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Researchers_are_denied_the_page_and_do_not_see_it_in_the_navigation(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var (researcher, _, _) = await app.SignedInAsync(Role.Researcher);

        var answer = await researcher.GetAsync("/ingestion");

        Assert.Equal("/account/denied", answer.Headers.Location!.AbsolutePath);
        Assert.DoesNotContain((await app.PageAsync("/persons", researcher)).QuerySelectorAll("header nav a"), a => a.GetAttribute("href") == "/ingestion");
    }

    [Fact]
    public async Task The_form_carries_a_progress_bar_for_several_files_and_the_page_loads_its_script_from_a_file()
    {
        await using var app = await KuagerApp.StartAsync(Provider.Sqlite);
        var (editor, _, _) = await app.SignedInAsync(Role.Editor);
        var page = await app.PageAsync("/ingestion", editor);

        var form = page.QuerySelector("form.ingest-form")!;
        var progress = form.QuerySelector("progress.ingest-progress")!;
        Assert.True(progress.HasAttribute("hidden"));
        Assert.Equal("{0} of {1} files ingested", form.QuerySelector(".ingest-progress-text")!.GetAttribute("data-template"));
        Assert.Contains(page.QuerySelectorAll("script[src]"), s => s.GetAttribute("src") == "/assets/ingestion.js");
        var script = await editor.GetAsync("/assets/ingestion.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("progress.value = done", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
