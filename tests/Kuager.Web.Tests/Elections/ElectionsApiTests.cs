using System.Net;
using System.Text.Json.Nodes;
using Kuager.Core;
using Kuager.Storage;
using Kuager.Storage.Tests;
using Kuager.Web.Tests.Api;

namespace Kuager.Web.Tests.Elections;

/// <summary>The elections API: editors write, signed-in readers read, visitors are asked to sign in; figures as the core computes them.</summary>
public sealed class ElectionsApiTests
{
    /// <summary>An election with one region, one district, three stations (two sampled), parties A and B.</summary>
    internal sealed record Plan(long Election, long[] Stations);

    internal static async Task<Plan> PlanAsync(KuagerApp app)
    {
        var election = (await app.PostAsync("/api/v1/elections", JsonNode.Parse("""
            {"name": "Mazhilis 2026", "kind": "party-list", "electionDay": "2026-03-15", "seats": 10, "thresholdPercent": 5, "thresholdOf": "all",
             "stages": [{"name": "Campaign", "start": "2026-02-11", "end": "2026-03-13"}],
             "eligibility": {"requireCitizen": true, "minimumAge": 25, "residenceYears": null, "requireNoConviction": false},
             "quotas": [{"name": "women", "groups": [{"group": "women"}], "minimumPercent": 30}],
             "observerLimits": {"perRepresentedPerStation": 1, "perOrganisationPerStation": null}}
            """))).Expect(HttpStatusCode.Created).Object;
        var id = (long)election["id"]!;
        long Unit(JsonObject o) => (long)o["id"]!;
        var region = Unit((await app.PostAsync($"/api/v1/elections/{id}/units", new JsonObject { ["level"] = "region", ["name"] = "North" })).Expect(HttpStatusCode.Created).Object);
        var district = Unit((await app.PostAsync($"/api/v1/elections/{id}/units", new JsonObject { ["level"] = "district", ["name"] = "N-1", ["parentId"] = region })).Expect(HttpStatusCode.Created).Object);
        var stations = new List<long>();
        foreach (var (name, registered, sample) in new[] { ("101", 1000, true), ("102", 800, true), ("103", 600, false) })
        {
            stations.Add(Unit((await app.PostAsync($"/api/v1/elections/{id}/units",
                new JsonObject { ["level"] = "station", ["name"] = name, ["parentId"] = district, ["registeredVoters"] = registered, ["inSample"] = sample })).Expect(HttpStatusCode.Created).Object));
        }

        foreach (var party in new[] { "A", "B" })
        {
            (await app.PostAsync($"/api/v1/elections/{id}/parties", new JsonObject { ["name"] = party })).Expect(HttpStatusCode.Created);
        }

        return new Plan(id, [.. stations]);
    }

