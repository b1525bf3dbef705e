using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Kuager.Core;
using Kuager.Storage;
using Kuager.Storage.Tests;
using Kuager.Web.Tests.Accounts;
using Kuager.Web.Tests.Api;
using Kuager.Web.Tests.Persons;

namespace Kuager.Web.Tests.Elections;

/// <summary>Editing an election after creation on its page (stages, eligibility, quotas, list order) and through PUT/PATCH.</summary>
public sealed class ElectionEditPagesTests
{
    private static async Task<HttpResponseMessage> SubmitAsync(KuagerApp app, string url, string formId, Dictionary<string, string> fields) =>
        await PersonForms.SubmitAsync(app.Client, url, (IHtmlFormElement)(await app.PageAsync(url)).QuerySelector($"#{formId}")!, fields);

    private static async Task<AngleSharp.Dom.IDocument> ParseAsync(HttpResponseMessage answer) =>
        await new HtmlParser().ParseDocumentAsync(await answer.Content.ReadAsStringAsync());

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_editor_adds_changes_and_removes_stages_and_a_bad_row_is_named(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var plan = await ElectionsApiTests.PlanAsync(app);
        var url = $"/elections/{plan.Election}";

        // Row 1 is the plan's campaign (2026-02-11 to 2026-03-13); row 2 is blank: two stages added, the campaign shortened.
        var added = await SubmitAsync(app, url, "stages-form", new()
        {
            ["StageRows[0].End"] = "2026-03-12", ["StageRows[1].Name"] = "Voting", ["StageRows[1].Start"] = "2026-03-15", ["StageRows[1].End"] = "2026-03-15",
            ["StageRows[2].Name"] = "Nomination", ["StageRows[2].Start"] = "2026-01-20", ["StageRows[2].End"] = "2026-02-10",
        });
        Assert.True(added.StatusCode == HttpStatusCode.Redirect, await added.Content.ReadAsStringAsync());
        Assert.EndsWith("#stages", added.Headers.Location!.OriginalString);
        var page = await app.PageAsync(url);
        Assert.Equal(["Nomination", "Campaign", "Voting"], page.QuerySelectorAll("table.stages tbody tr td:first-child").Select(td => td.TextContent));
        Assert.Equal("2026-03-12", page.QuerySelectorAll("table.stages tbody tr")[1].QuerySelectorAll("time")[1].GetAttribute("datetime"));
        // The editor shows the three stages and one blank row.
        Assert.Equal(4, page.QuerySelectorAll("#stages-form tbody tr").Length);

        // Row 3 ends before it starts: refused, named by its row and field, nothing stored; the rows stay as typed.
        var refused = await SubmitAsync(app, url, "stages-form", new() { ["StageRows[2].End"] = "2026-03-14" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var refusedPage = await ParseAsync(refused);
        Assert.Equal("Stage row 3 (stages[2].end): Voting ends (2026-03-14) before it starts (2026-03-15)",
            refusedPage.QuerySelector("#stages-form [role=alert] li")!.TextContent);
        Assert.Equal("2026-03-14", refusedPage.QuerySelector("#stages-form input[name='StageRows[2].End']")!.GetAttribute("value"));
        Assert.Equal(3, (await new ElectionStore(app.Store.Database).GetElectionAsync(plan.Election)).Stages.Count);

        // Row 2 (the campaign) removed.
        var removed = await SubmitAsync(app, url, "stages-form", new() { ["StageRows[1].Remove"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var stored = await new ElectionStore(app.Store.Database).GetElectionAsync(plan.Election);
        // Created at 1, the two saves make 3; the refused one counts nothing.
        Assert.Equal(["Nomination", "Voting"], stored.Stages.Select(s => s.Name));
        Assert.Equal(3, stored.Version);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Changing_the_eligibility_rules_shows_each_failing_candidates_reasons(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var plan = await ElectionsApiTests.PlanAsync(app);
        var store = new ElectionStore(app.Store.Database);
        var party = (await store.PartiesAsync(plan.Election))[0].Id;
        await store.AddCandidateAsync(plan.Election, party, new CandidateFacts("Aigerim", true, new DateOnly(1980, 1, 1), new DateOnly(2000, 1, 1), false, Gender.Female), "test");
        await store.AddCandidateAsync(plan.Election, party, new CandidateFacts("Dauren", true, new DateOnly(1995, 6, 1), new DateOnly(2020, 5, 1), null, Gender.Male), "test");
        var url = $"/elections/{plan.Election}";
        Assert.Contains("2 of 2 candidates are eligible", (await app.PageAsync(url)).QuerySelector("#eligibility")!.TextContent);

        var saved = await SubmitAsync(app, url, "eligibility-form", new()
        {
            ["Rules.MinimumAge"] = "35", ["Rules.ResidenceYears"] = "10", ["Rules.RequireNoConviction"] = "true",
        });

        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        Assert.EndsWith("#eligibility", saved.Headers.Location!.OriginalString);
        var section = (await app.PageAsync(url)).QuerySelector("#eligibility")!;
        Assert.Contains("citizen; at least 35 on election day; permanent residence for the last 10 years; no unexpunged conviction", section.QuerySelector(".eligibility-rules")!.TextContent);
        Assert.Contains("1 of 2 candidates are eligible", section.TextContent);
        var dauren = section.QuerySelector("table.verdicts tr.ineligible")!.TextContent;
        Assert.Contains("Dauren", dauren);
        Assert.Contains("is 30 on election day (2026-03-15); the minimum is 35", dauren);
        Assert.Contains("resident since 2020-05-01, 5 full years by election day; 10 are required", dauren);
        Assert.Contains("whether a conviction stands unexpunged is not shown", dauren);

        // A negative age is refused with the field named, in the reader's language too.
        var refused = await SubmitAsync(app, url, "eligibility-form", new() { ["Rules.MinimumAge"] = "-1" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Minimum age on election day (eligibility.minimumAge): must be between 0 and 150",
            (await ParseAsync(refused)).QuerySelector("#eligibility-form [role=alert]")!.TextContent);
        Assert.Equal(35, (await store.GetElectionAsync(plan.Election)).Eligibility.MinimumAge);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Quotas_are_edited_on_the_page_and_each_list_shows_its_numbers(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var plan = await ElectionsApiTests.PlanAsync(app);
        var store = new ElectionStore(app.Store.Database);
        var party = (await store.PartiesAsync(plan.Election))[0].Id;
        // A: a woman of 46, a man of 30, a man of 24, a man whose birth date is not known.
        foreach (var (name, born, gender) in new[] { ("Aigerim", (DateOnly?)new DateOnly(1980, 1, 1), Gender.Female), ("Bolat", new DateOnly(1995, 6, 1), Gender.Male),
                     ("Dauren", new DateOnly(2001, 6, 1), Gender.Male), ("Erlan", null, Gender.Male) })
        {
            await store.AddCandidateAsync(plan.Election, party, new CandidateFacts(name, true, born, null, false, gender), "test");
        }

        var url = $"/elections/{plan.Election}";
        // Row 1 is the plan's "women" 30 %; row 2 adds the party's own 20 % under 35.
        var saved = await SubmitAsync(app, url, "quotas-form", new()
        {
            ["QuotaRows[1].Name"] = "under 35", ["QuotaRows[1].UnderAge"] = "35", ["QuotaRows[1].MinimumPercent"] = "20",
        });
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());

        var section = (await app.PageAsync(url)).QuerySelector("#quotas")!;
        Assert.Contains("under 35: at least 20 % of each list: under 35 on election day", section.QuerySelector(".quota-rules")!.TextContent);
        // women: 1 of 4, ⌈1.2⌉ = 2 needed: 1 short. under 35: Bolat and Dauren, 2 of 4, ⌈0.8⌉ = 1 needed; Erlan not counted.
        string[] Row(string quota) => section.QuerySelector($"tr[data-list='A'][data-quota='{quota}']")!.QuerySelectorAll("td").Select(td => td.TextContent).ToArray();
        Assert.Equal(["A", "women", "1 / 4 (25 %)", "2 (30 %)", "0", "no: 1 short"], Row("women"));
        Assert.Equal(["A", "under 35", "2 / 4 (50 %)", "1 (20 %)", "1", "yes"], Row("under 35"));

        // A quota with no group ticked is refused by its row.
        var refused = await SubmitAsync(app, url, "quotas-form", new() { ["QuotaRows[2].Name"] = "empty", ["QuotaRows[2].MinimumPercent"] = "10" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Quota row 3 (quotas[2].groups): a quota counts at least one group", (await ParseAsync(refused)).QuerySelector("#quotas-form [role=alert]")!.TextContent);
        Assert.Equal(2, (await store.GetElectionAsync(plan.Election)).Quotas.Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_edit_from_a_page_read_before_someone_elses_is_refused(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var plan = await ElectionsApiTests.PlanAsync(app);
        var url = $"/elections/{plan.Election}";
        var oldForm = (IHtmlFormElement)(await app.PageAsync(url)).QuerySelector("#eligibility-form")!;
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(app, url, "election-form", new() { ["General.Seats"] = "12" })).StatusCode);

        var stale = await PersonForms.SubmitAsync(app.Client, url, oldForm, new Dictionary<string, string> { ["Rules.MinimumAge"] = "40" });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("it is now at version 2, your edit was based on version 1", (await ParseAsync(stale)).QuerySelector("#eligibility-form [role=alert]")!.TextContent);
        var stored = await new ElectionStore(app.Store.Database).GetElectionAsync(plan.Election);
        Assert.Equal((12, 25), (stored.Seats!.Value, stored.Eligibility.MinimumAge!.Value));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_candidate_is_put_at_a_position_moved_and_removed_from_the_page(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var plan = await ElectionsApiTests.PlanAsync(app);
        var store = new ElectionStore(app.Store.Database);
        var party = (await store.PartiesAsync(plan.Election))[0].Id;
        await store.AddCandidateAsync(plan.Election, party, new CandidateFacts("Aigerim"), "test");
        await store.AddCandidateAsync(plan.Election, party, new CandidateFacts("Bolat"), "test");
        var url = $"/elections/{plan.Election}";
        async Task<string> ListAsync() => string.Join(",", (await app.PageAsync(url)).QuerySelectorAll($"#candidates tbody[data-party='{party}'] tr[data-candidate]")
            .Select(r => r.QuerySelectorAll("td")[0].TextContent + r.QuerySelectorAll("td")[1].TextContent));

        var added = await SubmitAsync(app, url, "candidate-form", new() { ["Candidate.Name"] = "Dana", ["Candidate.PartyId"] = $"{party}", ["Candidate.ListPosition"] = "1" });
        Assert.True(added.StatusCode == HttpStatusCode.Redirect, await added.Content.ReadAsStringAsync());
        Assert.Equal("1Dana,2Aigerim,3Bolat", await ListAsync());

        async Task<HttpResponseMessage> ButtonAsync(string name, string kind)
        {
            var row = (await app.PageAsync(url)).QuerySelectorAll("#candidates tr[data-candidate]").Single(r => r.QuerySelectorAll("td")[1].TextContent == name);
            return await PersonForms.SubmitAsync(app.Client, url, (IHtmlFormElement)row.QuerySelector($"form.{kind}")!);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await ButtonAsync("Dana", "move-down")).StatusCode);
        Assert.Equal("1Aigerim,2Dana,3Bolat", await ListAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await ButtonAsync("Bolat", "move-up")).StatusCode);
        Assert.Equal("1Aigerim,2Bolat,3Dana", await ListAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await ButtonAsync("Aigerim", "remove")).StatusCode);
        Assert.Equal("1Bolat,2Dana", await ListAsync());

        // A position beyond the list's end is refused beside the form, and nothing is added.
        var beyond = await SubmitAsync(app, url, "candidate-form", new() { ["Candidate.Name"] = "Erlan", ["Candidate.PartyId"] = $"{party}", ["Candidate.ListPosition"] = "9" });
        Assert.Equal(HttpStatusCode.BadRequest, beyond.StatusCode);
        Assert.Contains("No. on list: must be from 1 to 3: the list has 2 candidate(s)", (await ParseAsync(beyond)).QuerySelector("#candidate-form [role=alert]")!.TextContent);
        Assert.Equal(2, (await store.CandidatesAsync(plan.Election)).Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_API_replaces_and_patches_an_election_and_refuses_a_stale_version(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var plan = await ElectionsApiTests.PlanAsync(app);
        var api = $"/api/v1/elections/{plan.Election}";
        var election = (await app.GetAsync(api)).Expect(HttpStatusCode.OK).Object["election"]!.AsObject();
        Assert.Equal(1, (int)election["version"]!);

        election["stages"] = JsonNode.Parse("""[{"name": "Voting", "start": "2026-03-15", "end": "2026-03-15"}, {"name": "Campaign", "start": "2026-02-11", "end": "2026-03-13"}]""");
        var put = (await app.PutAsync(api, election)).Expect(HttpStatusCode.OK).Object;
        Assert.Equal(2, (int)put["version"]!);
        Assert.Equal("Campaign", (string)put["stages"]![0]!["name"]!);

        var patch = JsonNode.Parse("""{"version": 2, "eligibility": {"minimumAge": 30}, "quotas": [{"name": "women", "groups": [{"group": "women"}, {"group": "under_age", "age": 29}], "minimumPercent": 30}]}""")!;
        var patched = (await app.SendAsync(HttpMethod.Patch, api, patch.ToJsonString())).Expect(HttpStatusCode.OK).Object;
        Assert.Equal(3, (int)patched["version"]!);
        // The merge keeps what the patch does not name: citizenship stays required, the stages stay.
        Assert.Equal((30, true, 2), ((int)patched["eligibility"]!["minimumAge"]!, (bool)patched["eligibility"]!["requireCitizen"]!, patched["stages"]!.AsArray().Count));

        // The same version again: someone else's change would be overwritten.
        var stale = (await app.SendAsync(HttpMethod.Patch, api, patch.ToJsonString())).Expect(HttpStatusCode.Conflict).Object;
        Assert.Contains("it is now at version 3, your edit was based on version 2", (string)stale["detail"]!);
        Assert.StartsWith("is required", Assert.Single((await app.SendAsync(HttpMethod.Patch, api, """{"seats": 5}""")).ExpectFieldErrors("version")));
        var bad = (await app.SendAsync(HttpMethod.Patch, api, """{"version": 3, "stages": [{"name": "Voting", "start": "2026-03-15", "end": "2026-03-01"}]}"""))
            .ExpectFieldErrors("stages[0].end");
        Assert.Equal(["Voting ends (2026-03-01) before it starts (2026-03-15)"], bad);
        Assert.Equal(3, (await new ElectionStore(app.Store.Database).GetElectionAsync(plan.Election)).Version);
        (await app.SendAsync(HttpMethod.Patch, "/api/v1/elections/999999", """{"version": 1}""")).Expect(HttpStatusCode.NotFound);

        // List positions through the API.
        var party = (await new ElectionStore(app.Store.Database).PartiesAsync(plan.Election))[0].Id;
        var first = (await app.PostAsync($"{api}/candidates", new JsonObject { ["name"] = "Aigerim", ["partyId"] = party })).Expect(HttpStatusCode.Created).Object;
        var second = (await app.PostAsync($"{api}/candidates", new JsonObject { ["name"] = "Bolat", ["partyId"] = party, ["listPosition"] = 1 })).Expect(HttpStatusCode.Created).Object;
        Assert.Equal(1, (int)second["listPosition"]!);
        var moved = (await app.PutAsync($"{api}/candidates/{(long)first["id"]!}/position", new JsonObject { ["listPosition"] = 1 })).Expect(HttpStatusCode.OK).Object;
        Assert.Equal(1, (int)moved["listPosition"]!);
        (await app.DeleteAsync($"{api}/candidates/{(long)first["id"]!}")).Expect(HttpStatusCode.NoContent);
        Assert.Equal(1, (await new ElectionStore(app.Store.Database).CandidatesAsync(plan.Election)).Single().ListPosition);

        var document = (await app.GetAsync("/api/v1/openapi.json")).Expect(HttpStatusCode.OK).Object;
        Assert.NotNull(document["paths"]!["/api/v1/elections/{id}"]!["put"]);
        Assert.NotNull(document["paths"]!["/api/v1/elections/{id}"]!["patch"]);
        Assert.NotNull(document["paths"]!["/api/v1/elections/{id}/candidates/{candidate}/position"]!["put"]);
        Assert.NotNull(document["paths"]!["/api/v1/elections/{id}/candidates/{candidate}"]!["delete"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_reader_sees_no_editor_and_a_post_with_their_own_token_is_denied(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var plan = await ElectionsApiTests.PlanAsync(app);
        var store = new ElectionStore(app.Store.Database);
        var party = (await store.PartiesAsync(plan.Election))[0].Id;
        var candidate = await store.AddCandidateAsync(plan.Election, party, new CandidateFacts("Aigerim"), "test");
        var url = $"/elections/{plan.Election}";

        var (researcher, _, _) = await app.SignedInAsync(Role.Researcher);
        var page = await app.PageAsync(url, researcher);
        foreach (var editor in new[] { "#stages-form", "#eligibility-form", "#quotas-form", "#election-form", "td.list-actions" })
        {
            Assert.Null(page.QuerySelector(editor));
        }

        var logout = (IHtmlFormElement)(await app.PageAsync("/account/logout", researcher)).QuerySelector("main form[method=post]")!;
        var token = PersonForms.Fields(logout).Single(f => f.Key == "__RequestVerificationToken").Value;
        foreach (var (handler, field, value) in new[] { ("Eligibility", "Rules.MinimumAge", "99"), ("Stages", "StageRows[0].Remove", "true"), ("RemoveCandidate", "CandidateId", $"{candidate.Id}") })
        {
            var denied = await researcher.PostAsync($"{url}?handler={handler}",
                new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Version", "1"), new(field, value)]));
            Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
            Assert.Contains("/account/denied", denied.Headers.Location!.ToString());
        }

        var stored = await store.GetElectionAsync(plan.Election);
        Assert.Equal((1, 25, 1), (stored.Version, stored.Eligibility.MinimumAge!.Value, stored.Stages.Count));
        Assert.Single(await store.CandidatesAsync(plan.Election));
    }
}
