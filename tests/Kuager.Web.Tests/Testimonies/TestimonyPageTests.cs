using System.Net;
using System.Security.Cryptography;
using System.Text;
using Kuager.Core;
using Kuager.Storage;
using Kuager.Storage.Tests;
using Kuager.Web.Tests.Events;

namespace Kuager.Web.Tests.Testimonies;

/// <summary>The testimonies list, page, forms with file uploads, downloads, conflicts and undo, on both providers.</summary>
public sealed class TestimonyPageTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_list_filters_by_medium_consent_and_language(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var subject = await app.AddPersonAsync();
        var video = await app.Store.CreateAsync(new Testimony { SubjectPersonId = subject.Id, Medium = TestimonyMedium.Video, Language = "kk", Consent = Consent.PublishAnonymously }, "test");
        var written = await app.Store.CreateAsync(new Testimony { SubjectPersonId = subject.Id, Medium = TestimonyMedium.Written, Language = "ug" }, "test");
        var audio = await app.Store.CreateAsync(new Testimony { SubjectPersonId = subject.Id, Medium = TestimonyMedium.Audio, Language = "kk", Consent = Consent.Withdrawn }, "test");

        Assert.Equal([audio.Id, written.Id, video.Id], TestimonyIds(await app.PageAsync("/testimonies")));
        Assert.Equal([video.Id], TestimonyIds(await app.PageAsync("/testimonies?medium=video")));
        Assert.Equal([audio.Id], TestimonyIds(await app.PageAsync("/testimonies?consent=withdrawn")));
        Assert.Equal([audio.Id, video.Id], TestimonyIds(await app.PageAsync("/testimonies?language=KK")));
        Assert.Equal([video.Id], TestimonyIds(await app.PageAsync("/testimonies?language=kk&consent=publish-anonymously&medium=video")));
        var list = await app.PageAsync("/testimonies");
        Assert.NotNull(list.QuerySelector($"table.testimonies a[href='/persons/{subject.Id}']"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_page_shows_who_testified_about_whom_when_where_and_the_consent(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var subject = await app.AddPersonAsync("Subject Testov");
        var mother = await app.AddPersonAsync("Mother Testova");
        var almaty = await app.Store.CreateAsync(Build.Place("Almaty"), "test");
        var t = await app.Store.CreateAsync(new Testimony
        {
            SubjectPersonId = subject.Id,
            TestifierPersonId = mother.Id,
            Relation = TestimonyRelation.Parent,
            RecordedOn = FuzzyDate.InMonth(2019, 3, "in March 2019"),
            RecordedAtPlaceId = almaty.Id,
            Language = "kk",
            Medium = TestimonyMedium.Video,
            Summary = "Her son was taken in 2017.",
            Transcript = "Line one.\nLine two.",
            Consent = Consent.PublishAnonymously,
        }, "test");

        var page = await app.PageAsync($"/testimonies/{t.Id}");
        var text = page.QuerySelector("main")!.TextContent;
        Assert.Equal("Subject Testov", page.QuerySelector($"a[href='/persons/{subject.Id}']")!.TextContent);
        Assert.Equal("Mother Testova", page.QuerySelector($"a[href='/persons/{mother.Id}']")!.TextContent);
        Assert.NotNull(page.QuerySelector($"a[href='/places/{almaty.Id}']"));
        Assert.Equal("in March 2019", page.QuerySelector("q.date-words")!.TextContent);
        Assert.Equal("2019-03", page.QuerySelector("code.date-value")!.TextContent);
        Assert.Contains("Parent", text);
        Assert.Contains("Video", text);
        Assert.Contains("Publish anonymously", text);
        Assert.Contains("Her son was taken in 2017.", text);
        Assert.Contains("Line two.", page.QuerySelector(".transcript")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync("/testimonies/777777")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_uploaded_file_is_shown_with_its_sha256_and_downloads_as_the_same_bytes(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var subject = await app.AddPersonAsync();
        var bytes = Encoding.UTF8.GetBytes("a small test video " + Guid.NewGuid());
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));

        var form = await WebForm.LoadAsync(app, $"/testimonies/new?person={subject.Id}");
        Assert.NotNull(form.Page.QuerySelector("main form[data-progress][enctype='multipart/form-data'] input[type=file][multiple]"));
        Assert.NotNull(form.Page.QuerySelector("main form[data-progress] progress[hidden]"));
        Assert.Equal(subject.ExternalId, form["Input.Subject"]);
        form.Set("Input.Summary", "Recorded at the office.").Set("Input.RecordedOn", "2019-03-05");
        var id = WebForm.RedirectedId(await form.PostMultipartAsync(app.Client, "Input.Uploads", ("testimony.mp4", "video/mp4", bytes)), "/testimonies/");

        var saved = await app.Store.GetAsync<Testimony>(id);
        var file = Assert.Single(saved!.Files);
        Assert.Equal(new StoredFile(sha, bytes.Length, "video/mp4", "testimony.mp4"), file);

        var page = await app.PageAsync($"/testimonies/{id}");
        Assert.Equal(sha, page.QuerySelector("table.files code.sha256")!.TextContent);
        Assert.Contains("testimony.mp4", page.QuerySelector("table.files")!.TextContent);

        var download = await app.Client.GetAsync($"/testimonies/{id}/files/{sha}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("video/mp4", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("testimony.mp4", download.Content.Headers.ContentDisposition.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName);

        // A stored file that belongs to another testimony is not served through this one.
        var otherBytes = Encoding.UTF8.GetBytes("another testimony's file " + Guid.NewGuid());
        var otherSha = Convert.ToHexStringLower(SHA256.HashData(otherBytes));
        var other = await WebForm.LoadAsync(app, $"/testimonies/new?person={subject.Id}");
        var otherId = WebForm.RedirectedId(await other.PostMultipartAsync(app.Client, "Input.Uploads", ("other.txt", "text/plain", otherBytes)), "/testimonies/");
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync($"/testimonies/{otherId}/files/{otherSha}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync($"/testimonies/{id}/files/{otherSha}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync($"/testimonies/{id}/files/{new string('0', 64)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync($"/testimonies/{id}/files/..%2F..%2Fkuager.db")).StatusCode);

        // Editing keeps the attached file unless it is unticked.
        var edit = await WebForm.LoadAsync(app, $"/testimonies/{id}/edit");
        Assert.Equal(sha, edit["Input.KeepFiles"]);
        Assert.Equal(id, WebForm.RedirectedId(await edit.Set("Input.Language", "kk").PostMultipartAsync(app.Client, "Input.Uploads"), "/testimonies/"));
        var edited = await app.Store.GetAsync<Testimony>(id);
        Assert.Equal("kk", edited!.Language);
        Assert.Equal([file], edited.Files);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_refused_save_stores_no_reference_to_its_upload_and_says_so_beside_the_fields(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var form = await WebForm.LoadAsync(app, "/testimonies/new");
        var response = await form.Set("Input.Summary", "about nobody").PostMultipartAsync(app.Client, "Input.Uploads", ("lost.txt", "text/plain", [1, 2, 3]));

        var page = await WebForm.ParseAsync(response);
        Assert.NotEmpty(WebForm.ErrorBeside(page, "Input.Subject"));
        Assert.Contains("lost.txt", WebForm.ErrorBeside(page, "Input.Uploads"));
        Assert.Equal("about nobody", WebForm.Value(page, "Input.Summary"));
        Assert.Equal(0, await app.Db.RowsAsync("testimonies"));
        Assert.Equal(0, await app.Db.RowsAsync("files"));

        var badDate = await WebForm.LoadAsync(app, "/testimonies/new");
        var refused = await WebForm.ParseAsync(await badDate.Set("Input.RecordedOn", "when the snow fell").Set("Input.Testifier", "NOBODY").PostAsync(app.Client));
        Assert.NotEmpty(WebForm.ErrorBeside(refused, "Input.RecordedOn"));
        Assert.NotEmpty(WebForm.ErrorBeside(refused, "Input.Testifier"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_stale_edit_shows_the_conflict_and_undo_takes_back_a_change(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var subject = await app.AddPersonAsync();
        var t = await app.Store.CreateAsync(new Testimony { SubjectPersonId = subject.Id, Summary = "first summary" }, "test");

        var mine = await WebForm.LoadAsync(app, $"/testimonies/{t.Id}/edit");
        await app.Store.UpdateAsync(t with { Summary = "their summary" }, "colleague");
        var page = await WebForm.ParseAsync(await mine.Set("Input.Summary", "my summary").PostMultipartAsync(app.Client, "Input.Uploads"));
        var panel = page.QuerySelector("[aria-labelledby=conflict-title]");
        Assert.NotNull(panel);
        Assert.Contains("their summary", panel.TextContent);
        Assert.Equal("my summary", WebForm.Value(page, "Input.Summary"));
        Assert.Equal("2", WebForm.Value(page, "Input.Version"));

        var history = await app.Store.HistoryAsync(RecordKind.Testimony, t.Id);
        var undo = await WebForm.UndoAsync(app, $"/testimonies/{t.Id}", history[1].Id);
        Assert.Equal(HttpStatusCode.Redirect, undo.StatusCode);
        Assert.Equal("first summary", (await app.Store.GetAsync<Testimony>(t.Id))!.Summary);
    }

    private static long[] TestimonyIds(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("table.testimonies tbody tr td:first-child a")
            .Select(a => long.Parse(a.GetAttribute("href")!["/testimonies/".Length..], System.Globalization.CultureInfo.InvariantCulture))
            .ToArray();
}
