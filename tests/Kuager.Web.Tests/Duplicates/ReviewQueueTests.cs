using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using Kuager.Core;
using Kuager.Storage;
using Kuager.Storage.Tests;
using Kuager.Web.Tests.Accounts;
using Kuager.Web.Tests.Api;
using Kuager.Web.Tests.Events;

namespace Kuager.Web.Tests.Duplicates;

/// <summary>The review queue: pairs listed best first, compared side by side, and decided (not the same person, later) for good.</summary>
public sealed class ReviewQueueTests
{
    private static string Pair(Person a, Person b) => a.Id < b.Id ? $"{a.Id}-{b.Id}" : $"{b.Id}-{a.Id}";

    private static async Task<List<string>> QueueAsync(KuagerApp app) =>
        (await app.PageAsync("/duplicates")).QuerySelectorAll("table.duplicate-queue tbody tr").Select(r => r.GetAttribute("data-pair")!).ToList();

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_queue_lists_likely_pairs_with_links_score_and_reasons(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var d = await DuplicateData.PlantAsync(app);

        var page = await app.PageAsync("/duplicates");
        Assert.Equal("Possible duplicates", page.QuerySelector("h1")!.TextContent);
        var rows = page.QuerySelectorAll("table.duplicate-queue tbody tr");
        var baibolat = rows.Single(r => r.GetAttribute("data-pair") == Pair(d.Baibolat, d.Baibolat2));
        Assert.Contains(rows, r => r.GetAttribute("data-pair") == Pair(d.Gulnar, d.Gulnar2));
        Assert.DoesNotContain(rows, r => r.GetAttribute("data-pair")!.Split('-').Contains(d.Serik.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var links = baibolat.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/persons/{d.Baibolat.Id}", $"/persons/{d.Baibolat2.Id}", $"/duplicates/{d.Baibolat.Id}/{d.Baibolat2.Id}"], links);
        Assert.Matches(@"^\d{1,3}\s?%$", baibolat.QuerySelector("td.score")!.TextContent.Trim());
        Assert.Contains("Name", baibolat.QuerySelector("td.reasons")!.TextContent);
        Assert.Equal("", baibolat.QuerySelector("td.decision")!.TextContent.Trim());

        // The same queue through the API, in the CLI's shape.
        var api = (await app.GetAsync("/api/v1/duplicates")).Expect(HttpStatusCode.OK).Array;
        var pair = api.Single(p => (long)p!["a"]!["id"]! == d.Baibolat.Id && (long)p["b"]!["id"]! == d.Baibolat2.Id)!.AsObject();
        Assert.Equal(["a", "b", "score", "reasons", "decision"], pair.Select(p => p.Key));
        Assert.Equal(["id", "external_id", "name"], pair["a"]!.AsObject().Select(p => p.Key));
        Assert.Equal("K-000102", (string)pair["b"]!["external_id"]!);
        Assert.Equal("Байболат Құнболатұлы", (string)pair["b"]!["name"]!);
        Assert.Null(pair["decision"]);
        Assert.Contains("name", pair["reasons"]!.AsArray().Select(r => (string)r!));
        var scores = api.Select(p => (double)p!["score"]!).ToList();
        Assert.Equal(scores.OrderDescending(), scores);

        // The nav offers the queue to editors only.
        Assert.Contains(page.QuerySelectorAll("header nav a"), a => a.GetAttribute("href") == "/duplicates");
        var (researcher, _, _) = await app.SignedInAsync(Role.Researcher);
        Assert.DoesNotContain((await app.PageAsync("/persons", researcher)).QuerySelectorAll("header nav a"), a => a.GetAttribute("href") == "/duplicates");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Not_the_same_person_is_remembered_and_later_goes_to_the_end(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var d = await DuplicateData.PlantAsync(app);
        var baibolat = Pair(d.Baibolat, d.Baibolat2);
        var gulnar = Pair(d.Gulnar, d.Gulnar2);

        // "Later" on the first pair puts it after the other, marked as put off.
        var first = (await QueueAsync(app))[0];
        var other = first == baibolat ? gulnar : baibolat;
        var ids = first.Split('-');
        var later = await WebForm.LoadAsync(app, $"/duplicates/{ids[0]}/{ids[1]}");
        var laterForm = (IHtmlFormElement)later.Page.QuerySelector("form[action*='handler=Later']")!;
        var response = await Persons.PersonForms.SubmitAsync(app.Client, later.Url, laterForm);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/duplicates?notice=later", response.Headers.Location!.ToString());
        var queue = await QueueAsync(app);
        Assert.True(queue.IndexOf(other) < queue.IndexOf(first), string.Join(", ", queue));
        Assert.Equal(first, queue[^1]);
        var page = await app.PageAsync("/duplicates?notice=later");
        Assert.NotNull(page.QuerySelector(".notice"));
        Assert.Equal("put off for later", page.QuerySelector($"tr[data-pair='{first}'] td.decision")!.TextContent.Trim());
        Assert.Equal("later", (string)(await app.GetAsync("/api/v1/duplicates")).Expect(HttpStatusCode.OK).Array[^1]!["decision"]!);

        // "Not the same person" takes the pair out for good: not after other changes, nor through the API.
        var distinct = await WebForm.LoadAsync(app, $"/duplicates/{d.Gulnar.Id}/{d.Gulnar2.Id}");
        var distinctForm = (IHtmlFormElement)distinct.Page.QuerySelector("form[action*='handler=Distinct']")!;
        response = await Persons.PersonForms.SubmitAsync(app.Client, distinct.Url, distinctForm);
        Assert.Equal("/duplicates?notice=distinct", response.Headers.Location!.ToString());
        Assert.DoesNotContain(gulnar, await QueueAsync(app));
        Assert.Equal(DuplicateDecision.Distinct, await DuplicateService.For(app.Store.Database).DecisionAsync(d.Gulnar2.Id, d.Gulnar.Id));

        await app.Store.UpdateAsync((await app.Store.GetAsync<Person>(d.Gulnar.Id, Viewer.Operator("test")))! with { Occupation = "teacher" }, "test");
        await app.Store.CreateAsync(DuplicateData.Make("K-000401", Gender.Male, 1990, null, ("Arman Duisenov", Kuager.Names.Script.English)), "test");
        Assert.DoesNotContain(gulnar, await QueueAsync(app));
        Assert.Contains(baibolat, await QueueAsync(app));
        Assert.DoesNotContain((await app.GetAsync("/api/v1/duplicates")).Expect(HttpStatusCode.OK).Array,
            p => (long)p!["a"]!["id"]! == Math.Min(d.Gulnar.Id, d.Gulnar2.Id) && (long)p["b"]!["id"]! == Math.Max(d.Gulnar.Id, d.Gulnar2.Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_comparison_shows_both_records_side_by_side_with_the_differences_marked(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var d = await DuplicateData.PlantAsync(app);
        var ev = await app.Store.CreateAsync(Build.Event("detained", d.Baibolat.Id, FuzzyDate.InYear(2018)), "test");

        var page = await app.PageAsync($"/duplicates/{d.Baibolat2.Id}/{d.Baibolat.Id}");
        var head = page.QuerySelectorAll("table.side-by-side thead th");
        Assert.Contains("Baibolat Kunbolatuly", head[1].TextContent);
        Assert.Contains("K-000101", head[1].TextContent);
        Assert.Contains("K-000102", head[2].TextContent);

        string Mark(string field) => page.QuerySelector($"tr[data-field='{field}'] td.compared")!.TextContent.Trim();
        IHtmlTableRowElement Row(string field) => (IHtmlTableRowElement)page.QuerySelector($"tr[data-field='{field}']")!;

        // Differences are marked in words and signs as well as by the row's class (not by colour alone).
        Assert.Equal("≠ differ", Mark("birthDate"));
        Assert.Contains("differs", Row("birthDate").ClassList);
        Assert.Equal("= same", Mark("gender"));
        Assert.DoesNotContain("differs", Row("gender").ClassList);
        Assert.Equal("= same", Mark("hometownId"));
        Assert.Contains("China › Xinjiang › Ili", Row("hometownId").Cells[1].TextContent);
        Assert.Equal("± only one says", Mark("occupation"));
        Assert.Equal("herder", Row("occupation").Cells[2].TextContent.Trim());
        Assert.Equal("≈ partly the same", Mark("names"));
        Assert.Contains("only here", Row("names").Cells[1].TextContent);
        Assert.Equal("Байболат Құнболатұлы", page.QuerySelector("tr[data-field='names'] td.side-b [lang='kk-Cyrl']")!.TextContent);
        Assert.Equal($"/events/{ev.Id}", Row("events").Cells[1].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("± only one says", Mark("events"));
        foreach (var field in new[] { "ethnicity", "status", "citizenships", "relatives", "cases", "testimonies", "sources" })
        {
            Assert.NotNull(page.QuerySelector($"tr[data-field='{field}']"));
        }

        // The evidence behind the score, and the three decisions.
        var evidence = page.QuerySelectorAll("table.evidence-table tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(evidence, e => e.Contains("Birth year", StringComparison.Ordinal) && e.Contains("close", StringComparison.Ordinal));
        Assert.Matches(@"\d{1,3}\s?%", page.QuerySelector(".pair-score .score")!.TextContent);
        var survivor = page.QuerySelectorAll("form.merge-form input[name=survivor]").Cast<IHtmlInputElement>().ToList();
        Assert.Equal([d.Baibolat.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), d.Baibolat2.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            survivor.Select(s => s.Value));
        Assert.True(survivor[0].IsChecked, "the lower id stays by default");
        Assert.NotNull(page.QuerySelector("form[action*='handler=Distinct'] input[name=__RequestVerificationToken]"));
        Assert.NotNull(page.QuerySelector("form[action*='handler=Later'] input[name=__RequestVerificationToken]"));

        // Pairs that do not exist, or a person compared with themselves, are the plain 404 page.
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync($"/duplicates/{d.Baibolat.Id}/{d.Baibolat.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync($"/duplicates/{d.Baibolat.Id}/987654")).StatusCode);
    }

    [Theory]
    [InlineData("ru", "Возможные дубликаты", "Это один и тот же человек?")]
    [InlineData("kk", "Ықтимал қайталанулар", "Бұлар бір адам ба?")]
    public async Task The_queue_and_the_comparison_speak_russian_and_kazakh(string culture, string queueTitle, string compareTitle)
    {
        await using var app = await KuagerApp.StartAsync(Provider.Sqlite);
        var d = await DuplicateData.PlantAsync(app);
        await app.Store.MergeAsync(d.Gulnar.Id, d.Gulnar2.Id, "test");

        var queue = await app.PageAsync($"/duplicates?culture={culture}");
        Assert.Equal(queueTitle, queue.QuerySelector("h1")!.TextContent);
        var compare = await app.PageAsync($"/duplicates/{d.Baibolat.Id}/{d.Baibolat2.Id}?culture={culture}");
        Assert.Equal(compareTitle, compare.QuerySelector("h1")!.TextContent);
        var person = await app.PageAsync($"/persons/{d.Gulnar.Id}?culture={culture}");

        // A missing translation would show its key.
        foreach (var page in new[] { queue, compare, person })
        {
            var text = page.QuerySelector("main")!.TextContent;
            Assert.DoesNotContain("duplicates.", text, StringComparison.Ordinal);
            Assert.DoesNotContain("persons.", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Visitors_and_researchers_may_not_review(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var d = await DuplicateData.PlantAsync(app);
        var visitor = app.BrowserClient();
        var (researcher, _, _) = await app.SignedInAsync(Role.Researcher);
        var (editor, _, _) = await app.SignedInAsync(Role.Editor);

        foreach (var url in new[] { "/duplicates", $"/duplicates/{d.Baibolat.Id}/{d.Baibolat2.Id}" })
        {
            var anonymous = await visitor.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.Equal("/account/login", anonymous.Headers.Location!.AbsolutePath);
            var denied = await researcher.GetAsync(url);
            Assert.Equal("/account/denied", denied.Headers.Location!.AbsolutePath);
            Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync(url)).StatusCode);
        }

        var form = await WebForm.LoadAsync(app, $"/duplicates/{d.Baibolat.Id}/{d.Baibolat2.Id}", editor);
        var merge = await researcher.PostAsync(form.Url + "?handler=Merge", new FormUrlEncodedContent(form.Fields));
        Assert.Equal("/account/denied", merge.Headers.Location!.AbsolutePath);
        Assert.Equal(5, await app.Db.RowsAsync("persons"));
        Assert.Equal(0, await app.Db.RowsAsync("person_merges"));

        foreach (var role in new[] { Role.Visitor, Role.Researcher })
        {
            using var client = await app.ClientAsync(role);
            var status = role == Role.Visitor ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden;
            Assert.Equal(status, (await client.GetAsync("/api/v1/duplicates")).StatusCode);
            foreach (var (url, body) in new[]
            {
                ("/api/v1/duplicates/decisions", $"{{\"a\": {d.Baibolat.Id}, \"b\": {d.Baibolat2.Id}, \"decision\": \"distinct\"}}"),
                ("/api/v1/merges", $"{{\"survivor_id\": {d.Baibolat.Id}, \"merged_id\": {d.Baibolat2.Id}}}"),
                ("/api/v1/merges/1/undo", "{}"),
                ("/api/v1/persons/duplicates", "{\"externalId\": \"X\", \"names\": [{\"text\": \"Baibolat Kunbolatuly\", \"script\": \"en\", \"kind\": \"primary\"}]}"),
            })
            {
                var answer = await client.PostAsync(url, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
                Assert.Equal(status, answer.StatusCode);
                Assert.DoesNotContain("Baibolat", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        Assert.Null(await DuplicateService.For(app.Store.Database).DecisionAsync(d.Baibolat.Id, d.Baibolat2.Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Decisions_through_the_api_name_the_field_at_fault(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var d = await DuplicateData.PlantAsync(app);
        JsonObject Body(object? a, object? b, string? decision) => new()
        {
            ["a"] = a is null ? null : JsonValue.Create(a),
            ["b"] = b is null ? null : JsonValue.Create(b),
            ["decision"] = decision,
        };

        (await app.PostAsync("/api/v1/duplicates/decisions", Body(null, d.Baibolat2.Id, "later"))).ExpectFieldErrors("a");
        (await app.PostAsync("/api/v1/duplicates/decisions", Body(d.Baibolat.Id, "two", "later"))).ExpectFieldErrors("b");
        (await app.PostAsync("/api/v1/duplicates/decisions", Body(d.Baibolat.Id, d.Baibolat.Id, "later"))).ExpectFieldErrors("b");
        Assert.Contains("distinct", (await app.PostAsync("/api/v1/duplicates/decisions", Body(d.Baibolat.Id, d.Baibolat2.Id, "maybe"))).ExpectFieldErrors("decision")[0]);
        (await app.SendAsync(HttpMethod.Post, "/api/v1/duplicates/decisions", "[1, 2]")).ExpectProblem(HttpStatusCode.BadRequest);
        (await app.PostAsync("/api/v1/duplicates/decisions", Body(d.Baibolat.Id, 987654L, "later"))).ExpectProblem(HttpStatusCode.NotFound);
        Assert.Null(await DuplicateService.For(app.Store.Database).DecisionAsync(d.Baibolat.Id, d.Baibolat2.Id));

        (await app.PostAsync("/api/v1/duplicates/decisions", Body(d.Baibolat2.Id, d.Baibolat.Id, "distinct"))).Expect(HttpStatusCode.NoContent);
        Assert.Equal(DuplicateDecision.Distinct, await DuplicateService.For(app.Store.Database).DecisionAsync(d.Baibolat.Id, d.Baibolat2.Id));
        Assert.DoesNotContain((await app.GetAsync("/api/v1/duplicates")).Expect(HttpStatusCode.OK).Array, p => (long)p!["a"]!["id"]! == d.Baibolat.Id);
    }
}
