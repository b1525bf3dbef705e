using System.Net;
using AngleSharp.Html.Dom;
using Kuager.Core;
using Kuager.Storage;
using Kuager.Storage.Tests;
using Kuager.Web.Tests.Persons;

namespace Kuager.Web.Tests.Elections;

/// <summary>Each kind of election on its page: a presidential one counts votes per candidate, a referendum per option.</summary>
public sealed class ElectionKindsPagesTests
{
    private static async Task<(string Url, long Station)> ElectionAsync(KuagerApp app, ElectionKind kind)
    {
        var store = new ElectionStore(app.Store.Database);
        var election = await store.CreateElectionAsync(new Election { Name = $"{kind} 2026", Kind = kind, ElectionDay = new DateOnly(2026, 6, 9) }, "test");
        var region = await store.AddUnitAsync(election.Id, null, TallyLevel.Region, "North", null, "test");
        var district = await store.AddUnitAsync(election.Id, region.Id, TallyLevel.District, "N-1", null, "test");
        var station = await store.AddUnitAsync(election.Id, district.Id, TallyLevel.Station, "101", 1000, "test");
        return ($"/elections/{election.Id}", station.Id);
    }

    private static async Task SubmitAsync(KuagerApp app, string url, string formId, Dictionary<string, string> fields)
    {
        var answer = await PersonForms.SubmitAsync(app.Client, url, (IHtmlFormElement)(await app.PageAsync(url)).QuerySelector($"#{formId}")!, fields);
        Assert.True(answer.StatusCode == HttpStatusCode.Redirect, await answer.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_presidential_protocol_counts_votes_per_candidate_and_fills_no_seats(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var (url, _) = await ElectionAsync(app, ElectionKind.Presidential);
        // Before any candidate, the protocol form says what is missing.
        Assert.Contains("No candidate is recorded yet", (await app.PageAsync(url)).QuerySelector("#protocol .ballot-empty")!.TextContent);
        await SubmitAsync(app, url, "party-form", new() { ["PartyName"] = "Amanat" });
        var amanat = (await app.PageAsync(url)).QuerySelectorAll("#candidate-form select[name='Candidate.PartyId'] option").Single(o => o.TextContent == "Amanat").GetAttribute("value")!;
        // An independent added first, a party's nominee second: the ballot lists the nominee first (parties' order), the independent after.
        await SubmitAsync(app, url, "candidate-form", new() { ["Candidate.Name"] = "Zhanar Independent" });
        await SubmitAsync(app, url, "candidate-form", new() { ["Candidate.Name"] = "Kassym Nominee", ["Candidate.PartyId"] = amanat });

        var page = await app.PageAsync(url);
        Assert.Equal("Votes for each candidate", page.QuerySelector("#protocol fieldset.ballot legend")!.TextContent);
        Assert.Equal(["Kassym Nominee", "Zhanar Independent"], page.QuerySelectorAll("#protocol fieldset.ballot label").Select(l => l.TextContent.Trim()));
        await SubmitAsync(app, url, "protocol", new()
        {
            ["Entry.RegisteredVoters"] = "1000", ["Entry.BallotsIssued"] = "700", ["Entry.Valid"] = "690", ["Entry.Invalid"] = "10", ["Entry.Votes[0]"] = "500", ["Entry.Votes[1]"] = "190",
        });

        page = await app.PageAsync(url);
        Assert.Equal(["Region", "Registered voters", "Turnout", "Kassym Nominee", "Zhanar Independent", "Against all", "Invalid ballots"],
            page.QuerySelectorAll("table.results-by-region thead th").Select(th => th.TextContent));
        Assert.Contains("Votes by candidate", page.QuerySelector("#chart-votes")!.TextContent);
        // Tabulated up the hierarchy: the station, its district and its region each carry the sums.
        foreach (var path in new[] { "North", "North / N-1", "North / N-1 / 101" })
        {
            var cells = page.QuerySelector($"table.results-by-unit tr[data-path='{path}']")!.QuerySelectorAll("td").Select(td => td.TextContent).ToArray();
            Assert.Equal(["1,000", "70.0 %", "500", "190"], cells[1..5]);
        }

        Assert.Null(page.QuerySelector("#seats"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_referendum_registers_its_options_and_counts_votes_per_option(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var (url, _) = await ElectionAsync(app, ElectionKind.Referendum);
        var page = await app.PageAsync(url);
        Assert.Equal("Add an option on the ballot", page.QuerySelector("#party-form h3")!.TextContent);
        Assert.Null(page.QuerySelector("#candidate-form"));
        Assert.Null(page.QuerySelector("#protocol input[name='Entry.AgainstAll']"));
        Assert.Contains("A referendum has no candidates", page.QuerySelector("#no-candidates")!.TextContent);

        await SubmitAsync(app, url, "party-form", new() { ["PartyName"] = "Yes" });
        await SubmitAsync(app, url, "party-form", new() { ["PartyName"] = "No" });
        Assert.Equal("Votes for each option on the ballot", (await app.PageAsync(url)).QuerySelector("#protocol fieldset.ballot legend")!.TextContent);
        await SubmitAsync(app, url, "protocol", new()
        {
            ["Entry.RegisteredVoters"] = "1000", ["Entry.BallotsIssued"] = "600", ["Entry.Valid"] = "600", ["Entry.Invalid"] = "0", ["Entry.Votes[0]"] = "420", ["Entry.Votes[1]"] = "180",
        });

        page = await app.PageAsync(url);
        var total = page.QuerySelector("table.results-by-region tr[data-region='']")!.QuerySelectorAll("td").Select(td => td.TextContent).ToArray();
        Assert.Equal(["1,000", "60.0 %", "420", "180"], total[..4]);
        Assert.Contains("Votes by option", page.QuerySelector("#chart-votes")!.TextContent);
        Assert.Null(page.QuerySelector("#seats"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_local_election_of_candidates_is_told_so_and_its_protocol_lists_them(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var (url, _) = await ElectionAsync(app, ElectionKind.Local);
        await SubmitAsync(app, url, "party-form", new() { ["PartyName"] = "Amanat" });
        await SubmitAsync(app, url, "candidate-form", new() { ["Candidate.Name"] = "Aida Local" });
        // By default a local election's ballot lists parties.
        Assert.Equal(["Amanat"], (await app.PageAsync(url)).QuerySelectorAll("#protocol fieldset.ballot label").Select(l => l.TextContent.Trim()));

        await SubmitAsync(app, url, "election-form", new() { ["General.BallotOf"] = "Candidate" });

        var page = await app.PageAsync(url);
        Assert.Equal(["Aida Local"], page.QuerySelectorAll("#protocol fieldset.ballot label").Select(l => l.TextContent.Trim()));
        Assert.Equal("Candidate", PersonForms.Value(page, "General.BallotOf"));
        Assert.Equal(BallotChoice.Candidate, (await new ElectionStore(app.Store.Database).GetElectionAsync(long.Parse(url[11..], System.Globalization.CultureInfo.InvariantCulture))).Ballot);
    }
}