    internal static JsonObject Protocol(long registered, long issued, long valid, long invalid, long a, long b) => new()
    {
        ["registeredVoters"] = registered, ["ballotsIssued"] = issued, ["valid"] = valid, ["invalid"] = invalid,
        ["choices"] = new JsonArray(new JsonObject { ["choice"] = "A", ["votes"] = a }, new JsonObject { ["choice"] = "B", ["votes"] = b }),
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Protocols_give_results_seats_and_a_parallel_vote_tabulation(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var plan = await PlanAsync(app);

        // A protocol that does not add up: 400 naming the line.
        var bad = (await app.PutAsync($"/api/v1/elections/stations/{plan.Stations[0]}/protocols/observer", Protocol(1000, 600, 590, 10, 400, 180)))
            .ExpectFieldErrors("valid");
        Assert.Equal(["the votes for each choice (580) and against all (0) make 580, fewer than the 590 valid ballots (by 10)"], bad);

        // 101: A 400, B 190; 102: A 300, B 160; 103: A 100, B 200.
        (await app.PutAsync($"/api/v1/elections/stations/{plan.Stations[0]}/protocols/observer", Protocol(1000, 600, 590, 10, 400, 190))).Expect(HttpStatusCode.OK);
        (await app.PutAsync($"/api/v1/elections/stations/{plan.Stations[1]}/protocols/observer", Protocol(800, 470, 460, 10, 300, 160))).Expect(HttpStatusCode.OK);
        var warned = (await app.PutAsync($"/api/v1/elections/stations/{plan.Stations[2]}/protocols/observer", Protocol(600, 310, 300, 0, 100, 200))).Expect(HttpStatusCode.OK).Array;
        Assert.Equal("warning", (string)warned.Single()!["severity"]!);
        // The official figure for 101 gives B 20 fewer.
        (await app.PutAsync($"/api/v1/elections/stations/{plan.Stations[0]}/protocols/official", Protocol(1000, 600, 570, 10, 400, 170))).Expect(HttpStatusCode.OK);

        var results = (await app.GetAsync($"/api/v1/elections/{plan.Election}/results")).Expect(HttpStatusCode.OK).Object;
        Assert.Equal(3, (int)results["stations"]!);
        Assert.Equal(1380, (long)results["totals"]!["ballotsIssued"]!);
        Assert.Equal(1380m / 2400m, (decimal)results["totals"]!["turnout"]!);
        Assert.Equal("North", (string)results["children"]![0]!["name"]!);

        var comparison = (await app.GetAsync($"/api/v1/elections/{plan.Election}/comparison")).Expect(HttpStatusCode.OK).Array;
        Assert.Equal([("valid", 590L, 570L), ("votes:B", 190L, 170L)], comparison.Select(d => ((string)d!["field"]!, (long)d["ours"]!, (long)d["official"]!)));

        // A 800, B 550 of 1380 participants: both pass 5 %. V = 1350, N = 10: A 8000 / 1350 → 5, remainder 1250; B 5500 / 1350 → 4, remainder 100.
        // The 10th seat to A: A 6, B 4.
        var seats = (await app.GetAsync($"/api/v1/elections/{plan.Election}/seats")).Expect(HttpStatusCode.OK).Object;
        Assert.Equal([("A", 6), ("B", 4)], seats["parties"]!.AsArray().Select(p => ((string)p!["party"]!, (int)p["seats"]!)));

        // PVT from 101 and 102 of 3 stations: r(A) = 700 / 1050 = 0.6667. Residuals 400 − 393.33 = 6.667, 300 − 306.67 = −6.667;
        // s² = 88.889; x̄ = 525; Var = (1 − 2/3) × 88.889 / (2 × 275625) = 0.0000537486; SE = 0.00733135.
        var pvt = (await app.GetAsync($"/api/v1/elections/{plan.Election}/pvt")).Expect(HttpStatusCode.OK).Object;
        var a = pvt["shares"]!.AsArray().Single(s => (string)s!["choice"]! == "A")!;
        Assert.Equal(2.0 / 3, (double)a["share"]!, 1e-9);
        Assert.Equal(0.00733135, (double)a["standardError"]!, 1e-7);
        Assert.Equal(0.00733135 * 1.959964, (double)a["marginOfError95"]!, 1e-6);
        Assert.Equal(0.00733135 * 2.575829, (double)a["marginOfError99"]!, 1e-6);

        Assert.Contains("observer | official", Assert.Single((await app.GetAsync($"/api/v1/elections/{plan.Election}/results?source=rumour")).ExpectFieldErrors("source")));
        (await app.GetAsync("/api/v1/elections/999999/results")).ExpectProblem(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Observers_forms_and_a_detention_that_lands_in_the_registry(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var plan = await PlanAsync(app);
        var person = await app.AddPersonAsync("Asel Observer");

        (await app.PostAsync($"/api/v1/elections/stations/{plan.Stations[0]}/accreditations", new JsonObject { ["observer"] = "Asel", ["organisation"] = "League", ["represents"] = "A" }))
            .Expect(HttpStatusCode.Created);
        var limit = (await app.PostAsync($"/api/v1/elections/stations/{plan.Stations[0]}/accreditations", new JsonObject { ["observer"] = "Bolat", ["organisation"] = "League", ["represents"] = "A" }))
            .ExpectFieldErrors("represents");
        Assert.Contains("the limit is 1", limit[0]);

        var form = (long)(await app.PostAsync($"/api/v1/elections/{plan.Election}/forms", JsonNode.Parse("""
            {"name": "Counting", "stage": "counting", "questions": [{"code": "seals", "text": "Seals intact?", "problemIfNo": true}]}
            """))).Expect(HttpStatusCode.Created).Object["id"]!;
        foreach (var (station, assessment) in new[] { (plan.Stations[0], "bad"), (plan.Stations[1], "good") })
        {
            (await app.PostAsync($"/api/v1/elections/forms/{form}/observations",
                new JsonObject { ["stationId"] = station, ["observer"] = "Asel", ["assessment"] = assessment, ["answers"] = new JsonObject { ["seals"] = true } })).Expect(HttpStatusCode.Created);
        }

        var shares = (await app.GetAsync($"/api/v1/elections/{plan.Election}/assessments?stage=counting")).Expect(HttpStatusCode.OK).Array;
        Assert.Equal([("North", 1, 2), ("", 1, 2)], shares.Select(s => ((string)s!["region"]!, (int)s["negative"]!, (int)s["observations"]!)));
        var coverage = (await app.GetAsync($"/api/v1/elections/{plan.Election}/coverage")).Expect(HttpStatusCode.OK).Object;
        Assert.Equal((2, 3), ((int)coverage["stationsVisited"]!, (int)coverage["stations"]!));

        var detained = (await app.PostAsync($"/api/v1/elections/{plan.Election}/observer-events", new JsonObject
        {
            ["observer"] = "Asel", ["kind"] = "detained", ["day"] = "2026-03-15", ["stationId"] = plan.Stations[0], ["personId"] = person.Id,
        })).Expect(HttpStatusCode.Created).Object;
        var eventId = (long)detained["eventId"]!;
        var registryEvent = (await app.GetAsync($"/api/v1/events/{eventId}")).Expect(HttpStatusCode.OK).Object;
        Assert.Equal("election-day-detention", (string)registryEvent["type"]!);
        Assert.Equal(person.Id, (long)registryEvent["participants"]![0]!["personId"]!);

        // Candidates: one too young on election day.
        (await app.PostAsync($"/api/v1/elections/{plan.Election}/candidates", new JsonObject { ["name"] = "Dana", ["citizen"] = true, ["birthDate"] = "2002-01-01", ["gender"] = "female", ["partyId"] = null }))
            .Expect(HttpStatusCode.Created);
        var verdict = (await app.GetAsync($"/api/v1/elections/{plan.Election}/eligibility")).Expect(HttpStatusCode.OK).Array.Single()!;
        Assert.Equal("is 24 on election day (2026-03-15); the minimum is 25", (string)verdict["reasons"]![0]!["message"]!);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_incident_keeps_its_files_by_hash_and_a_detained_observer_becomes_an_event(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var plan = await PlanAsync(app);
        var person = await app.AddPersonAsync("Bolat Observer");
        var video = "video of the count"u8.ToArray();
        using var content = new MultipartFormDataContent
        {
            { new StringContent("observer-detained"), "kind" }, { new StringContent("2026-03-15"), "day" },
            { new StringContent("Taken from the count"), "description" }, { new StringContent(plan.Stations[1].ToString(System.Globalization.CultureInfo.InvariantCulture)), "stationId" },
            { new StringContent("Bolat"), "detainedObserver" }, { new StringContent(person.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), "detainedPersonId" },
            { new ByteArrayContent(video), "files", "count.mp4" },
        };

        var response = await app.Client.PostAsync($"/api/v1/elections/{plan.Election}/incidents", content);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        var incident = JsonNode.Parse(body)!.AsObject();
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(video));
        Assert.Equal(("count.mp4", sha), ((string)incident["files"]![0]!["fileName"]!, (string)incident["files"]![0]!["sha256"]!));
        var listed = (await app.GetAsync($"/api/v1/elections/{plan.Election}/incidents")).Expect(HttpStatusCode.OK).Array.Single()!;
        Assert.Equal(sha, (string)listed["files"]![0]!["sha256"]!);
        var observerEvent = (await app.GetAsync($"/api/v1/elections/{plan.Election}/observer-events")).Expect(HttpStatusCode.OK).Array.Single()!;
        Assert.Equal(("detained", person.Id), ((string)observerEvent["kind"]!, (long)observerEvent["personId"]!));
        var registryEvent = (await app.GetAsync($"/api/v1/events/{(long)observerEvent["eventId"]!}")).Expect(HttpStatusCode.OK).Object;
        Assert.Equal("election-day-detention", (string)registryEvent["type"]!);

        // Not a form, or no day: 400 naming what is wrong, nothing written.
        (await app.PostAsync($"/api/v1/elections/{plan.Election}/incidents", new JsonObject { ["kind"] = "x" })).ExpectProblem(HttpStatusCode.BadRequest);
        using var noDay = new MultipartFormDataContent { { new StringContent("ballot stuffing"), "kind" }, { new StringContent("Seen at 14:00"), "description" } };
        var refused = await app.Client.PostAsync($"/api/v1/elections/{plan.Election}/incidents", noDay);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("day", await refused.Content.ReadAsStringAsync());
        Assert.Equal(1, await app.Db.RowsAsync("election_incidents"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Readers_read_editors_write_and_visitors_are_asked_to_sign_in(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var plan = await PlanAsync(app);

        using var visitor = await app.ClientAsync(Role.Visitor);
        Assert.Equal(HttpStatusCode.Unauthorized, (await visitor.GetAsync("/api/v1/elections")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await visitor.GetAsync($"/api/v1/elections/{plan.Election}/results")).StatusCode);

        using var researcher = await app.ClientAsync(Role.Researcher);
        Assert.Equal(HttpStatusCode.OK, (await researcher.GetAsync($"/api/v1/elections/{plan.Election}")).StatusCode);
        var refused = await researcher.PostAsync($"/api/v1/elections/{plan.Election}/parties",
            new StringContent("""{"name": "C"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(2, (await app.GetAsync($"/api/v1/elections/{plan.Election}")).Expect(HttpStatusCode.OK).Object["parties"]!.AsArray().Count);

        var document = (await app.GetAsync("/api/v1/openapi.json")).Expect(HttpStatusCode.OK).Object;
        Assert.NotNull(document["paths"]!["/api/v1/elections/{id}/seats"]!["get"]);
        Assert.NotNull(document["paths"]!["/api/v1/elections/stations/{id}/protocols/{source}"]!["put"]);
    }
}
