using Dapper;
using Kuager.Core;
using Kuager.Ingestion;
using Kuager.Storage.Ingestion;

namespace Kuager.Storage.Tests.Ingestion;

/// <summary>Ingestion into a real database on both providers: sources, near-copies across runs, repeated paragraphs, proposals, matching.</summary>
public sealed class SourceIngestionTests
{
    private const string Actor = "ingest-test";

    public const string Story = """
        Picket at the consulate

        ALMATY — Relatives of people held in Xinjiang picketed the Chinese Consulate in Almaty on February 22, demanding news of their family members.

        Police detained activist Yerlan Kabdolov near the consulate. A court later sentenced Kabdolov to 10 days of administrative arrest for violating the law on peaceful assemblies.

        "We will come back every day until we hear from our relatives," said Gulzhan Serikbaikyzy, whose brother was taken to a camp in Ghulja in 2018.
        """;

    public const string OtherStory = """
        Two men ask for asylum

        Two ethnic Kazakhs, Askar Tolegenuly and Meirambek Zhumabaiuly, crossed the border into Kazakhstan near Khorgos last year and applied for asylum in September.

        A court in Zharkent fined them 250,000 tenge each for crossing the border illegally but ruled that they should not be deported to China.
        """;

    private static IngestPage Page(string text, string name = "story.txt") => new(name, text, PageFormat.Text);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_article_becomes_a_news_source_with_its_proposals_each_with_its_sentence(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ingestion = new SourceIngestion(db.Database);

        var result = await ingestion.IngestAsync([Page(Story)], new SourceHints { Date = new DateOnly(2021, 3, 2), Publisher = "Steppe Wire" }, Actor);

        var article = Assert.Single(result);
        Assert.Null(article.DuplicateOf);
        await using var connection = await db.Database.OpenAsync();
        var source = await connection.QuerySingleAsync<(string Kind, string Title, long? DateSort)>("SELECT kind, title, date_sort FROM sources WHERE id = @id", new { id = article.SourceId });
        Assert.Equal(("news", "Picket at the consulate"), (source.Kind, source.Title));
        var proposals = (await connection.QueryAsync<(string Kind, string Label, string Sentence, string Status)>(
            "SELECT kind, label, sentence, status FROM ingest_proposals WHERE source_id = @id ORDER BY id", new { id = article.SourceId })).ToList();
        Assert.Contains(("person", "Yerlan Kabdolov", "Police detained activist Yerlan Kabdolov near the consulate.", "proposed"), proposals);
        Assert.Contains(proposals, p => p is { Kind: "event", Label: "administrative-arrest" } && p.Sentence.StartsWith("A court later sentenced Kabdolov", StringComparison.Ordinal));
        Assert.Contains(proposals, p => p is { Kind: "place", Label: "Ghulja" });
        Assert.Contains(proposals, p => p is { Kind: "organization", Label: "Chinese Consulate in Almaty" });
        var detail = await connection.QuerySingleAsync<string>("SELECT detail FROM ingest_proposals WHERE source_id = @id AND kind = 'event' AND label = 'administrative-arrest'", new { id = article.SourceId });
        Assert.Contains("\"days\":\"10\"", detail, StringComparison.Ordinal);
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE action = 'ingest'"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_repeated_ingest_links_each_article_to_the_earlier_source_and_stores_no_second_text_or_proposals(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ingestion = new SourceIngestion(db.Database);
        var first = await ingestion.IngestAsync([Page(Story), Page(OtherStory, "other.txt")], SourceHints.None, Actor);

        // Another outlet's copy: re-typeset, with its own furniture.
        var copy = Story.Replace("February 22", "February 22,", StringComparison.Ordinal) + "\n\nThis post was originally published on Steppe Wire.\n";
        var second = await ingestion.IngestAsync([Page(copy), Page(OtherStory, "other.txt")], SourceHints.None, Actor);

        Assert.Equal(first.Select(a => (long?)a.SourceId), second.Select(a => a.DuplicateOf));
        Assert.All(second, a => Assert.DoesNotContain(a.SourceId, first.Select(f => f.SourceId)));
        await using var connection = await db.Database.OpenAsync();
        foreach (var a in second)
        {
            Assert.Null(await connection.ExecuteScalarAsync<string?>("SELECT data FROM sources WHERE id = @id AND data LIKE '%Kabdolov%'", new { id = a.SourceId }));
            Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ingest_proposals WHERE source_id = @id", new { id = a.SourceId }));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_item_repeated_on_one_page_is_linked_to_its_first_and_a_reused_paragraph_to_where_it_appeared(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ingestion = new SourceIngestion(db.Database);
        var item = string.Join("\n\n", Story.Split("\n\n").Skip(1));
        var listing = $"Category: kazakhstan\n\n  • {item}\n\n  • {item}\n\n  • {OtherStory.Split("\n\n")[1]}\n\n{Story.Split("\n\n")[2]}\n";

        var result = await ingestion.IngestAsync([Page(listing, "listing.txt")], SourceHints.None, Actor);

        Assert.Equal(3, result.Count);
        Assert.Equal([null, result[0].SourceId, null], result.Select(r => r.DuplicateOf));
        Assert.Equal(1, result[2].RepeatedParagraphs);
        await using var connection = await db.Database.OpenAsync();
        var repeats = await connection.QuerySingleAsync<(long Source, long Position)>(
            "SELECT repeats_source_id, repeats_position FROM ingest_paragraphs WHERE source_id = @id AND repeats_source_id IS NOT NULL", new { id = result[2].SourceId });
        Assert.Equal((result[0].SourceId, 1L), repeats);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_person_found_is_matched_to_the_registry_person_of_that_name_in_another_script(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var person = await db.Store.CreateAsync(new Person
        {
            ExternalId = "K-1",
            Names = [PersonName.Detect("Ерлан Кабдолов")],
            Confidentiality = Confidentiality.Restricted,
        }, Actor);

        var result = await new SourceIngestion(db.Database).IngestAsync([Page(Story)], SourceHints.None, Actor);

        var persons = Assert.Single(result).Persons;
        Assert.Equal(person.Id, Assert.Single(persons, p => p.Found.Name == "Yerlan Kabdolov").MatchedPersonId);
        Assert.Null(Assert.Single(persons, p => p.Found.Name == "Gulzhan Serikbaikyzy").MatchedPersonId);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_name_in_Uyghur_script_without_a_cue_is_proposed_when_the_registry_knows_it_and_matched_to_that_person(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var person = await db.Store.CreateAsync(new Person { ExternalId = "K-7", Names = [PersonName.Detect("Abdurehim Tursun", NameKind.Primary)] }, Actor);
        const string Text = "Arrest in Ghulja\n\nPolice in Ghulja detained ئابدۇرېھىم تۇرسۇن at his shop in May 2018, and ئۇيغۇر ئېلى was written on the sign.";

        var result = await new SourceIngestion(db.Database).IngestAsync([Page(Text)], SourceHints.None, Actor);

        var found = Assert.Single(Assert.Single(result).Persons);
        Assert.Equal(("ئابدۇرېھىم تۇرسۇن", person.Id), (found.Found.Name, found.MatchedPersonId));
        Assert.Equal(["ئابدۇرېھىم تۇرسۇن"], Assert.Single(result[0].Extraction.Events, e => e.Type == "detained").Persons);

        // A person deleted from the registry is no longer a cue.
        await db.Store.DeleteAsync<Person>(person.Id, person.Version, Actor);
        var again = await new SourceIngestion(db.Database).IngestAsync([Page(Text.Replace("May 2018", "June 2019 after a long search of the house", StringComparison.Ordinal))], SourceHints.None, Actor);
        Assert.Empty(again[0].Persons);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_bad_address_is_refused_and_nothing_is_written(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var before = await db.SnapshotAsync();

        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            new SourceIngestion(db.Database).IngestAsync([Page(Story)], new SourceHints { Url = "javascript:alert(1)" }, Actor));

        Assert.Contains("url", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await db.SnapshotAsync());
    }
}
