using System.Net;
using System.Text.Json.Nodes;
using Kuager.Core;
using Kuager.Names;
using Kuager.Storage;
using Kuager.Storage.Tests;

namespace Kuager.Web.Tests.Api;

/// <summary>What tools outside the repository rely on: the persons list, search, the OpenAPI document, problem details.</summary>
public sealed class ApiContractTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_persons_list_has_exactly_items_and_total_with_id_external_id_and_name(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var dana = await app.AddPersonAsync("Dana Bekova", "P-1");
        await app.AddPersonAsync("Aigerim Testova", "P-2");
        await app.AddPersonAsync("Bolat Testov", "P-3");

        var all = (await app.GetAsync("/api/v1/persons")).Expect(HttpStatusCode.OK);
        Assert.Equal("application/json", all.ContentType);
        Assert.Equal(["items", "total"], all.Object.Select(p => p.Key));
        Assert.Equal(3, (long)all.Object["total"]!);
        var items = all.Object["items"]!.AsArray();
        Assert.All(items, i => Assert.Equal(["id", "externalId", "name"], i!.AsObject().Select(p => p.Key)));
        Assert.Equal(["Aigerim Testova", "Bolat Testov", "Dana Bekova"], items.Select(i => (string)i!["name"]!));
        Assert.Equal($"{{\"id\":{dana.Id},\"externalId\":\"P-1\",\"name\":\"Dana Bekova\"}}", items[2]!.ToJsonString());

        var filtered = (await app.GetAsync("/api/v1/persons?q=testov")).Expect(HttpStatusCode.OK).Object;
        Assert.Equal(2, (long)filtered["total"]!);
        Assert.Equal(["P-2", "P-3"], filtered["items"]!.AsArray().Select(i => (string)i!["externalId"]!));

        var paged = (await app.GetAsync("/api/v1/persons?page=2&pageSize=2")).Expect(HttpStatusCode.OK).Object;
        Assert.Equal(3, (long)paged["total"]!);
        Assert.Equal(["Dana Bekova"], paged["items"]!.AsArray().Select(i => (string)i!["name"]!));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Search_returns_an_array_of_people_best_match_first(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var contains = await AddAsync(app, "Kaigerim Saparova");
        var word = await AddAsync(app, "Dana Aigerim");
        var prefix = await AddAsync(app, "Aigerimova Gulnar");
        var exact = await AddAsync(app, "Aigerim", "Айгерім");
        var deleted = await AddAsync(app, "Aigerim Deleted");
        await app.Store.DeleteAsync<Person>(deleted.Id, deleted.Version, "test");
        await AddAsync(app, "Nurlan Omarov");

        var hits = (await app.GetAsync("/api/v1/search?q=Aigerim")).Expect(HttpStatusCode.OK).Array;

        // The shape `kuager search --json` prints (snake case), best first; the exact name first, nothing deleted.
        Assert.Equal(exact.Id, (long)hits[0]!["id"]!);
        Assert.DoesNotContain(hits, h => (long)h!["id"]! == deleted.Id);
        Assert.Contains(hits, h => (long)h!["id"]! == word.Id);
        Assert.Equal(["id", "external_id", "name", "score", "matched", "matched_script", "status"], hits[0]!.AsObject().Select(p => p.Key));
        Assert.Equal("Aigerim", (string)hits[0]!["matched"]!);
        Assert.Equal(exact.ExternalId, (string)hits[0]!["external_id"]!);
        Assert.Equal(2, (await app.GetAsync("/api/v1/search?q=aigerim&limit=2")).Expect(HttpStatusCode.OK).Array.Count);
        (await app.GetAsync("/api/v1/search?q=")).ExpectFieldErrors("q");
        Assert.Empty((await app.GetAsync("/api/v1/search?q=%25")).Expect(HttpStatusCode.OK).Array);
        (await app.GetAsync("/api/v1/search?q=a&limit=many")).ExpectFieldErrors("limit");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_openapi_document_describes_every_endpoint(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);

        var document = (await app.GetAsync("/api/v1/openapi.json")).Expect(HttpStatusCode.OK).Object;

        Assert.StartsWith("3.", (string)document["openapi"]!);
        var paths = document["paths"]!.AsObject();
        foreach (var route in ApiKind.All.Select(k => k.Route))
        {
            AssertOperations(paths, $"/api/v1/{route}", "get", "post");
            AssertOperations(paths, $"/api/v1/{route}/{{id}}", "get", "put", "delete");
            AssertOperations(paths, $"/api/v1/{route}/{{id}}/history", "get");
        }

        AssertOperations(paths, "/api/v1/revisions/{id}/undo", "post");
        AssertOperations(paths, "/api/v1/search", "get");
        Assert.All(paths.Select(p => p.Key), p => Assert.StartsWith("/api/v1/", p));

        // The schemas say what the domain's JSON really is.
        var schemas = document["components"]!["schemas"]!.AsObject();
        Assert.Contains("relatives-group", schemas["OrganizationKind"]!["enum"]!.AsArray().Select(c => (string)c!));
        Assert.Contains("kk-Cyrl", schemas["Script"]!["enum"]!.AsArray().Select(c => (string)c!));
        Assert.Equal(["value", "text"], schemas["FuzzyDate"]!["properties"]!.AsObject().Select(p => p.Key));
        var pageSize = paths["/api/v1/events"]!["get"]!["parameters"]!.AsArray().Single(p => (string?)p!["name"] == "pageSize")!;
        Assert.Equal("integer", (string)pageSize["schema"]!["type"]!);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Errors_anywhere_under_api_are_problem_details_without_stack_traces(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var person = await app.AddPersonAsync();

        (await app.GetAsync("/api/v1/no-such-thing")).ExpectProblem(HttpStatusCode.NotFound);
        (await app.GetAsync("/api/v1/persons/not-a-number")).ExpectProblem(HttpStatusCode.NotFound);
        (await app.GetAsync("/api/v2/openapi.json")).ExpectProblem(HttpStatusCode.NotFound);
        (await app.SendAsync(HttpMethod.Patch, $"/api/v1/persons/{person.Id}", "{}")).ExpectProblem(HttpStatusCode.MethodNotAllowed);
        (await app.GetAsync("/api/v1/persons?pageSize=lots")).ExpectFieldErrors("pageSize");

        // A null where the record has no room for one, a required field missing, a wrong type deep inside.
        var body = new JsonObject { ["externalId"] = null, ["gender"] = "female" };
        var errors = (await app.PostAsync("/api/v1/persons", body)).ExpectProblem(HttpStatusCode.BadRequest)["errors"]!.AsObject();
        Assert.Equal(["externalId", "names"], errors.Select(e => e.Key).Order());
        var deep = new JsonObject
        {
            ["externalId"] = "X-1",
            ["names"] = new JsonArray(new JsonObject { ["text"] = "Dana", ["script"] = "klingon", ["kind"] = "primary" }),
        };
        Assert.Contains("klingon", (await app.PostAsync("/api/v1/persons", deep)).ExpectFieldErrors("names[0].script")[0]);

        var nullItem = new JsonObject { ["names"] = new JsonArray(new JsonObject { ["text"] = "Gulja", ["script"] = "en" }, null) };
        Assert.Equal(["cannot be null"], (await app.PostAsync("/api/v1/places", nullItem)).ExpectFieldErrors("names[1]"));
        using (var form = new StringContent("externalId=X-2", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"))
        {
            var response = await app.Client.PostAsync("/api/v1/persons", form);
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        // The domain's own messages, keyed by its field names, as the forms show them.
        var duplicate = new JsonObject
        {
            ["externalId"] = person.ExternalId,
            ["names"] = new JsonArray(new JsonObject { ["text"] = "Dana", ["script"] = "en", ["kind"] = "primary" }),
        };
        Assert.Contains(person.ExternalId, string.Join(" ", (await app.PostAsync("/api/v1/persons", duplicate)).ExpectFieldErrors("externalId")));
    }

    private static void AssertOperations(JsonObject paths, string path, params string[] methods)
    {
        Assert.True(paths[path] is JsonObject, $"{path} is not in the document: {string.Join(", ", paths.Select(p => p.Key))}");
        foreach (var method in methods)
        {
            Assert.True(paths[path]![method] is JsonObject, $"{method.ToUpperInvariant()} {path} is not in the document");
        }
    }

    private static Task<Person> AddAsync(KuagerApp app, string name, string? alias = null)
    {
        var names = new List<PersonName> { new(name, Script.English, NameKind.Primary) };
        if (alias is not null)
        {
            names.Add(new PersonName(alias, Script.KazakhCyrillic, NameKind.Alias));
        }

        return app.Store.CreateAsync(Build.Person(name) with { Names = names }, "test");
    }
}
