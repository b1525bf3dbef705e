using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Kuager.Core;
using Kuager.Storage;
using Kuager.Storage.Tests;
using Kuager.Web.Tests.Api;
using Kuager.Web.Tests.Persons;

namespace Kuager.Web.Tests.Duplicates;

/// <summary>Entering a person already recorded: the form and the API show the likely matches and save nothing until told it is someone else.</summary>
public sealed class DuplicateEntryTests
{
    /// <summary>Baibolat again, as another relative reports him: another spelling, a birth year one off, the same hometown.</summary>
    private static Dictionary<string, string> Again() => new()
    {
        ["Input.Names[0].Text"] = "Baybolat Kunbolatuly",
        ["Input.Names[0].Kind"] = "primary",
        ["Input.Gender"] = "male",
        ["Input.BirthDate"] = "1976",
        ["Input.Ethnicity"] = "Kazakh",
        ["Input.Hometown"] = DuplicateData.IliPath,
        ["Input.Occupation"] = "kept occupation",
    };

    private static IHtmlFormElement Form(IHtmlDocument page) => (IHtmlFormElement)page.QuerySelector("form.person-form")!;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_form_shows_the_likely_matches_saves_nothing_and_creates_only_when_confirmed(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var (_, baibolat) = await DuplicateData.BaibolatAsync(app);

        var empty = await app.PageAsync("/persons/new");
        Assert.Empty(empty.QuerySelectorAll(".duplicate-candidates"));
        Assert.Equal("/persons/new?handler=Candidates", Form(empty).GetAttribute("data-candidates"));
        Assert.NotNull(empty.QuerySelector("script[src='/assets/duplicates.js']"));

        var response = await PersonForms.SubmitAsync(app.Client, "/persons/new", Form(empty), Again());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal(1, await app.Db.RowsAsync("persons"));

        // The panel names the existing record, links to it, and says why, in words and signs.
        var panel = page.QuerySelector("form.person-form .duplicate-candidates")!;
        Assert.Equal("This person may already be recorded", panel.QuerySelector("h2")!.TextContent);
        var row = panel.QuerySelector($"tr[data-person='{baibolat.Id}']")!;
        Assert.Equal($"/persons/{baibolat.Id}", row.QuerySelector("a.candidate-name")!.GetAttribute("href"));
        Assert.Equal("Baibolat Kunbolatuly", row.QuerySelector("a.candidate-name")!.TextContent);
        Assert.Contains("K-000101", row.TextContent);
        Assert.Contains("1975", row.TextContent);
        Assert.Matches(@"^\d{1,3}\s?%$", row.QuerySelector("td.score")!.TextContent.Trim());
        Assert.Contains("Name", row.QuerySelector("td.reasons")!.TextContent);
        var evidence = row.QuerySelectorAll("ul.evidence li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Contains(evidence, e => e.Contains("Name: agrees", StringComparison.Ordinal) || e.Contains("Name: close", StringComparison.Ordinal));
        Assert.Contains(evidence, e => e.Contains("Birth year: close", StringComparison.Ordinal));
        Assert.All(evidence, e => Assert.Matches("(agrees|close|differs)$", e));

        // What was typed is kept; saving again without confirming still saves nothing.
        Assert.Equal("Baybolat Kunbolatuly", PersonForms.Value(page, "Input.Names[0].Text"));
        Assert.Equal("kept occupation", PersonForms.Value(page, "Input.Occupation"));
        Assert.Equal(DuplicateData.IliPath, PersonForms.Value(page, "Input.Hometown"));
        var again = await PersonForms.SubmitAsync(app.Client, "/persons/new", Form(page));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(1, await app.Db.RowsAsync("persons"));

        // "Create anyway" is a submit button of the same form: the confirmation goes with what was typed.
        var confirm = panel.QuerySelector("button[name=Confirm]")!;
        Assert.Equal("true", confirm.GetAttribute("value"));
        Assert.Equal("Create anyway — this is a different person", confirm.TextContent);
        var created = await PersonForms.SubmitAsync(app.Client, "/persons/new", Form(page), new Dictionary<string, string> { ["Confirm"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Matches(@"^/persons/\d+\?notice=created$", created.Headers.Location!.ToString());
        Assert.Equal(2, await app.Db.RowsAsync("persons"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Someone_like_nobody_recorded_is_saved_at_once(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        await DuplicateData.BaibolatAsync(app);

        var form = await app.PageAsync("/persons/new");
        var response = await PersonForms.SubmitAsync(app.Client, "/persons/new", Form(form), new Dictionary<string, string>
        {
            ["Input.Names[0].Text"] = "Gulzhan Serikkyzy",
            ["Input.Gender"] = "female",
            ["Input.BirthDate"] = "1991",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(2, await app.Db.RowsAsync("persons"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_form_asks_for_the_matches_as_the_name_is_typed_without_saving(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var (_, baibolat) = await DuplicateData.BaibolatAsync(app);
        var form = Form(await app.PageAsync("/persons/new"));

        async Task<IHtmlDocument> AskAsync(Dictionary<string, string> typed)
        {
            var response = await PersonForms.SubmitAsync(app.Client, "/persons/new?handler=Candidates", form, typed);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("<html", html, StringComparison.OrdinalIgnoreCase);
            return new HtmlParser().ParseDocument(html);
        }

        // A form still being filled in is enough to look: a hometown half typed (no such place yet) is left out, not an error.
        var found = await AskAsync(new Dictionary<string, string>
        {
            ["Input.Names[0].Text"] = "Байболат Құнболатұлы",
            ["Input.Gender"] = "male",
            ["Input.BirthDate"] = "1975",
            ["Input.Hometown"] = "China > Xinj",
        });
        Assert.NotNull(found.QuerySelector($".duplicate-candidates tr[data-person='{baibolat.Id}']"));
        Assert.NotNull(found.QuerySelector("button[name=Confirm]"));

        var nobody = await AskAsync(new Dictionary<string, string> { ["Input.Names[0].Text"] = "Gulzhan Serikkyzy", ["Input.Gender"] = "female" });
        Assert.Empty(nobody.QuerySelectorAll(".duplicate-candidates"));
        var blank = await AskAsync(new Dictionary<string, string> { ["Input.Names[0].Text"] = "" });
        Assert.Empty(blank.QuerySelectorAll(".duplicate-candidates"));
        Assert.Equal(1, await app.Db.RowsAsync("persons"));

        // A reader may not ask: the check is part of an editor's form.
        using var researcher = await app.ClientAsync(Role.Researcher);
        var refused = await researcher.PostAsync("/persons/new?handler=Candidates", new FormUrlEncodedContent(PersonForms.Fields(form)));
        Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, $"{(int)refused.StatusCode}");
        Assert.DoesNotContain("Baibolat", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static JsonObject Body(string name = "Baybolat Kunbolatuly", string externalId = "API-7") => new()
    {
        ["externalId"] = externalId,
        ["names"] = new JsonArray(new JsonObject { ["text"] = name, ["script"] = "en", ["kind"] = "primary" }),
        ["gender"] = "male",
        ["birthDate"] = "1976",
        ["ethnicity"] = "Kazakh",
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_api_answers_409_with_the_candidates_until_the_creation_is_confirmed(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var (ili, baibolat) = await DuplicateData.BaibolatAsync(app);
        var body = Body();
        body["hometownId"] = ili;

        var conflict = (await app.PostAsync("/api/v1/persons", body)).ExpectProblem(HttpStatusCode.Conflict);
        Assert.Contains("confirm=true", (string)conflict["detail"]!, StringComparison.Ordinal);
        var candidate = conflict["candidates"]!.AsArray().Single(c => (long)c!["id"]! == baibolat.Id)!.AsObject();
        Assert.Equal(["id", "external_id", "name", "score", "reasons"], candidate.Select(p => p.Key));
        Assert.Equal("K-000101", (string)candidate["external_id"]!);
        Assert.Equal("Baibolat Kunbolatuly", (string)candidate["name"]!);
        Assert.InRange((double)candidate["score"]!, 0.01, 1.0);
        var reasons = candidate["reasons"]!.AsArray().Select(r => (string)r!).ToList();
        Assert.Contains("name", reasons);
        Assert.All(reasons, r => Assert.Contains(r, DuplicateReasons.All));
        Assert.Equal(1, await app.Db.RowsAsync("persons"));

        // The check alone: the same candidates, nothing written.
        var check = (await app.PostAsync("/api/v1/persons/duplicates", body)).Expect(HttpStatusCode.OK).Array;
        Assert.Equal(conflict["candidates"]!.ToJsonString(), check.ToJsonString());
        var scores = check.Select(c => (double)c!["score"]!).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
        Assert.Empty((await app.PostAsync("/api/v1/persons/duplicates", Body("Gulzhan Serikkyzy"))).Expect(HttpStatusCode.OK).Array);
        Assert.Equal(1, await app.Db.RowsAsync("persons"));

        // A record that breaks the rules gets its 400 before any talk of duplicates; a bad confirm is named.
        var broken = Body();
        broken["names"] = new JsonArray();
        (await app.PostAsync("/api/v1/persons", broken)).ExpectFieldErrors("names");
        (await app.PostAsync("/api/v1/persons/duplicates", broken)).ExpectFieldErrors("names");
        (await app.PostAsync("/api/v1/persons?confirm=perhaps", body)).ExpectFieldErrors("confirm");

        var created = (await app.PostAsync("/api/v1/persons?confirm=true", body)).Expect(HttpStatusCode.Created).Object;
        Assert.Equal("API-7", (string)created["externalId"]!);
        Assert.Equal(2, await app.Db.RowsAsync("persons"));

        // Someone like nobody recorded needs no confirmation.
        (await app.PostAsync("/api/v1/persons", Body("Gulzhan Serikkyzy", "API-8"))).Expect(HttpStatusCode.Created);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_openapi_document_describes_the_confirmation_and_the_duplicate_endpoints(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);

        var paths = (await app.GetAsync("/api/v1/openapi.json")).Expect(HttpStatusCode.OK).Object["paths"]!.AsObject();
        var create = paths["/api/v1/persons"]!["post"]!;
        Assert.Contains("confirm=true", (string)create["description"]!, StringComparison.Ordinal);
        Assert.NotNull(create["responses"]!["409"]);
        var confirm = create["parameters"]!.AsArray().Single(p => (string?)p!["name"] == "confirm")!;
        Assert.Equal("boolean", (string)confirm["schema"]!["type"]!);
        Assert.Null(paths["/api/v1/places"]!["post"]!["parameters"]?.AsArray().FirstOrDefault(p => (string?)p!["name"] == "confirm"));

        foreach (var (path, method) in new[]
        {
            ("/api/v1/persons/duplicates", "post"), ("/api/v1/duplicates", "get"), ("/api/v1/duplicates/decisions", "post"),
            ("/api/v1/merges", "post"), ("/api/v1/merges/{id}/undo", "post"),
        })
        {
            var operation = paths[path]?[method];
            Assert.True(operation is JsonObject, $"{method.ToUpperInvariant()} {path} is not in the document");
            Assert.False(string.IsNullOrWhiteSpace((string?)operation!["description"]), $"{path} has no description");
        }
    }
}
