using Dapper;
using Kuager.Core;
using Kuager.Ingestion;
using Kuager.Storage.Ingestion;

namespace Kuager.Storage.Tests.Ingestion;

/// <summary>The review queue on both providers: accept creates or cites records with the source's evidence level, edit, reject, batch accept.</summary>
public sealed class ProposalReviewTests
{
    private const string Actor = "reviewer";

    private static async Task<(TestDatabase Db, IReadOnlyList<IngestProposal> Proposals)> IngestAsync(Provider provider)
    {
        var db = await TestDatabase.CreateAsync(provider);
        await new SourceIngestion(db.Database).IngestAsync(
            [new IngestPage("story.txt", SourceIngestionTests.Story, PageFormat.Text)], new SourceHints { Date = new DateOnly(2021, 3, 2) }, Actor);
        return (db, await new ProposalReview(db.Database).ListAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Accepting_an_event_creates_it_with_its_people_particulars_and_a_second_hand_citation_quoting_the_sentence(Provider provider)
    {
        var (db, proposals) = await IngestAsync(provider);
        await using var _ = db;
        var review = new ProposalReview(db.Database);
        var arrest = Assert.Single(proposals, p => p is { Kind: "event", Label: "administrative-arrest" });

        var accepted = Assert.Single(await review.AcceptAsync([arrest.Id], Actor));

        Assert.Equal(("event", ProposalReview.Accepted), (accepted.RecordKind, accepted.Status));
        var created = await db.Store.GetAsync<Event>(accepted.RecordId!.Value, Viewer.Operator(Actor));
        Assert.NotNull(created);
        Assert.Equal(10, created.TermDays);
        var person = await db.Store.GetAsync<Person>(Assert.Single(created.SubjectIds), Viewer.Operator(Actor));
        Assert.Equal("Yerlan Kabdolov", person!.Names[0].Text);
        await using var connection = await db.Database.OpenAsync();
        var levels = (await connection.QueryAsync<(string Kind, long Level)>(
            "SELECT target_kind, level FROM citations WHERE source_id = @source ORDER BY target_kind", new { source = arrest.SourceId })).ToList();
        Assert.Equal([("event", 1L), ("person", 1L)], levels);
        Assert.Equal(ProposalReview.Accepted, await connection.ExecuteScalarAsync<string>(
            "SELECT status FROM ingest_proposals WHERE kind = 'person' AND label = 'Yerlan Kabdolov'"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_edited_name_is_what_accepting_creates_and_a_rejected_proposal_leaves_the_queue(Provider provider)
    {
        var (db, proposals) = await IngestAsync(provider);
        await using var _ = db;
        var review = new ProposalReview(db.Database);
        var person = Assert.Single(proposals, p => p is { Kind: "person", Label: "Gulzhan Serikbaikyzy" });
        var place = proposals.First(p => p.Kind == "place");

        await review.EditAsync(person.Id, "Gulzhan Serikbaiqyzy", Actor);
        var accepted = Assert.Single(await review.AcceptAsync([person.Id], Actor));
        await review.RejectAsync(place.Id, Actor);

        var created = await db.Store.GetAsync<Person>(accepted.RecordId!.Value, Viewer.Operator(Actor));
        Assert.Equal("Gulzhan Serikbaiqyzy", created!.Names[0].Text);
        var left = await review.ListAsync();
        Assert.DoesNotContain(left, p => p.Id == person.Id || p.Id == place.Id);
        Assert.Contains(await review.ListAsync(ProposalReview.Rejected), p => p.Id == place.Id);
        await Assert.ThrowsAsync<RevisionConflictException>(() => review.RejectAsync(place.Id, Actor));
        await Assert.ThrowsAsync<ValidationException>(() => review.EditAsync(proposals.First(p => p.Kind == "event").Id, "Not A Type", Actor));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_batch_accept_is_all_or_nothing(Provider provider)
    {
        var (db, proposals) = await IngestAsync(provider);
        await using var _ = db;
        var review = new ProposalReview(db.Database);
        var persons = proposals.Where(p => p.Kind == "person").Select(p => p.Id).ToList();
        var before = await db.SnapshotAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => review.AcceptAsync([.. persons, 999_999], Actor));
        Assert.Equal(before, await db.SnapshotAsync());

        var accepted = await review.AcceptAsync(persons, Actor);
        Assert.Equal(persons.Count, accepted.Count);
        Assert.All(accepted, a => Assert.Equal("person", a.RecordKind));
    }

    [Theory]
    [InlineData(SourceKind.News, EvidenceLevel.SecondHand)]
    [InlineData(SourceKind.Testimony, EvidenceLevel.RelativeTestimony)]
    [InlineData(SourceKind.CourtRecord, EvidenceLevel.Documented)]
    [InlineData(SourceKind.Other, EvidenceLevel.Unverified)]
    public void The_evidence_level_follows_the_source_kind(SourceKind kind, EvidenceLevel level) => Assert.Equal(level, ProposalReview.LevelOf(kind));
}
