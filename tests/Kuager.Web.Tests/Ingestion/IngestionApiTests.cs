using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Kuager.Core;
using Kuager.Storage;
using Kuager.Storage.Tests;
using Kuager.Storage.Tests.Ingestion;
using Kuager.Web.Tests.Api;

namespace Kuager.Web.Tests.Ingestion;

/// <summary>Ingestion through the API: paste text, list the review queue, edit, reject and batch accept; editors only.</summary>
public sealed class IngestionApiTests
{
    private static async Task<KuagerApp> EditorAppAsync(Provider provider)
    {
        var app = await KuagerApp.StartAsync(provider);
        app.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync(Role.Editor));
        return app;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Pasted_text_becomes_sources_and_its_proposals_are_reviewed(Provider provider)
    {
        await using var app = await EditorAppAsync(provider);

        var ingested = (await app.PostAsync("/api/v1/ingestion", new JsonObject { ["text"] = SourceIngestionTests.Story, ["date"] = "2021-03-02" }))
            .Expect(HttpStatusCode.Created).Object;
        var source = Assert.Single(ingested["sources"]!.AsArray())!.AsObject();
        Assert.Equal(["source_id", "title", "date", "duplicate_of", "persons", "places", "organizations", "events"], source.Select(p => p.Key));
        var sourceId = (long)source["source_id"]!;

        var again = (await app.PostAsync("/api/v1/ingestion", new JsonObject { ["text"] = SourceIngestionTests.Story })).Expect(HttpStatusCode.Created).Object;
        Assert.Equal(sourceId, (long)again["sources"]![0]!["duplicate_of"]!);

        var queue = (await app.GetAsync($"/api/v1/ingestion/proposals?source_id={sourceId}")).Expect(HttpStatusCode.OK).Array.Select(p => p!.AsObject()).ToList();
        var kabdolov = queue.Single(p => (string)p["kind"]! == "person" && (string)p["label"]! == "Yerlan Kabdolov");
        Assert.Equal("Police detained activist Yerlan Kabdolov near the consulate.", (string)kabdolov["sentence"]!);
        var gulzhan = queue.Single(p => (string)p["label"]! == "Gulzhan Serikbaikyzy");
        var place = queue.First(p => (string)p["kind"]! == "place");

        (await app.PostAsync($"/api/v1/ingestion/proposals/{(long)gulzhan["id"]!}/label", new JsonObject { ["label"] = "Gulzhan Serikbaiqyzy" })).Expect(HttpStatusCode.OK);
        (await app.PostAsync($"/api/v1/ingestion/proposals/{(long)place["id"]!}/reject", null)).Expect(HttpStatusCode.NoContent);
        (await app.PostAsync($"/api/v1/ingestion/proposals/{(long)place["id"]!}/reject", null)).ExpectProblem(HttpStatusCode.Conflict);
        var accepted = (await app.PostAsync("/api/v1/ingestion/proposals/accept", new JsonObject { ["ids"] = new JsonArray((long)kabdolov["id"]!, (long)gulzhan["id"]!) }))
            .Expect(HttpStatusCode.OK).Array;

        Assert.All(accepted, a => Assert.Equal("person", (string)a!["record_kind"]!));
        var created = await app.Store.GetAsync<Person>((long)accepted[1]!["record_id"]!, Viewer.Operator("test"));
        Assert.Equal("Gulzhan Serikbaiqyzy", created!.Names[0].Text);
        var left = (await app.GetAsync($"/api/v1/ingestion/proposals?source_id={sourceId}")).Expect(HttpStatusCode.OK).Array;
        Assert.DoesNotContain(left, p => (long)p!["id"]! == (long)kabdolov["id"]! || (long)p["id"]! == (long)place["id"]!);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Accepting_a_place_answers_the_registry_place_and_a_place_renamed_out_of_the_gazetteer_names_the_label(Provider provider)
    {
        await using var app = await EditorAppAsync(provider);
        var sourceId = (long)(await app.PostAsync("/api/v1/ingestion", new JsonObject { ["text"] = SourceIngestionTests.OtherStory }))
            .Expect(HttpStatusCode.Created).Object["sources"]![0]!["source_id"]!;
        var queue = (await app.GetAsync($"/api/v1/ingestion/proposals?source_id={sourceId}")).Expect(HttpStatusCode.OK).Array.Select(p => p!.AsObject()).ToList();
        long IdOf(string label) => (long)queue.Single(p => (string)p["kind"]! == "place" && (string)p["label"]! == label)["id"]!;

        var accepted = Assert.Single((await app.PostAsync("/api/v1/ingestion/proposals/accept", new JsonObject { ["ids"] = new JsonArray(IdOf("Zharkent")) }))
            .Expect(HttpStatusCode.OK).Array)!;
        Assert.Equal("place", (string)accepted["record_kind"]!);
        var place = await app.Store.GetAsync<Place>((long)accepted["record_id"]!, Viewer.Operator("test"));
        Assert.Equal("Zharkent", place!.Name);

        var khorgos = IdOf("Khorgos");
        (await app.PostAsync($"/api/v1/ingestion/proposals/{khorgos}/label", new JsonObject { ["label"] = "Atlantis" })).Expect(HttpStatusCode.OK);
        var places = await app.Db.RowsAsync("places");
        (await app.PostAsync("/api/v1/ingestion/proposals/accept", new JsonObject { ["ids"] = new JsonArray(khorgos) })).ExpectFieldErrors("label");
        Assert.Equal(places, await app.Db.RowsAsync("places"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Bad_input_names_the_field_and_researchers_may_not_ingest(Provider provider)
    {
        await using var app = await EditorAppAsync(provider);

        (await app.PostAsync("/api/v1/ingestion", new JsonObject { ["text"] = "" })).ExpectFieldErrors("text");
        (await app.PostAsync("/api/v1/ingestion", new JsonObject { ["text"] = SourceIngestionTests.Story, ["date"] = "22.02.2021" })).ExpectFieldErrors("date");
        (await app.PostAsync("/api/v1/ingestion", new JsonObject { ["text"] = SourceIngestionTests.Story, ["format"] = "pdf" })).ExpectFieldErrors("format");
        (await app.PostAsync("/api/v1/ingestion", new JsonObject { ["text"] = SourceIngestionTests.Story, ["kind"] = "rumour" })).ExpectFieldErrors("kind");
        (await app.PostAsync("/api/v1/ingestion", new JsonObject { ["text"] = SourceIngestionTests.Story, ["language"] = "klingon" })).ExpectFieldErrors("language");
        (await app.PostAsync("/api/v1/ingestion/proposals/accept", new JsonObject { ["ids"] = new JsonArray(999_999L) })).ExpectProblem(HttpStatusCode.NotFound);
        Assert.Equal(0, await app.Db.RowsAsync("sources"));

        foreach (var role in new[] { Role.Visitor, Role.Researcher })
        {
            using var client = await app.ClientAsync(role);
            var status = role == Role.Visitor ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden;
            Assert.Equal(status, (await client.GetAsync("/api/v1/ingestion/proposals")).StatusCode);
            var body = new StringContent(new JsonObject { ["text"] = SourceIngestionTests.Story }.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
            Assert.Equal(status, (await client.PostAsync("/api/v1/ingestion", body)).StatusCode);
        }

        Assert.Equal(0, await app.Db.RowsAsync("sources"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_pasted_testimony_is_a_confidential_testimony_source(Provider provider)
    {
        await using var app = await EditorAppAsync(provider);

        var ingested = (await app.PostAsync("/api/v1/ingestion", new JsonObject { ["text"] = SourceIngestionTests.Story, ["kind"] = "testimony", ["language"] = "kk" }))
            .Expect(HttpStatusCode.Created).Object;

        var source = await app.Store.GetAsync<Source>((long)ingested["sources"]![0]!["source_id"]!, Viewer.Operator("test"));
        Assert.Equal((SourceKind.Testimony, Confidentiality.Confidential, "kk"), (source!.Kind, source.Confidentiality, source.Language));
    }
}
