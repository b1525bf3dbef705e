using Dapper;
using Kuager.Core;
using Kuager.Ingestion;
using Kuager.Storage.Ingestion;

namespace Kuager.Storage.Tests.Ingestion;

/// <summary>
/// Accepting proposals into the registry on both providers: places found or created under their gazetteer parents,
/// an event's place, a matched person's new spellings, and organisations reused by name.
/// </summary>
public sealed class AcceptIntoRegistryTests
{
    private const string Actor = "reviewer";

    private static async Task<IReadOnlyList<IngestProposal>> IngestAsync(TestDatabase db, string story) =>
        await IngestedAsync(db, story, new SourceHints { Date = new DateOnly(2021, 3, 2) });

    private static async Task<IReadOnlyList<IngestProposal>> IngestedAsync(TestDatabase db, string story, SourceHints hints)
    {
        var result = await new SourceIngestion(db.Database).IngestAsync([new IngestPage("story.txt", story, PageFormat.Text)], hints, Actor);
        return await new ProposalReview(db.Database).ListAsync(sourceId: result[^1].SourceId);
    }

    private static async Task<List<(long Id, long? ParentId, string Kind, string Path)>> PlacesAsync(TestDatabase db)
    {
        await using var connection = await db.Database.OpenAsync();
        return (await connection.QueryAsync<(long, long?, string, string)>(
            "SELECT id, parent_id, kind, path FROM places WHERE deleted_at IS NULL ORDER BY id")).ToList();
    }

    /// <summary>Registry places each inside the one before: the outermost first.</summary>
    private static async Task<List<Place>> ChainAsync(TestDatabase db, params (string Name, PlaceKind Kind)[] levels)
    {
        var chain = new List<Place>();
        foreach (var (name, kind) in levels)
            chain.Add(await db.Store.CreateAsync(Build.Place(name, chain.Count == 0 ? null : chain[^1].Id, kind), Actor));
        return chain;
    }

