using System.Net;
using System.Text.Json.Nodes;
using Kuager.Core;
using Kuager.Storage;
using Kuager.Storage.Tests;
using Kuager.Web.Tests.Api;

namespace Kuager.Web.Tests.Elections;

/// <summary>
/// An observer or candidate linked to a confidential registry person: a researcher reads the election but is not told
/// who the person is nor that the registry holds them; an editor sees everything.
/// </summary>
public sealed class ElectionPrivacyTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_detained_observer_who_is_a_confidential_person_is_withheld_from_researchers_on_the_pages_and_in_the_api(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var plan = await ElectionsApiTests.PlanAsync(app);
        var hidden = await app.Store.CreateAsync(Build.Person("Saule Hiddenova") with { Confidentiality = Confidentiality.Confidential }, "test");
        var open = await app.AddPersonAsync("Arman Openov");
        foreach (var (observer, person) in new[] { ("Saule Hiddenova", hidden.Id), ("Arman Openov", open.Id) })
        {
            (await app.PostAsync($"/api/v1/elections/{plan.Election}/observer-events", new JsonObject
            {
                ["observer"] = observer, ["kind"] = "detained", ["day"] = "2026-03-15", ["stationId"] = plan.Stations[0],
                ["description"] = $"{observer} was taken away during the count", ["personId"] = person,
            })).Expect(HttpStatusCode.Created);
        }

        using var researcher = await app.ClientAsync(Role.Researcher);
        foreach (var url in new[] { $"/elections/{plan.Election}/observers", $"/elections/{plan.Election}" })
        {
            var text = (await app.PageAsync(url, researcher)).Body!.TextContent;
            Assert.DoesNotContain("Hiddenova", text, StringComparison.Ordinal);
            Assert.Contains("Arman Openov", text, StringComparison.Ordinal);
        }

        var observersPage = await app.PageAsync($"/elections/{plan.Election}/observers", researcher);
        var rows = observersPage.QuerySelectorAll("table.observer-events tbody tr").ToList();
        Assert.Equal(["detained", "detained"], rows.Select(r => r.GetAttribute("data-kind")));
        Assert.NotNull(rows[0].QuerySelector(".withheld"));
        Assert.Null(rows[0].QuerySelector("a"));
        Assert.NotNull(rows[1].QuerySelector("a[href^='/events/']"));

        var answer = await researcher.GetAsync($"/api/v1/elections/{plan.Election}/observer-events");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var body = await answer.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Hiddenova", body, StringComparison.Ordinal);
        var events = JsonNode.Parse(body)!.AsArray();
        Assert.Equal(2, events.Count);
        Assert.Null(events[0]!["personId"]);
        Assert.Null(events[0]!["eventId"]);
        Assert.NotNull(events[1]!["eventId"]);

        // The registry event made for the confidential observer is as confidential as she is.
        var made = await app.Store.GetAsync<Event>((long)JsonNode.Parse(await (await app.Client.GetAsync($"/api/v1/elections/{plan.Election}/observer-events")).Content.ReadAsStringAsync())![0]!["eventId"]!, Viewer.Operator("test"));
        Assert.Equal(Confidentiality.Confidential, made!.Confidentiality);

        // Editors see the observer and the link.
        var editorPage = await app.PageAsync($"/elections/{plan.Election}/observers");
        Assert.Contains("Saule Hiddenova", editorPage.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_candidate_linked_to_a_confidential_person_keeps_the_name_but_not_the_registry_link_for_researchers(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var plan = await ElectionsApiTests.PlanAsync(app);
        var hidden = await app.Store.CreateAsync(Build.Person("Dana Candidova") with { Confidentiality = Confidentiality.Confidential }, "test");
        (await app.PostAsync($"/api/v1/elections/{plan.Election}/candidates", new JsonObject
        {
            ["name"] = "Dana Candidova", ["citizen"] = true, ["birthDate"] = "1980-01-01", ["personId"] = hidden.Id,
        })).Expect(HttpStatusCode.Created);

        using var researcher = await app.ClientAsync(Role.Researcher);
        var asResearcher = JsonNode.Parse(await researcher.GetStringAsync($"/api/v1/elections/{plan.Election}"))!;
        var asEditor = (await app.GetAsync($"/api/v1/elections/{plan.Election}")).Expect(HttpStatusCode.OK).Object;

        JsonNode Dana(JsonNode details) => details["candidates"]!.AsArray().Single(c => c!.ToJsonString().Contains("Dana Candidova", StringComparison.Ordinal))!;
        Assert.Null(Dana(asResearcher)["personId"]);
        Assert.Equal(hidden.Id, (long)Dana(asEditor)["personId"]!);
    }
}
