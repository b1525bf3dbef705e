using System.Net;
using System.Text.Json.Nodes;
using Kuager.Storage;

namespace Kuager.Web.Tests.Api;

/// <summary>The same endpoints for every kind of record, on both providers.</summary>
public sealed class RecordApiTests
{
    [Theory]
    [MemberData(nameof(ApiKind.Cases), MemberType = typeof(ApiKind))]
    public async Task Create_answers_201_with_location_and_the_saved_record_which_get_returns(Provider provider, string route)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var kind = ApiKind.Of(route);
        var body = await kind.ValidAsync(app, 1);
        body["id"] = 9999;
        body["version"] = 7;

        var created = (await app.PostAsync($"/api/v1/{route}", body)).Expect(HttpStatusCode.Created);

        var record = created.Object;
        var id = (long)record["id"]!;
        Assert.NotEqual(9999, id);
        Assert.Equal(1, (int)record["version"]!);
        Assert.Equal($"/api/v1/{route}/{id}", created.Response.Headers.Location?.OriginalString);
        var got = (await app.GetAsync($"/api/v1/{route}/{id}")).Expect(HttpStatusCode.OK);
        Assert.Equal("application/json", got.ContentType);
        Assert.True(JsonNode.DeepEquals(record, got.Json), $"POST answered {created.Text}\nGET answered {got.Text}");
    }

    [Theory]
    [MemberData(nameof(ApiKind.Cases), MemberType = typeof(ApiKind))]
    public async Task Update_with_the_current_version_saves_and_a_stale_one_is_409_with_their_changes(Provider provider, string route)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var kind = ApiKind.Of(route);
        var record = (await app.PostAsync($"/api/v1/{route}", await kind.ValidAsync(app, 1))).Expect(HttpStatusCode.Created).Object;
        var id = (long)record["id"]!;

        var edit = record.DeepClone().AsObject();
        edit[kind.EditField] = kind.EditValue();
        var updated = (await app.PutAsync($"/api/v1/{route}/{id}", edit)).Expect(HttpStatusCode.OK).Object;
        Assert.Equal(2, (int)updated["version"]!);
        Assert.True(JsonNode.DeepEquals(kind.EditValue(), updated[kind.EditField]), updated.ToJsonString());

        // A second client still holding version 1 changes something else: refused, with what changed meanwhile.
        var stale = record.DeepClone().AsObject();
        stale["confidentiality"] = "confidential";
        var problem = (await app.PutAsync($"/api/v1/{route}/{id}", stale)).ExpectProblem(HttpStatusCode.Conflict);
        Assert.Contains("changed by someone else", (string)problem["detail"]!);
        var theirs = Assert.IsType<JsonArray>(problem["theirChanges"]);
        Assert.Contains(theirs, c => (string?)c!["field"] == kind.EditField);
        Assert.Equal(2, (int)(await app.GetAsync($"/api/v1/{route}/{id}")).Expect(HttpStatusCode.OK).Object["version"]!);

        var missing = record.DeepClone().AsObject();
        missing.Remove("version");
        Assert.NotEmpty((await app.PutAsync($"/api/v1/{route}/{id}", missing)).ExpectFieldErrors("version"));
        (await app.PutAsync($"/api/v1/{route}/987654", updated)).ExpectProblem(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(ApiKind.Cases), MemberType = typeof(ApiKind))]
    public async Task Bad_records_are_400_problems_and_nothing_is_saved(Provider provider, string route)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var kind = ApiKind.Of(route);
        var broken = await kind.ValidAsync(app, 1);
        kind.Break(broken);
        var messages = (await app.PostAsync($"/api/v1/{route}", broken)).ExpectFieldErrors(kind.BrokenField);
        Assert.All(messages, m => Assert.False(string.IsNullOrWhiteSpace(m)));

        var badCode = await kind.ValidAsync(app, 2);
        badCode["confidentiality"] = "top-secret";
        var codeErrors = (await app.PostAsync($"/api/v1/{route}", badCode)).ExpectFieldErrors("confidentiality");
        Assert.Contains("top-secret", codeErrors[0]);

        var malformed = (await app.SendAsync(HttpMethod.Post, $"/api/v1/{route}", "{\"title\": ")).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Contains("not valid JSON", (string)malformed["detail"]!);
        (await app.SendAsync(HttpMethod.Post, $"/api/v1/{route}", "[1, 2]")).ExpectProblem(HttpStatusCode.BadRequest);
        (await app.SendAsync(HttpMethod.Post, $"/api/v1/{route}", "")).ExpectProblem(HttpStatusCode.BadRequest);

        Assert.Equal(0, await CountAsync(app, route));
    }

    [Theory]
    [MemberData(nameof(ApiKind.Cases), MemberType = typeof(ApiKind))]
    public async Task Lists_page_with_a_total_and_missing_records_are_404_problems(Provider provider, string route)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var kind = ApiKind.Of(route);
        var ids = new List<long>();
        for (var n = 1; n <= 3; n++)
        {
            ids.Add((long)(await app.PostAsync($"/api/v1/{route}", await kind.ValidAsync(app, n))).Expect(HttpStatusCode.Created).Object["id"]!);
        }

        var first = (await app.GetAsync($"/api/v1/{route}?pageSize=2")).Expect(HttpStatusCode.OK).Object;
        var second = (await app.GetAsync($"/api/v1/{route}?page=2&pageSize=2")).Expect(HttpStatusCode.OK).Object;
        Assert.Equal(["items", "total"], first.Select(p => p.Key));
        Assert.Equal(3, (long)first["total"]!);
        Assert.Equal(3, (long)second["total"]!);
        var listed = first["items"]!.AsArray().Concat(second["items"]!.AsArray()).Select(i => (long)i!["id"]!).ToList();
        Assert.Equal(2, first["items"]!.AsArray().Count);
        Assert.Equal(ids.Order(), listed.Order());

        (await app.GetAsync($"/api/v1/{route}?page=abc")).ExpectFieldErrors("page");
        var problem = (await app.GetAsync($"/api/v1/{route}/987654")).ExpectProblem(HttpStatusCode.NotFound);
        Assert.Contains("987654", (string)problem["detail"]!);
        (await app.GetAsync($"/api/v1/{route}/987654/history")).ExpectProblem(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(ApiKind.Cases), MemberType = typeof(ApiKind))]
    public async Task Delete_is_a_revision_in_the_history_and_undo_brings_the_record_back(Provider provider, string route)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var kind = ApiKind.Of(route);
        var record = (await app.PostAsync($"/api/v1/{route}", await kind.ValidAsync(app, 1))).Expect(HttpStatusCode.Created).Object;
        var id = (long)record["id"]!;
        var edit = record.DeepClone().AsObject();
        edit[kind.EditField] = kind.EditValue();
        (await app.PutAsync($"/api/v1/{route}/{id}", edit)).Expect(HttpStatusCode.OK);

        (await app.DeleteAsync($"/api/v1/{route}/{id}?version=1")).ExpectProblem(HttpStatusCode.Conflict);
        (await app.DeleteAsync($"/api/v1/{route}/{id}")).ExpectFieldErrors("version");
        (await app.DeleteAsync($"/api/v1/{route}/{id}?version=2")).Expect(HttpStatusCode.NoContent);
        (await app.GetAsync($"/api/v1/{route}/{id}")).ExpectProblem(HttpStatusCode.NotFound);
        Assert.Equal(0, (long)(await app.GetAsync($"/api/v1/{route}")).Expect(HttpStatusCode.OK).Object["total"]!);

        var history = (await app.GetAsync($"/api/v1/{route}/{id}/history")).Expect(HttpStatusCode.OK).Array;
        Assert.Equal(["create", "update", "delete"], history.Select(r => (string)r!["action"]!));
        Assert.Equal([1, 2, 3], history.Select(r => (int)r!["version"]!));
        Assert.All(history, r => Assert.Equal("test-admin", (string)r!["actor"]!));
        Assert.All(history, r => Assert.True(DateTimeOffset.TryParse((string?)r!["at"], out _)));
        var update = history[1]!.AsObject();
        var change = Assert.Single(update["changes"]!.AsArray(), c => (string?)c!["field"] == kind.EditField)!;
        Assert.True(JsonNode.DeepEquals(kind.EditValue(), JsonNode.Parse((string)change["new"]!)), change.ToJsonString());

        var undo = (await app.PostAsync($"/api/v1/revisions/{(long)history[2]!["id"]!}/undo", null)).Expect(HttpStatusCode.OK).Object;
        Assert.Equal("restore", (string)undo["action"]!);
        var restored = (await app.GetAsync($"/api/v1/{route}/{id}")).Expect(HttpStatusCode.OK).Object;
        Assert.Equal(4, (int)restored["version"]!);
        Assert.True(JsonNode.DeepEquals(kind.EditValue(), restored[kind.EditField]));

        // The deletion is already undone: undoing it again is refused.
        (await app.PostAsync($"/api/v1/revisions/{(long)history[2]!["id"]!}/undo", null)).ExpectProblem(HttpStatusCode.Conflict);
        (await app.PostAsync("/api/v1/revisions/987654/undo", null)).ExpectProblem(HttpStatusCode.NotFound);
    }

    private static async Task<long> CountAsync(KuagerApp app, string route) =>
        (long)(await app.GetAsync($"/api/v1/{route}")).Expect(HttpStatusCode.OK).Object["total"]!;
}
