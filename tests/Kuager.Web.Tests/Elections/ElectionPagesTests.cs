using System.Net;
using AngleSharp.Html.Dom;
using Kuager.Core;
using Kuager.Storage;
using Kuager.Storage.Tests;
using Kuager.Web.Tests.Accounts;
using Kuager.Web.Tests.Persons;

namespace Kuager.Web.Tests.Elections;

/// <summary>The election pages: the list and create form, the figures and charts of one election, and protocol entry.</summary>
public sealed class ElectionPagesTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_editor_creates_an_election_and_enters_a_protocol(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);

        var list = await app.PageAsync("/elections");
        var create = (IHtmlFormElement)list.QuerySelector("main form[method=post]")!;
        var created = await PersonForms.SubmitAsync(app.Client, "/elections", create, new Dictionary<string, string>
        {
            ["Input.Name"] = "Maslikhat 2026", ["Input.Kind"] = "Local", ["Input.ElectionDay"] = "2026-03-15", ["Input.Seats"] = "", ["Input.ThresholdPercent"] = "0",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Headers.Location!.OriginalString;
        Assert.Matches(@"^/elections/\d+$", url);

        // A region, a district, a station and a party through the page's own forms.
        async Task AddAsync(string formId, Dictionary<string, string> fields)
        {
            var page = await app.PageAsync(url);
            var answer = await PersonForms.SubmitAsync(app.Client, url, (IHtmlFormElement)page.QuerySelector($"#{formId}")!, fields);
            Assert.True(answer.StatusCode == HttpStatusCode.Redirect, await answer.Content.ReadAsStringAsync());
        }

        await AddAsync("unit-form", new() { ["Unit.Level"] = "Region", ["Unit.Name"] = "Almaty region" });
        var region = (await app.PageAsync(url)).QuerySelectorAll("#unit-form select[name='Unit.ParentId'] option").Single(o => o.TextContent == "Almaty region").GetAttribute("value")!;
        await AddAsync("unit-form", new() { ["Unit.Level"] = "District", ["Unit.Name"] = "Talgar", ["Unit.ParentId"] = region });
        var district = (await app.PageAsync(url)).QuerySelectorAll("#unit-form select[name='Unit.ParentId'] option").Single(o => o.TextContent == "Almaty region / Talgar").GetAttribute("value")!;
        await AddAsync("unit-form", new() { ["Unit.Level"] = "Station", ["Unit.Name"] = "101", ["Unit.ParentId"] = district, ["Unit.RegisteredVoters"] = "1000" });
        // A station with no district is refused beside the form, with the rule.
        var orphan = await PersonForms.SubmitAsync(app.Client, url, (IHtmlFormElement)(await app.PageAsync(url)).QuerySelector("#unit-form")!,
            new Dictionary<string, string> { ["Unit.Level"] = "Station", ["Unit.Name"] = "999", ["Unit.ParentId"] = "" });
        Assert.Equal(HttpStatusCode.OK, orphan.StatusCode);
        Assert.Contains("a station belongs in a district", await orphan.Content.ReadAsStringAsync());
        await AddAsync("party-form", new() { ["PartyName"] = "Amanat" });
        await AddAsync("party-form", new() { ["PartyName"] = "Ak Zhol" });

        // A protocol whose votes do not add up comes back with the message, and nothing is saved.
        var withForm = await app.PageAsync(url);
        var protocolForm = (IHtmlFormElement)withForm.QuerySelector("#protocol")!;
        var entry = new Dictionary<string, string>
        {
            ["Entry.RegisteredVoters"] = "1000", ["Entry.BallotsIssued"] = "600", ["Entry.Valid"] = "590", ["Entry.Invalid"] = "10", ["Entry.Votes[0]"] = "400", ["Entry.Votes[1]"] = "180",
        };
        var refused = await PersonForms.SubmitAsync(app.Client, url, protocolForm, entry);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var refusedPage = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Contains("fewer than the 590 valid ballots (by 10)", refusedPage.QuerySelector(".protocol-messages")!.TextContent);
        Assert.Equal(0, await app.Db.RowsAsync("election_protocols"));

        entry["Entry.Votes[1]"] = "190";
        var saved = await PersonForms.SubmitAsync(app.Client, url, protocolForm, entry);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var details = await app.PageAsync(url);
        var total = details.QuerySelector("table.results-by-region tr[data-region='']")!;
        Assert.Contains("60", total.TextContent); // turnout 600 / 1000
        Assert.Contains("400", total.TextContent);
        Assert.NotNull(details.QuerySelector("#chart-turnout svg"));
        Assert.NotNull(details.QuerySelector("#chart-votes svg"));
        Assert.Contains("Almaty region", details.QuerySelector("#chart-turnout")!.TextContent);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_assessment_chart_shows_each_region_with_its_n(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var plan = await ElectionsApiTests.PlanAsync(app);
        var store = new ElectionStore(app.Store.Database);
        var form = await store.AddFormAsync(plan.Election, new ObservationForm("Counting", ObservationStage.Counting, [new("seals", "Seals intact?")]), "test");
        await store.RecordObservationAsync(form, plan.Stations[0], "Asel", Assessment.VeryBad, new Dictionary<string, bool> { ["seals"] = false }, "test");
        await store.RecordObservationAsync(form, plan.Stations[1], "Asel", Assessment.Good, new Dictionary<string, bool> { ["seals"] = true }, "test");

        var (researcher, _, _) = await app.SignedInAsync(Role.Researcher);
        var page = await app.PageAsync($"/elections/{plan.Election}", researcher);

        var chart = page.QuerySelector("#assessments")!;
        Assert.NotNull(chart.QuerySelector("svg"));
        Assert.Contains("North (n = 2)", chart.TextContent);
        Assert.Contains("50", chart.QuerySelector("table")!.TextContent);
        Assert.Contains("2 of 3 stations and 1 of 1 regions visited", page.QuerySelector("#coverage")!.TextContent);
        // A reader sees the figures but no form that writes.
        Assert.Null(page.QuerySelector("main form[method=post]"));
        Assert.Contains(page.QuerySelectorAll("header nav a"), a => a.GetAttribute("href") == "/elections");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_incident_with_a_photo_is_reported_from_the_page(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var plan = await ElectionsApiTests.PlanAsync(app);
        var person = await app.AddPersonAsync("Dana Observer");
        var url = $"/elections/{plan.Election}";
        var form = (IHtmlFormElement)(await app.PageAsync(url)).QuerySelector("#incident-form")!;
        Assert.Equal("multipart/form-data", form.GetAttribute("enctype"));
        var photo = "photo of the protocol"u8.ToArray();
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in PersonForms.Fields(form).Where(f => !f.Key.StartsWith("Incident.", StringComparison.Ordinal)))
        {
            content.Add(new StringContent(value), name);
        }

        content.Add(new StringContent("observer-detained"), "Incident.Kind");
        content.Add(new StringContent("2026-03-15"), "Incident.Day");
        content.Add(new StringContent(plan.Stations[0].ToString(System.Globalization.CultureInfo.InvariantCulture)), "Incident.StationId");
        content.Add(new StringContent("Taken away during the count"), "Incident.Description");
        content.Add(new StringContent("Dana"), "Incident.DetainedObserver");
        content.Add(new StringContent(person.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), "Incident.DetainedPersonId");
        content.Add(new ByteArrayContent(photo), "Incident.Files", "protocol.jpg");

        var answer = await app.Client.PostAsync(form.GetAttribute("action"), content);

        Assert.True(answer.StatusCode == HttpStatusCode.Redirect, await answer.Content.ReadAsStringAsync());
        var page = await app.PageAsync(url);
        var row = page.QuerySelector("#incidents tbody tr")!;
        Assert.Contains("protocol.jpg", row.TextContent);
        Assert.Contains(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(photo))[..12], row.TextContent);
        Assert.NotNull(page.QuerySelector("#observer-events a[href^='/events/']"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Visitors_are_asked_to_sign_in(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var plan = await ElectionsApiTests.PlanAsync(app);
        using var visitor = await app.ClientAsync(Role.Visitor);

        foreach (var url in new[] { "/elections", $"/elections/{plan.Election}" })
        {
            var response = await visitor.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/login", response.Headers.Location!.ToString());
        }

        Assert.DoesNotContain("/elections", await (await visitor.GetAsync("/")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync("/elections/999999")).StatusCode);
    }
}