    private static async Task<long> CountAsync(TestDatabase db, string sql, object? args = null)
    {
        await using var connection = await db.Database.OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql, args);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Accepting_a_place_creates_it_under_its_gazetteer_parents_each_a_revision_with_an_audit_entry(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var proposals = await IngestAsync(db, SourceIngestionTests.OtherStory);
        var zharkent = Assert.Single(proposals, p => p is { Kind: "place", Label: "Zharkent" });

        var accepted = Assert.Single(await new ProposalReview(db.Database).AcceptAsync([zharkent.Id], Actor));

        var places = await PlacesAsync(db);
        Assert.Equal(
            [("Kazakhstan", "country"), ("Kazakhstan > Zhetysu Region", "region"), ("Kazakhstan > Zhetysu Region > Zharkent", "city")],
            places.Select(p => (p.Path, p.Kind)).ToList());
        Assert.Equal(places[1].Id, places[2].ParentId);
        Assert.Equal(("place", places[2].Id), (accepted.RecordKind, accepted.RecordId));
        var created = await db.Store.GetAsync<Place>(places[2].Id, Viewer.Operator(Actor));
        Assert.Contains(created!.Names, n => n.Text == "Жаркент");
        foreach (var place in places)
        {
            Assert.Equal(1, await CountAsync(db, "SELECT COUNT(*) FROM revisions WHERE record_kind = 'place' AND record_id = @Id AND action = 'create' AND actor = @Actor", new { place.Id, Actor }));
            Assert.Equal(1, await CountAsync(db, "SELECT COUNT(*) FROM audit_log WHERE target = @target AND actor = @Actor", new { target = $"place {place.Id}", Actor }));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Accepting_a_place_the_registry_has_in_another_spelling_reuses_it_and_creates_nothing(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var gulja = (await ChainAsync(db, ("China", PlaceKind.Country), ("Xinjiang Uyghur Autonomous Region", PlaceKind.Region), ("Ili", PlaceKind.Prefecture), ("Gulja", PlaceKind.City)))[^1];
        var proposals = await IngestAsync(db, SourceIngestionTests.Story);
        var ghulja = Assert.Single(proposals, p => p is { Kind: "place", Label: "Ghulja" });
        var before = await db.RowsAsync("places");

        var accepted = Assert.Single(await new ProposalReview(db.Database).AcceptAsync([ghulja.Id], Actor));

        Assert.Equal(gulja.Id, accepted.RecordId);
        Assert.Equal(before, await db.RowsAsync("places"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_registry_with_a_level_more_than_the_gazetteer_has_its_place_reused(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var almaty = (await ChainAsync(db, ("Kazakhstan", PlaceKind.Country), ("Almaty Region", PlaceKind.Region), ("Алматы", PlaceKind.City)))[^1];
        var proposals = await IngestAsync(db, SourceIngestionTests.Story);
        var found = Assert.Single(proposals, p => p is { Kind: "place", Label: "Almaty" });

        var accepted = Assert.Single(await new ProposalReview(db.Database).AcceptAsync([found.Id], Actor));

        Assert.Equal(almaty.Id, accepted.RecordId);
        Assert.Equal(3, await db.RowsAsync("places"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_place_name_edited_to_one_the_gazetteer_does_not_know_is_refused_and_nothing_is_written(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var proposals = await IngestAsync(db, SourceIngestionTests.OtherStory);
        var review = new ProposalReview(db.Database);
        var zharkent = Assert.Single(proposals, p => p is { Kind: "place", Label: "Zharkent" });
        await review.EditAsync(zharkent.Id, "Nowhere Town", Actor);
        var before = await db.SnapshotAsync();

        var error = await Assert.ThrowsAsync<ValidationException>(() => review.AcceptAsync([zharkent.Id], Actor));

        Assert.Contains("Nowhere Town", error.Message, StringComparison.Ordinal);
        Assert.Contains($"proposal {zharkent.Id}", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await db.SnapshotAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_event_naming_a_gazetteer_place_carries_it_and_accepting_sets_the_events_place_reusing_registry_parents(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var region = (await ChainAsync(db, ("Kazakhstan", PlaceKind.Country), ("Jetisu Region", PlaceKind.Region)))[^1];
        var proposals = await IngestAsync(db, SourceIngestionTests.OtherStory);
        var fine = Assert.Single(proposals, p => p is { Kind: "event", Label: "fined" });
        Assert.Contains("\"place\":\"Zharkent\"", fine.Detail, StringComparison.Ordinal);

        var accepted = Assert.Single(await new ProposalReview(db.Database).AcceptAsync([fine.Id], Actor));

        var created = await db.Store.GetAsync<Event>(accepted.RecordId!.Value, Viewer.Operator(Actor));
        var place = await db.Store.GetAsync<Place>(created!.PlaceId!.Value, Viewer.Operator(Actor));
        Assert.Equal(("Zharkent", region.Id), (place!.Name, place.ParentId));
        Assert.Equal(3, await db.RowsAsync("places"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Accepting_a_matched_person_adds_the_articles_spelling_as_a_name_variant_once_audited(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var person = await db.Store.CreateAsync(new Person { ExternalId = "K-1", Names = [PersonName.Detect("Ерлан Кабдолов", NameKind.Primary)] }, Actor);
        var proposals = await IngestAsync(db, SourceIngestionTests.Story);
        var review = new ProposalReview(db.Database);
        var found = Assert.Single(proposals, p => p is { Kind: "person", Label: "Yerlan Kabdolov" });
        Assert.Equal(person.Id, found.MatchedPersonId);

        await review.AcceptAsync([found.Id], Actor);

        var updated = await db.Store.GetAsync<Person>(person.Id, Viewer.Operator(Actor));
        // "Kabdolov", the later surname-only mention, is part of the name and not a spelling of it.
        Assert.Equal(["Ерлан Кабдолов", "Yerlan Kabdolov"], updated!.Names.Select(n => n.Text).ToList());
        Assert.Equal(NameKind.Alias, updated.Names[1].Kind);
        Assert.Equal(2, updated.Version);
        Assert.Equal(1, await CountAsync(db, "SELECT COUNT(*) FROM audit_log WHERE target = @target AND action = 'update' AND actor = @Actor", new { target = $"person {person.Id}", Actor }));

        // The same spelling in a later article, written with other spacing, adds nothing.
        var again = await IngestedAsync(db, "Activist freed\n\nThe activist Yerlan  Kabdolov was released from the detention centre after serving his term, his lawyer said.", SourceHints.None);
        var second = again.Where(p => p is { Kind: "person" } && p.MatchedPersonId == person.Id).ToList();
        Assert.NotEmpty(second);
        await review.AcceptAsync(second.Select(p => p.Id).ToList(), Actor);
        Assert.Equal(2, (await db.Store.GetAsync<Person>(person.Id, Viewer.Operator(Actor)))!.Names.Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Accepting_an_organisation_reuses_one_of_the_same_name_in_any_case_or_spacing(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var existing = await db.Store.CreateAsync(new Organization { Name = "chinese  consulate in ALMATY", Kind = OrganizationKind.Other }, Actor);
        var proposals = await IngestAsync(db, SourceIngestionTests.Story);
        var consulate = Assert.Single(proposals, p => p is { Kind: "organization", Label: "Chinese Consulate in Almaty" });

        var accepted = Assert.Single(await new ProposalReview(db.Database).AcceptAsync([consulate.Id], Actor));

        Assert.Equal(("organization", existing.Id), (accepted.RecordKind, accepted.RecordId));
        Assert.Equal(1, await db.RowsAsync("organizations"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_organisation_of_a_new_name_is_created(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Store.CreateAsync(new Organization { Name = "Chinese Embassy in Astana", Kind = OrganizationKind.Other }, Actor);
        var proposals = await IngestAsync(db, SourceIngestionTests.Story);
        var consulate = Assert.Single(proposals, p => p is { Kind: "organization", Label: "Chinese Consulate in Almaty" });

        var accepted = Assert.Single(await new ProposalReview(db.Database).AcceptAsync([consulate.Id], Actor));

        var created = await db.Store.GetAsync<Organization>(accepted.RecordId!.Value, Viewer.Operator(Actor));
        Assert.Equal("Chinese Consulate in Almaty", created!.Name);
        Assert.Equal(2, await db.RowsAsync("organizations"));
    }
}
