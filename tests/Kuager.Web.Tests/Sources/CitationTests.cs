using Kuager.Core;
using Kuager.Storage;
using Kuager.Storage.Tests;
using Kuager.Web.Tests.Places;

namespace Kuager.Web.Tests.Sources;

public sealed class CitationTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_citation_is_added_to_a_source_and_edited(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var person = await app.AddPersonAsync("Sairagul Testova");
        var source = await app.Store.CreateAsync(Build.Source("Her testimony"), "test");

        var form = await RecordForm.LoadAsync(app, $"/citations/new?source={source.Id}");
        Assert.Equal(source.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), form["Input.SourceId"]);
        var location = await form.SaveAsync(
            ("Input.TargetKind", "person"), ("Input.TargetId", $"/persons/{person.Id}"), ("Input.Level", "3"), ("Input.Quote", "I taught in the camp"));
        Assert.StartsWith($"/sources/{source.Id}", location, StringComparison.Ordinal);

        var citations = await CitationsAsync(app, source.Id);
        var citation = Assert.Single(citations);
        Assert.Equal((RecordKind.Person, person.Id, EvidenceLevel.FirstPersonTestimony, "I taught in the camp"), (citation.TargetKind, citation.TargetId, citation.Level, citation.Quote));

        var page = await app.PageAsync(location);
        Assert.Contains("Sairagul Testova", page.QuerySelector("#citations tbody")!.TextContent, StringComparison.Ordinal);
        var editLink = page.QuerySelector("#citations tbody a[href$='/edit']")!.GetAttribute("href")!;

        var edit = await RecordForm.LoadAsync(app, editLink);
        Assert.Equal("3", edit["Input.Level"]);
        await edit.SaveAsync(("Input.Level", "4"));
        Assert.Equal(EvidenceLevel.Documented, (await app.Store.GetAsync<Citation>(citation.Id))!.Level);
        Assert.Equal(2, (await app.Store.HistoryAsync(RecordKind.Citation, citation.Id)).Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_citation_of_a_missing_record_is_refused_beside_the_field(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var source = await app.Store.CreateAsync(Build.Source("A report"), "test");

        var form = await RecordForm.LoadAsync(app, $"/citations/new?source={source.Id}&culture=en");
        var page = await form.RefusedAsync(("Input.TargetKind", "event"), ("Input.TargetId", "9999"));
        Assert.Contains("9999", RecordForm.ErrorBeside(page, "Input.TargetId"), StringComparison.Ordinal);

        page = await form.RefusedAsync(("Input.TargetKind", "person"), ("Input.TargetId", "someone"));
        Assert.NotEmpty(RecordForm.ErrorBeside(page, "Input.TargetId"));
        Assert.Equal("someone", RecordForm.Value(page, "Input.TargetId"));
        Assert.Empty(await CitationsAsync(app, source.Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_stale_citation_edit_shows_the_conflict(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var person = await app.AddPersonAsync();
        var source = await app.Store.CreateAsync(Build.Source(), "test");
        var citation = await app.Store.CreateAsync(new Citation { SourceId = source.Id, TargetKind = RecordKind.Person, TargetId = person.Id, Level = EvidenceLevel.Unverified }, "test");

        var form = await RecordForm.LoadAsync(app, $"/citations/{citation.Id}/edit");
        await app.Store.UpdateAsync(citation with { Level = EvidenceLevel.RelativeTestimony }, "someone else");
        var page = await form.RefusedAsync(("Input.Quote", "my quote"));

        Assert.NotNull(page.QuerySelector("#conflict-title"));
        Assert.Equal("my quote", RecordForm.Value(page, "Input.Quote"));
        Assert.Null((await app.Store.GetAsync<Citation>(citation.Id))!.Quote);
    }

    private static async Task<List<Citation>> CitationsAsync(KuagerApp app, long sourceId)
    {
        await using var connection = await app.Store.Database.OpenAsync();
        var ids = await Dapper.SqlMapper.QueryAsync<long>(connection, "SELECT id FROM citations WHERE source_id = @sourceId", new { sourceId });
        var citations = new List<Citation>();
        foreach (var id in ids)
        {
            citations.Add((await app.Store.GetAsync<Citation>(id))!);
        }

        return citations;
    }
}
