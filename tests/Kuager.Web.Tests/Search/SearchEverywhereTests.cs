using System.Net;
using Dapper;
using Kuager.Core;
using Kuager.Names;
using Kuager.Storage;
using Kuager.Storage.Tests;
using Kuager.Web.Tests.Api;
using Kuager.Web.Tests.Security;

namespace Kuager.Web.Tests.Search;

/// <summary>/search and /api/v1/search(/texts): people by name, testimonies and sources by their words, filters, and redaction per viewer.</summary>
public sealed class SearchEverywhereTests
{
    private static async Task<(Person Misal, Testimony Testimony, Source Source)> PlantAsync(KuagerApp app)
    {
        var misal = await app.Store.CreateAsync(Build.Person() with
        {
            ExternalId = "K-000042",
            Names =
            [
                new PersonName("Abdurehim Misal", Script.UyghurLatin, NameKind.Primary),
                new PersonName("ئابدۇرەھىم مىسال", Script.UyghurArabic, NameKind.Alias),
            ],
            Confidentiality = Confidentiality.Public,
        }, "test");
        await app.AddPersonAsync("Someone Unrelated");
        var testimony = await app.Store.CreateAsync(new Testimony
        {
            SubjectPersonId = misal.Id,
            Summary = "Her father was held at the <script>alert(1)</script> checkpoint near Ghulja.",
            Consent = Consent.PublishAnonymously,
            Confidentiality = Confidentiality.Public,
        }, "test");
        var source = await app.Store.CreateAsync(Build.Source("Checkpoints across the prefecture") with { Confidentiality = Confidentiality.Public }, "test");
        return (misal, testimony, source);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_page_shows_people_and_texts_with_highlighted_snippets_that_stay_text(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var (misal, testimony, source) = await PlantAsync(app);

        var people = await app.PageAsync("/search?q=" + Uri.EscapeDataString("Abdurehim Misal"));
        var row = people.QuerySelectorAll("table.search-results tbody tr")[0];
        Assert.Equal($"/persons/{misal.Id}", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("K-000042", row.TextContent);
        Assert.Contains("Unknown", row.TextContent);
        Assert.Equal("Abdurehim Misal", row.QuerySelector("span.matched")!.TextContent);
        Assert.Matches(@"^(0|1)\.\d\d$", row.QuerySelector("td.num")!.TextContent);

        var page = await app.PageAsync("/search?q=checkpoint");
        var hits = page.QuerySelectorAll("ol.text-results > li");
        Assert.Equal(2, hits.Length);
        var fromTestimony = hits.Single(h => h.QuerySelector("a")!.GetAttribute("href") == $"/testimonies/{testimony.Id}");
        Assert.Contains("Abdurehim Misal", fromTestimony.QuerySelector("a")!.TextContent);
        var snippet = fromTestimony.QuerySelector("p.snippet")!;
        Assert.Equal("Her father was held at the <script>alert(1)</script> checkpoint near Ghulja.", snippet.TextContent);
        Assert.Empty(snippet.QuerySelectorAll("script"));
        Assert.Equal(["checkpoint"], snippet.QuerySelectorAll("mark").Select(m => m.TextContent));
        Assert.Equal(["Checkpoints"], hits.Single(h => h.QuerySelector("a")!.GetAttribute("href") == $"/sources/{source.Id}").QuerySelectorAll("mark").Select(m => m.TextContent));

        // Nothing found anywhere: both sections say so; the search box still holds the query.
        var none = await app.PageAsync("/search?q=Zzyzx");
        Assert.Empty(none.QuerySelectorAll("table.search-results"));
        Assert.Contains("Zzyzx", none.QuerySelector(".no-results")!.TextContent);
        Assert.Contains("Zzyzx", none.QuerySelector(".no-text-results")!.TextContent);
        Assert.Equal("Zzyzx", none.QuerySelector("#search-q")!.GetAttribute("value"));

        // The box offers suggestions through the script it loads from the app itself.
        Assert.Equal("/api/v1/search", none.QuerySelector("#search-q")!.GetAttribute("data-suggest"));
        Assert.NotNull(none.QuerySelector("script[src='/assets/search.js']"));
        var script = await app.Client.GetAsync("/assets/search.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_name_matched_in_Uyghur_Arabic_script_is_shown_right_to_left(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var (misal, _, _) = await PlantAsync(app);

        var arabic = await app.PageAsync("/search?q=" + Uri.EscapeDataString("ئابدۇرەھىم مىسال"));
        var row = arabic.QuerySelectorAll("table.search-results tbody tr")[0];
        Assert.Equal($"/persons/{misal.Id}", row.QuerySelector("a")!.GetAttribute("href"));
        var matched = row.QuerySelector("span.matched")!;
        Assert.Equal("ئابدۇرەھىم مىسال", matched.TextContent);
        Assert.Equal("rtl", matched.GetAttribute("dir"));
        Assert.Equal("ug-Arab", matched.GetAttribute("lang"));
        var api = (await app.GetAsync("/api/v1/search?q=" + Uri.EscapeDataString("ئابدۇرەھىم"))).Expect(HttpStatusCode.OK).Array[0]!;
        Assert.Equal("ug-Arab", (string)api["matched_script"]!);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Filters_narrow_the_people_and_bad_filters_are_explained_not_failed(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var china = await app.Store.CreateAsync(Build.Place("China") with { Confidentiality = Confidentiality.Public }, "test");
        var ili = await app.Store.CreateAsync(Build.Place("Ili", china.Id) with { Confidentiality = Confidentiality.Public }, "test");
        var kazakhstan = await app.Store.CreateAsync(Build.Place("Kazakhstan") with { Confidentiality = Confidentiality.Public }, "test");
        var inIli = await app.Store.CreateAsync(Build.Person("Nurlan Serikuly", "N-1") with
        {
            HometownId = ili.Id, Ethnicity = "Kazakh", ReportedStatus = PersonStatus.Missing, Confidentiality = Confidentiality.Public,
        }, "test");
        await app.Store.CreateAsync(Build.Person("Nurlan Serikov", "N-2") with
        {
            HometownId = kazakhstan.Id, Ethnicity = "Uyghur", ReportedStatus = PersonStatus.Released, Confidentiality = Confidentiality.Public,
        }, "test");

        async Task<List<string>> Found(string url) =>
            (await app.PageAsync(url)).QuerySelectorAll("table.search-results tbody tr td:nth-child(2)").Select(td => td.TextContent.Trim()).ToList();

        Assert.Equal(["N-1", "N-2"], (await Found("/search?q=Nurlan")).Order());
        Assert.Equal(["N-1"], await Found($"/search?q=Nurlan&place={china.Id}"));
        Assert.Equal(["N-2"], await Found("/search?q=Nurlan&status=released"));
        Assert.Equal(["N-1"], await Found("/search?q=Nurlan&ethnicity=Kazakh"));

        var bad = await app.PageAsync("/search?q=Nurlan&status=abducted-by-aliens&from=someday");
        Assert.Empty(bad.QuerySelectorAll("table.search-results"));
        Assert.NotNull(bad.QuerySelector("#search-status-error"));
        Assert.NotNull(bad.QuerySelector("#search-from-error"));
        Assert.NotNull(bad.QuerySelector("details.search-filters[open]"));

        (await app.GetAsync("/api/v1/search?q=Nurlan&status=abducted")).ExpectFieldErrors("status");
        var api = (await app.GetAsync($"/api/v1/search?q=Nurlan&place={china.Id}")).Expect(HttpStatusCode.OK).Array;
        Assert.Equal([inIli.Id], api.Select(h => (long)h!["id"]!));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_api_answers_in_the_cli_shape_and_asks_for_q(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var (misal, testimony, _) = await PlantAsync(app);

        var people = (await app.GetAsync("/api/v1/search?q=Abdurehim%20Misal")).Expect(HttpStatusCode.OK);
        Assert.Equal("application/json", people.ContentType);
        var best = people.Array[0]!.AsObject();
        Assert.Equal(["id", "external_id", "name", "score", "matched", "matched_script", "status"], best.Select(p => p.Key));
        Assert.Equal(misal.Id, (long)best["id"]!);
        Assert.Equal("K-000042", (string)best["external_id"]!);
        Assert.Equal("Abdurehim Misal", (string)best["name"]!);
        Assert.InRange((double)best["score"]!, 0.5, 1.0);
        var scores = people.Array.Select(h => (double)h!["score"]!).ToList();
        Assert.Equal(scores.OrderDescending(), scores);

        foreach (var blank in new[] { "/api/v1/search", "/api/v1/search?q=", "/api/v1/search?q=%20%20", "/api/v1/search/texts", "/api/v1/search/texts?q=" })
        {
            Assert.Contains("q", (await app.GetAsync(blank)).ExpectFieldErrors("q")[0], StringComparison.Ordinal);
        }

        (await app.GetAsync("/api/v1/search?q=a&limit=many")).ExpectFieldErrors("limit");
        (await app.GetAsync("/api/v1/search/texts?q=a&limit=many")).ExpectFieldErrors("limit");
        for (var i = 0; i < 12; i++)
        {
            await app.AddPersonAsync($"Abdurehim Misal{i}", $"X-{i}");
        }

        Assert.Equal(10, (await app.GetAsync("/api/v1/search?q=Abdurehim")).Expect(HttpStatusCode.OK).Array.Count);
        Assert.Equal(3, (await app.GetAsync("/api/v1/search?q=Abdurehim&limit=3")).Expect(HttpStatusCode.OK).Array.Count);
        Assert.InRange((await app.GetAsync("/api/v1/search?q=Abdurehim&limit=1000")).Expect(HttpStatusCode.OK).Array.Count, 13, 100);

        var texts = (await app.GetAsync("/api/v1/search/texts?q=ghulja")).Expect(HttpStatusCode.OK).Array;
        var hit = Assert.Single(texts)!.AsObject();
        Assert.Equal(["kind", "id", "title", "field", "snippet", "highlights", "url"], hit.Select(p => p.Key));
        Assert.Equal("testimony", (string)hit["kind"]!);
        Assert.Equal(testimony.Id, (long)hit["id"]!);
        Assert.Equal("summary", (string)hit["field"]!);
        Assert.Equal($"/testimonies/{testimony.Id}", (string)hit["url"]!);
        var snippet = (string)hit["snippet"]!;
        var range = Assert.Single(hit["highlights"]!.AsArray())!;
        Assert.Equal("Ghulja", snippet.Substring((int)range["start"]!, (int)range["length"]!));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Query_syntax_and_odd_input_never_fail(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        await PlantAsync(app);

        foreach (var q in new[] { "\"", "\"checkpoint", "check*", "*", "-checkpoint", "NEAR(checkpoint ghulja)", "checkpoint OR", "'", ":*", "a & b | !c", "(", "%_\\", "🙂", "ئا\"", "1975" })
        {
            var escaped = Uri.EscapeDataString(q);
            await app.PageAsync("/search?q=" + escaped);
            (await app.GetAsync("/api/v1/search/texts?q=" + escaped)).Expect(HttpStatusCode.OK);
            (await app.GetAsync("/api/v1/search?q=" + escaped)).Expect(HttpStatusCode.OK);
        }

        Assert.Single((await app.GetAsync("/api/v1/search/texts?q=" + Uri.EscapeDataString("\"ghulja*"))).Expect(HttpStatusCode.OK).Array);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Deleted_records_vanish_from_every_result(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var (misal, testimony, source) = await PlantAsync(app);

        await app.Store.DeleteAsync<Testimony>(testimony.Id, testimony.Version, "test");
        await app.Store.DeleteAsync<Source>(source.Id, source.Version, "test");
        await app.Store.DeleteAsync<Person>(misal.Id, misal.Version, "test");

        var page = await app.PageAsync("/search?q=checkpoint");
        Assert.Empty(page.QuerySelectorAll("ol.text-results li"));
        Assert.Empty((await app.GetAsync("/api/v1/search/texts?q=checkpoint")).Expect(HttpStatusCode.OK).Array);
        Assert.DoesNotContain((await app.GetAsync("/api/v1/search?q=Abdurehim%20Misal")).Expect(HttpStatusCode.OK).Array, h => (long)h!["id"]! == misal.Id);
        Assert.Empty((await app.PageAsync("/search?q=Abdurehim%20Misal")).QuerySelectorAll("table.search-results"));
    }

    [Theory]
    [MemberData(nameof(Persons.RedactionTests.RolesOnProviders), MemberType = typeof(Persons.RedactionTests))]
    public async Task No_search_result_carries_a_canary_its_reader_may_not_see(Provider provider, Role role)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var canaries = await Canaries.PlantAsync(app.Store);
        var publicPerson = canaries.PublicPersonId;

        // A confidential field of a public testimony, and a restricted testimony: the words of both are asked for.
        await app.Store.CreateAsync(new Testimony
        {
            SubjectPersonId = publicPerson,
            Summary = "Public words about the checkpoint",
            Transcript = "CANARYFIELDNOTE transcript checkpoint",
            ConfidentialFields = ["transcript"],
            Consent = Consent.PublishAnonymously,
            Confidentiality = Confidentiality.Public,
        }, "test");
        await app.Store.CreateAsync(new Testimony
        {
            SubjectPersonId = publicPerson,
            Summary = "CANARYRESTREVENT restricted checkpoint account",
            Confidentiality = Confidentiality.Restricted,
        }, "test");

        using var client = await app.ClientAsync(role);
        var forbidden = Canaries.ForbiddenFor(role);
        var bodies = new List<string>();
        foreach (var q in new[] { "CANARY", "canaryconftestimony", "CANARYFIELDNOTE", "CANARYFIELDWITNESS", "CANARYFIELDSOURCETEXT", "canaryconfsource", "checkpoint", "what she saw", "Zhanar", "memo" })
        {
            var escaped = Uri.EscapeDataString(q);
            foreach (var url in new[] { $"/search?q={escaped}", $"/api/v1/search?q={escaped}", $"/api/v1/search/texts?q={escaped}&limit=100" })
            {
                using var response = await client.GetAsync(url);
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} as {role}: {(int)response.StatusCode}");
                // The query itself is shown back on the page (in the box, in "nothing found"): what was typed is not a leak.
                var shown = body.Replace(q, "", StringComparison.OrdinalIgnoreCase).Replace(escaped, "", StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(forbidden, c => shown.Contains(c, StringComparison.OrdinalIgnoreCase));
                bodies.Add(shown);
            }
        }

        // Confidential field values are never indexed, so not even editors find them by their words.
        var fieldSearch = await client.GetStringAsync("/api/v1/search/texts?q=CANARYFIELDNOTE");
        Assert.Equal("[]", fieldSearch);

        var all = string.Join("\n", bodies);
        var texts = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync("/api/v1/search/texts?q=checkpoint&limit=100"))!.AsArray();
        switch (role)
        {
            case Role.Visitor:
                Assert.Single(texts);
                break;
            case Role.Researcher:
                Assert.Equal(2, texts.Count);
                break;
            default:
                Assert.Contains("CANARYCONFTESTIMONY", all, StringComparison.Ordinal);
                Assert.Contains("CANARYCONFSOURCE", all, StringComparison.Ordinal);
                await using (var connection = await app.Store.Database.OpenAsync())
                {
                    var audited = await connection.QueryAsync<string>("SELECT target FROM audit_log WHERE action = 'read' AND actor = 'test-editor'");
                    Assert.Contains(audited, t => t.StartsWith("testimony ", StringComparison.Ordinal));
                    Assert.Contains(audited, t => t.StartsWith("source ", StringComparison.Ordinal));
                }

                break;
        }
    }

    [Theory]
    [InlineData("ru", "Свидетельства и источники")]
    [InlineData("kk", "Куәліктер мен дереккөздер")]
    public async Task The_page_speaks_russian_and_kazakh(string culture, string heading)
    {
        await using var app = await KuagerApp.StartAsync(Provider.Sqlite);
        await PlantAsync(app);

        var page = await app.PageAsync($"/search?q=checkpoint&culture={culture}");

        Assert.Equal(heading, page.QuerySelector("#search-texts-title")!.TextContent);
        Assert.Contains(culture == "ru" ? "Свидетельство" : "Куәлік", page.QuerySelector("ol.text-results")!.TextContent, StringComparison.Ordinal);
    }
}
