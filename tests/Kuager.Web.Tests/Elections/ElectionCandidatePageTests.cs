using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Kuager.Core;
using Kuager.Storage;
using Kuager.Storage.Tests;
using Kuager.Web.Tests.Accounts;
using Kuager.Web.Tests.Persons;

namespace Kuager.Web.Tests.Elections;

/// <summary>The election page's candidate form and the candidates listed by party list with their eligibility.</summary>
public sealed class ElectionCandidatePageTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_editor_adds_candidates_and_sees_them_on_their_lists_with_eligibility(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var plan = await ElectionsApiTests.PlanAsync(app);
        var url = $"/elections/{plan.Election}";
        var page = await app.PageAsync(url);
        var form = (IHtmlFormElement)page.QuerySelector("#candidate-form")!;
        var partyB = form.QuerySelectorAll("select[name='Candidate.PartyId'] option").Single(o => o.TextContent == "B").GetAttribute("value")!;

        // Eligible (citizen, 40 on election day), then one too young, then an independent whose citizenship is not shown.
        foreach (var (name, party, born, citizen) in new[] { ("Aigerim Bekova", partyB, "1985-06-01", "true"), ("Timur Sadykov", partyB, "2005-01-01", "true"), ("Nurlan Esimov", "", "1970-02-02", "") })
        {
            var answer = await PersonForms.SubmitAsync(app.Client, url, (IHtmlFormElement)(await app.PageAsync(url)).QuerySelector("#candidate-form")!, new Dictionary<string, string>
            {
                ["Candidate.Name"] = name, ["Candidate.PartyId"] = party, ["Candidate.BirthDate"] = born, ["Candidate.Citizen"] = citizen, ["Candidate.Gender"] = "Female",
            });
            Assert.True(answer.StatusCode == HttpStatusCode.Redirect, await answer.Content.ReadAsStringAsync());
        }

        var details = await app.PageAsync(url);
        var list = details.QuerySelector($"#candidates tbody[data-party='{partyB}']")!;
        Assert.Contains("B", list.QuerySelector("th")!.TextContent);
        var rows = list.QuerySelectorAll("tr[data-candidate]").Select(r => r.QuerySelectorAll("td:not(.list-actions)").Select(td => td.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(["1", "Aigerim Bekova", "yes", ""], rows[0]);
        Assert.Equal("2", rows[1][0]);
        Assert.Equal("Timur Sadykov", rows[1][1]);
        Assert.Equal("no", rows[1][2]);
        Assert.Contains("25", rows[1][3]);
        var independents = details.QuerySelector("#candidates tbody[data-party='']")!;
        Assert.Contains("Independent candidates", independents.TextContent);
        Assert.Contains("Nurlan Esimov", independents.TextContent);
        var independent = independents.QuerySelectorAll("tr[data-candidate] td:not(.list-actions)").Select(td => td.TextContent.Trim()).ToArray();
        Assert.Equal(("", "no"), (independent[0], independent[2]));
        Assert.Contains("citizen", independent[3], StringComparison.OrdinalIgnoreCase);
        // The eligibility table and the stored facts agree with what was typed.
        Assert.Contains("Timur Sadykov", details.QuerySelector("#eligibility")!.TextContent);
        var stored = await new ElectionStore(app.Store.Database).CandidatesAsync(plan.Election);
        var aigerim = stored.Single(c => c.Facts.Name == "Aigerim Bekova");
        Assert.Equal((true, new DateOnly(1985, 6, 1), Gender.Female, 1), (aigerim.Facts.Citizen!.Value, aigerim.Facts.BirthDate!.Value, aigerim.Facts.Gender!.Value, aigerim.ListPosition!.Value));
        Assert.Null(stored.Single(c => c.Facts.Name == "Nurlan Esimov").Facts.Citizen);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_bad_candidate_is_refused_naming_the_field_and_nothing_is_stored(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var plan = await ElectionsApiTests.PlanAsync(app);
        var url = $"/elections/{plan.Election}";
        var form = (IHtmlFormElement)(await app.PageAsync(url)).QuerySelector("#candidate-form")!;

        var empty = await PersonForms.SubmitAsync(app.Client, url, form, new Dictionary<string, string> { ["Candidate.Name"] = " ", ["Candidate.BirthDate"] = "1980-01-01" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var refused = new HtmlParser().ParseDocument(await empty.Content.ReadAsStringAsync());
        Assert.StartsWith("Name:", refused.QuerySelector("#candidate-form .errors li")!.TextContent.Trim());
        // What was typed stays in the form.
        Assert.Equal("1980-01-01", refused.QuerySelector("#candidate-form input[name='Candidate.BirthDate']")!.GetAttribute("value"));

        var unknown = await PersonForms.SubmitAsync(app.Client, url, form, new Dictionary<string, string> { ["Candidate.Name"] = "Aigerim Bekova", ["Candidate.PartyId"] = "999999" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var unknownPage = new HtmlParser().ParseDocument(await unknown.Content.ReadAsStringAsync());
        var message = unknownPage.QuerySelector("#candidate-form .errors li")!.TextContent.Trim();
        Assert.StartsWith("Party:", message);
        Assert.Contains("999999", message);
        Assert.Equal("Aigerim Bekova", unknownPage.QuerySelector("#candidate-form input[name='Candidate.Name']")!.GetAttribute("value"));

        Assert.Equal(0, await app.Db.RowsAsync("election_candidates"));
        Assert.Null((await app.PageAsync(url)).QuerySelector("#candidates"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_reader_sees_no_candidate_form_and_cannot_post_one(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var plan = await ElectionsApiTests.PlanAsync(app);
        var url = $"/elections/{plan.Election}";

        var (researcher, _, _) = await app.SignedInAsync(Role.Researcher);
        var page = await app.PageAsync(url, researcher);
        Assert.Null(page.QuerySelector("#candidate-form"));
        Assert.Null(page.QuerySelector("main form[method=post]"));
        var write = await researcher.PostAsync($"{url}?handler=Candidate", new FormUrlEncodedContent([new("Candidate.Name", "Aigerim Bekova")]));
        // Refused (no antiforgery token for a form they are not shown, or forbidden): never the redirect of a saved form.
        Assert.True(write.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest
            || !(write.Headers.Location?.ToString() ?? "").Contains("#candidates", StringComparison.Ordinal), $"{(int)write.StatusCode} {write.Headers.Location}");
        // With a valid token of their own (from the sign-out form) the role check refuses it: sent to the access-denied page.
        var logout = (IHtmlFormElement)(await app.PageAsync("/account/logout", researcher)).QuerySelector("main form[method=post]")!;
        var token = PersonForms.Fields(logout).Single(f => f.Key == "__RequestVerificationToken").Value;
        var forbidden = await researcher.PostAsync($"{url}?handler=Candidate",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Candidate.Name", "Aigerim Bekova")]));
        Assert.Equal(HttpStatusCode.Redirect, forbidden.StatusCode);
        Assert.Contains("/account/denied", forbidden.Headers.Location!.ToString());
        Assert.Equal(0, await app.Db.RowsAsync("election_candidates"));
    }
}
