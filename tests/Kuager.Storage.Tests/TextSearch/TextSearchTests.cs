using Dapper;
using Kuager.Core;
using Kuager.Storage.Search;
using Kuager.Storage.Tests.Security;

namespace Kuager.Storage.Tests.TextSearch;

/// <summary>Full-text search over testimonies and sources, on both providers: what it finds, for whom, and what it never holds.</summary>
public sealed class TextSearchTests
{
    private const string Actor = "editor-e";

    private static readonly Viewer Visitor = Viewer.Anonymous;
    private static readonly Viewer Researcher = new("researcher-r", Role.Researcher);
    private static readonly Viewer Editor = new(Actor, Role.Editor);

    private static Task<IReadOnlyList<TextHit>> SearchAsync(TestDatabase db, string query, Viewer? viewer = null, int limit = 20) =>
        Kuager.Storage.Search.TextSearch.For(db.Database).SearchAsync(query, viewer ?? Editor, limit);

    private static async Task<Person> SubjectAsync(TestDatabase db, Confidentiality level = Confidentiality.Public) =>
        await db.Store.CreateAsync(Build.Person("Baibolat Kunbolatuly") with { Confidentiality = level }, Actor);

    private static Testimony Testimony(long subject, string? summary, string? transcript = null, Confidentiality level = Confidentiality.Public) => new()
    {
        SubjectPersonId = subject,
        Summary = summary,
        Transcript = transcript,
        Consent = Consent.PublishAnonymously,
        Confidentiality = level,
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Finds_testimonies_and_sources_by_every_word_with_the_words_highlighted(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var subject = await SubjectAsync(db);
        var testimony = await db.Store.CreateAsync(Testimony(subject.Id, "Her brother was taken to the camp in Ghulja in spring 2017.",
            "He said: the interrogation lasted three days.\n\nThen they moved him to Kuytun."), Actor);
        var source = await db.Store.CreateAsync(Build.Source("Relatives picket the consulate in Almaty") with
        {
            Publisher = "Azattyq Radio",
            Author = "Aigerim Tleuzhan",
            Text = "Dozens of relatives stood outside the Chinese consulate asking about the camp detainees.",
            Confidentiality = Confidentiality.Public,
        }, Actor);

        var camp = await SearchAsync(db, "camp");
        Assert.Equal([(RecordKind.Testimony, testimony.Id), (RecordKind.Source, source.Id)], camp.Select(h => (h.Kind, h.Id)).Order());
        var fromTestimony = camp.Single(h => h.Kind == RecordKind.Testimony);
        Assert.Equal("summary", fromTestimony.Field);
        Assert.Equal("Baibolat Kunbolatuly", fromTestimony.Title);
        Assert.Equal(["camp"], Highlighted(fromTestimony));
        Assert.Equal("Relatives picket the consulate in Almaty", camp.Single(h => h.Kind == RecordKind.Source).Title);

        // Every word must match, each as the start of a word, in any case.
        var both = Assert.Single(await SearchAsync(db, "INTERROG kuyt"));
        Assert.Equal((RecordKind.Testimony, testimony.Id, "transcript"), (both.Kind, both.Id, both.Field));
        Assert.Equal(["interrogation", "Kuytun"], Highlighted(both));
        Assert.DoesNotContain('\n', both.Snippet.Text);
        Assert.Empty(await SearchAsync(db, "camp Kuytun Almaty"));

        Assert.Equal("publisher", Assert.Single(await SearchAsync(db, "azattyq")).Field);
        Assert.Equal("author", Assert.Single(await SearchAsync(db, "Tleuzhan")).Field);
        Assert.Equal("title", Assert.Single(await SearchAsync(db, "picket")).Field);
        Assert.Equal("text", Assert.Single(await SearchAsync(db, "detainees")).Field);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Kazakh_Russian_and_Uyghur_words_are_found_by_their_stem_in_any_case(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var subject = await SubjectAsync(db);
        var kazakh = await db.Store.CreateAsync(Testimony(subject.Id, "Әкем 2018 жылы ЛАГЕРЬДЕ болды, Құлжа қаласында."), Actor);
        var russian = await db.Store.CreateAsync(Testimony(subject.Id, "Брата задержали в Урумчи на блокпосту."), Actor);
        var uyghur = await db.Store.CreateAsync(Testimony(subject.Id, "ئاكام لاگېرغا ئېلىپ كېتىلدى"), Actor);

        Assert.Equal(kazakh.Id, Assert.Single(await SearchAsync(db, "лагерь")).Id);
        Assert.Equal(kazakh.Id, Assert.Single(await SearchAsync(db, "құлжа")).Id);
        Assert.Equal(["ЛАГЕРЬДЕ"], Highlighted(Assert.Single(await SearchAsync(db, "лагерь"))));
        Assert.Equal(russian.Id, Assert.Single(await SearchAsync(db, "задерж урумчи")).Id);
        var arabic = Assert.Single(await SearchAsync(db, "لاگېر"));
        Assert.Equal(uyghur.Id, arabic.Id);
        Assert.Equal(["لاگېرغا"], Highlighted(arabic));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Each_viewer_finds_only_the_records_they_may_see(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var subject = await SubjectAsync(db);
        var hiddenSubject = await SubjectAsync(db, Confidentiality.Confidential);
        var open = await db.Store.CreateAsync(Testimony(subject.Id, "checkpoint alarm public"), Actor);
        var restricted = await db.Store.CreateAsync(Testimony(subject.Id, "checkpoint alarm restricted", level: Confidentiality.Restricted), Actor);
        var secret = await db.Store.CreateAsync(Testimony(hiddenSubject.Id, "checkpoint alarm confidential") with
        {
            Consent = Consent.InternalUseOnly,
            Confidentiality = Confidentiality.Confidential,
        }, Actor);
        var withdrawn = await db.Store.CreateAsync(Testimony(subject.Id, "checkpoint alarm withdrawn") with { Consent = Consent.Withdrawn }, Actor);
        var secretSource = await db.Store.CreateAsync(Build.Source("checkpoint memo") with { Confidentiality = Confidentiality.Confidential }, Actor);
        var restrictedAbout = await db.Store.CreateAsync(Testimony(hiddenSubject.Id, "checkpoint about a hidden person", level: Confidentiality.Restricted), Actor);

        async Task<List<long>> Ids(Viewer viewer) => (await SearchAsync(db, "checkpoint", viewer)).Select(h => h.Id).Order().ToList();

        Assert.Equal([open.Id], await Ids(Visitor));
        Assert.Equal(new[] { open.Id, restricted.Id, restrictedAbout.Id }.Order(), await Ids(Researcher));
        Assert.Equal(new[] { open.Id, restricted.Id, secret.Id, withdrawn.Id, restrictedAbout.Id, secretSource.Id }.Order(), await Ids(Editor));

        // A testimony the researcher may see, about a person they may not: the person's name is not its title.
        var about = (await SearchAsync(db, "hidden", Researcher)).Single();
        Assert.Null(about.Title);
        Assert.Equal("Baibolat Kunbolatuly", (await SearchAsync(db, "hidden", Editor)).Single().Title);
        Assert.Equal(Confidentiality.Confidential, (await SearchAsync(db, "memo", Editor)).Single().Confidentiality);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Confidential_field_values_never_reach_the_index_not_even_for_editors(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var subject = await SubjectAsync(db);
        var testimony = await db.Store.CreateAsync(Testimony(subject.Id, "ordinary summary words", "zqcanaryxq transcript detail") with
        {
            WitnessContact = "zqwitnessxq telegram",
            ConfidentialFields = ["transcript"],
        }, Actor);
        var source = await db.Store.CreateAsync(Build.Source("Plain title") with
        {
            Text = "zqsourcexq full text",
            Author = "Visible Author",
            Confidentiality = Confidentiality.Public,
            ConfidentialFields = ["text"],
        }, Actor);

        Assert.Empty(await SearchAsync(db, "zqcanaryxq"));
        Assert.Empty(await SearchAsync(db, "zqwitnessxq"));
        Assert.Empty(await SearchAsync(db, "zqsourcexq"));
        Assert.Equal(testimony.Id, Assert.Single(await SearchAsync(db, "ordinary")).Id);
        Assert.Equal(source.Id, Assert.Single(await SearchAsync(db, "visible")).Id);

        // A field marked confidential later leaves the index with the same save, and leaves no trace in the file.
        var plain = await db.Store.CreateAsync(Testimony(subject.Id, "zqlaterxq was plain"), Actor);
        Assert.Single(await SearchAsync(db, "zqlaterxq"));
        await db.Store.UpdateAsync(plain with { ConfidentialFields = ["summary"] }, Actor);
        Assert.Empty(await SearchAsync(db, "zqlaterxq"));

        foreach (var canary in new[] { "zqcanaryxq", "zqwitnessxq", "zqsourcexq", "zqlaterxq" })
        {
            Assert.Empty(await RawDatabase.FindAsync(db, canary));
        }

        await using var connection = await db.Database.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM text_index WHERE body LIKE '%zq%'"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Edits_deletes_undo_and_restore_keep_the_index_current(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var subject = await SubjectAsync(db);
        var testimony = await db.Store.CreateAsync(Testimony(subject.Id, "first version mentions Emin county"), Actor);
        var source = await db.Store.CreateAsync(Build.Source("Emin county notice") with { Confidentiality = Confidentiality.Public }, Actor);

        await db.Store.UpdateAsync(testimony with { Summary = "second version mentions Tacheng" }, Actor);
        Assert.Equal([source.Id], (await SearchAsync(db, "emin")).Select(h => h.Id));
        Assert.Equal(testimony.Id, Assert.Single(await SearchAsync(db, "tacheng")).Id);

        // Undo of the edit brings the old words back.
        var history = await db.Store.HistoryAsync(RecordKind.Testimony, testimony.Id, Editor);
        await db.Store.UndoAsync(history[^1].Id, Actor);
        Assert.Empty(await SearchAsync(db, "tacheng"));
        Assert.Equal(2, (await SearchAsync(db, "emin")).Count);

        // Deleted records vanish; restoring (or undoing the deletion) brings them back.
        var current = (await db.Store.GetAsync<Testimony>(testimony.Id, Editor))!;
        await db.Store.DeleteAsync<Testimony>(testimony.Id, current.Version, Actor);
        await db.Store.DeleteAsync<Source>(source.Id, source.Version, Actor);
        Assert.Empty(await SearchAsync(db, "emin"));
        await using (var connection = await db.Database.OpenAsync())
        {
            Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM text_index"));
        }

        await using (var session = await db.Store.BeginAsync(Actor))
        {
            await session.RestoreAsync<Testimony>(testimony.Id);
            await session.CommitAsync();
        }

        Assert.Equal([testimony.Id], (await SearchAsync(db, "emin")).Select(h => h.Id));
        var deletion = (await db.Store.HistoryAsync(RecordKind.Source, source.Id, Editor))[^1];
        await db.Store.UndoAsync(deletion.Id, Actor);
        Assert.Equal(2, (await SearchAsync(db, "emin county")).Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Query_syntax_typed_by_a_user_is_read_as_words(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var subject = await SubjectAsync(db);
        var testimony = await db.Store.CreateAsync(Testimony(subject.Id, "near the border post, he said \"no\""), Actor);

        // Each of these holds words of the testimony, and only such words, among the syntax.
        string[] finding =
        [
            "\"border", "border\"", "bord*", "-border", "border -post", "NEAR(border post)", "border'", "border:*", "border & post", "!border",
            "(border", "border)", "^border", "{border}", "border + post", "🙂 border", "near/border", "\"near the\" border",
        ];
        string[] nothing = ["\"", "*", "'", "\\", "%", "_", "\u0000", "   ", ":*", "&", "()", "NOT", "AND border", "border OR", "col:border"];
        foreach (var query in finding)
        {
            var hits = await SearchAsync(db, query);
            Assert.True(hits.Count == 1 && hits[0].Id == testimony.Id, $"{query} did not find the testimony");
        }

        foreach (var query in nothing)
        {
            Assert.Empty(await SearchAsync(db, query));
        }

        Assert.Equal(["border", "post"], Kuager.Storage.Search.TextSearch.Terms("NEAR(border post)").Skip(1));
        Assert.Empty(Kuager.Storage.Search.TextSearch.Terms("*-\"'():^"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_word_deep_in_a_long_transcript_is_found_and_shown_in_context(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var subject = await SubjectAsync(db);
        var filler = string.Concat(Enumerable.Repeat("the interview went on about daily life ", 2_000));
        var testimony = await db.Store.CreateAsync(Testimony(subject.Id, null, filler + "and then the guarantor was released " + filler), Actor);

        var hit = Assert.Single(await SearchAsync(db, "guarantor"));
        Assert.Equal(testimony.Id, hit.Id);
        Assert.StartsWith("… ", hit.Snippet.Text, StringComparison.Ordinal);
        Assert.EndsWith(" …", hit.Snippet.Text, StringComparison.Ordinal);
        Assert.True(hit.Snippet.Text.Length < 260, hit.Snippet.Text);
        Assert.Equal(["guarantor"], Highlighted(hit));
        await using var connection = await db.Database.OpenAsync();
        Assert.True(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM text_index WHERE record_id = @Id", new { testimony.Id }) > 1);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Records_saved_before_the_index_existed_are_indexed_by_the_migration(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var subject = await SubjectAsync(db);
        var testimony = await db.Store.CreateAsync(Testimony(subject.Id, "backfilled summary", "zqsealedxq transcript") with { ConfidentialFields = ["transcript"] }, Actor);
        var source = await db.Store.CreateAsync(Build.Source("backfilled title") with { Confidentiality = Confidentiality.Public }, Actor);
        var gone = await db.Store.CreateAsync(Build.Source("backfilled but deleted"), Actor);
        await db.Store.DeleteAsync<Source>(gone.Id, gone.Version, Actor);

        // Back to the schema before 0008: the index and its migration record gone.
        await using (var connection = await db.Database.OpenAsync())
        {
            var drop = provider == Provider.Sqlite
                ? "DROP TABLE text_index_words; DROP TABLE text_index_grams; DROP TABLE text_index;"
                : "DROP TABLE text_index;";
            await connection.ExecuteAsync(drop + " DELETE FROM schema_migrations WHERE version = 8");
        }

        await Migrator.MigrateAsync(db.Database);

        Assert.Equal(new[] { (RecordKind.Source, source.Id), (RecordKind.Testimony, testimony.Id) }.Order(), (await SearchAsync(db, "backfilled")).Select(h => (h.Kind, h.Id)).Order());
        Assert.Empty(await SearchAsync(db, "zqsealedxq"));
        await using var check = await db.Database.OpenAsync();
        Assert.Equal(0, await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM text_index WHERE body LIKE '%kgr1:%' OR body LIKE '%zqsealedxq%'"));
    }

    [Fact]
    public async Task On_SQLite_substrings_inside_words_and_Chinese_are_found_through_trigrams()
    {
        await using var db = await TestDatabase.CreateAsync(Provider.Sqlite);
        var subject = await SubjectAsync(db);
        var chinese = await db.Store.CreateAsync(Testimony(subject.Id, "他在乌鲁木齐市被拘留"), Actor);
        var kazakh = await db.Store.CreateAsync(Testimony(subject.Id, "Тәрбиелеуорталығына апарды"), Actor);

        var hit = Assert.Single(await SearchAsync(db, "乌鲁木齐"));
        Assert.Equal(chinese.Id, hit.Id);
        Assert.Equal(["乌鲁木齐"], Highlighted(hit));
        Assert.Equal(kazakh.Id, Assert.Single(await SearchAsync(db, "орталы")).Id);
    }

    [Fact]
    public void Snippets_are_plain_text_with_ranges_never_markup()
    {
        var snippet = Kuager.Storage.Search.TextSearch.Snippet("<b>Camp</b> & <script>alert(1)</script> the camps", ["camp"]);

        Assert.Equal("<b>Camp</b> & <script>alert(1)</script> the camps", snippet.Text);
        Assert.Equal(["Camp", "camps"], snippet.Segments().Where(s => s.Highlighted).Select(s => s.Text));
        Assert.Equal(snippet.Text, string.Concat(snippet.Segments().Select(s => s.Text)));
    }

    private static List<string> Highlighted(TextHit hit) => hit.Snippet.Segments().Where(s => s.Highlighted).Select(s => s.Text).ToList();
}
