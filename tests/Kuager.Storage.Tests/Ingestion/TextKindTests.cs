using Dapper;
using Kuager.Core;
using Kuager.Ingestion;
using Kuager.Storage.Ingestion;

namespace Kuager.Storage.Tests.Ingestion;

/// <summary>What the user says a text is sets its source's kind, the evidence of what is accepted from it, and confidentiality.</summary>
public sealed class TextKindTests
{
    private const string Actor = "reviewer";

    private const string Testimony =
        "My brother Nurlan Serikbaiuly was taken to a camp in Ghulja in 2018.\n\nI saw police detain my cousin Aidos Kenzhebek in Almaty in March 2020.";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_first_person_testimony_is_a_confidential_testimony_source_and_what_is_accepted_from_it_is_cited_at_level_3_and_confidential(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ingested = Assert.Single(await new SourceIngestion(db.Database).IngestAsync(
            [new IngestPage("testimony.txt", Testimony, PageFormat.Text)], new SourceHints { Kind = TextKind.FirstPersonTestimony }, Actor));
        var review = new ProposalReview(db.Database);
        var camp = Assert.Single(await review.ListAsync(), p => p is { Kind: "event", Label: "taken-to-camp" });

        var accepted = Assert.Single(await review.AcceptAsync([camp.Id], Actor));

        var source = await db.Store.GetAsync<Source>(ingested.SourceId, Viewer.Operator(Actor));
        Assert.Equal((SourceKind.Testimony, Confidentiality.Confidential), (source!.Kind, source.Confidentiality));
        var created = await db.Store.GetAsync<Event>(accepted.RecordId!.Value, Viewer.Operator(Actor));
        Assert.Equal(Confidentiality.Confidential, created!.Confidentiality);
        var person = await db.Store.GetAsync<Person>(Assert.Single(created.SubjectIds), Viewer.Operator(Actor));
        Assert.Equal(("Nurlan Serikbaiuly", Confidentiality.Confidential), (person!.Names[0].Text, person.Confidentiality));
        await using var connection = await db.Database.OpenAsync();
        var levels = (await connection.QueryAsync<long>("SELECT level FROM citations WHERE source_id = @source", new { source = ingested.SourceId })).ToList();
        Assert.Equal([3L, 3L], levels);
        // A researcher does not see the testimony nor what it told.
        Assert.Null(await db.Store.GetAsync<Source>(ingested.SourceId, new Viewer("r", Role.Researcher)));
        Assert.Null(await db.Store.GetAsync<Event>(created.Id, new Viewer("r", Role.Researcher)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_relatives_testimony_gives_level_2_a_court_record_level_4_and_a_news_report_level_1(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ingestion = new SourceIngestion(db.Database);
        var review = new ProposalReview(db.Database);
        var expected = new Dictionary<TextKind, long> { [TextKind.Testimony] = 2, [TextKind.CourtRecord] = 4, [TextKind.News] = 1 };
        foreach (var (kind, level) in expected)
        {
            // Each text differs, so none is a near-copy of another.
            var text = $"{kind}: Police detained Aigerim Tolegenova in Almaty in March 2020 ({TextKinds.Code(kind)}), witnesses said on the record {(int)kind}.";
            var source = Assert.Single(await ingestion.IngestAsync([new IngestPage("t.txt", text, PageFormat.Text)], new SourceHints { Kind = kind }, Actor));
            var detained = Assert.Single(await review.ListAsync(sourceId: source.SourceId), p => p.Kind == "event");
            await review.AcceptAsync([detained.Id], Actor);
            await using var connection = await db.Database.OpenAsync();
            Assert.Equal(level, await connection.ExecuteScalarAsync<long>(
                "SELECT level FROM citations WHERE source_id = @source AND target_kind = 'event'", new { source = source.SourceId }));
            var stored = await db.Store.GetAsync<Source>(source.SourceId, Viewer.Operator(Actor));
            Assert.Equal(kind.SourceKind(), stored!.Kind);
        }
    }
}
