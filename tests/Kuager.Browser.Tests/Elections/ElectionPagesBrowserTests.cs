using Kuager.Core;
using Kuager.Storage;
using Microsoft.Playwright;

namespace Kuager.Browser.Tests.Elections;

/// <summary>The election pages in a real browser: charts drawn, forms working, nothing refused by the content security policy.</summary>
public sealed class ElectionPagesBrowserTests
{
    [Fact]
    public async Task An_editor_reads_the_figures_and_registers_a_party_under_the_policy()
    {
        await using var host = await BrowserHost.StartAsync();
        var store = new ElectionStore(host.Db.Database);
        var election = await store.CreateElectionAsync(new Election
        {
            Name = "Mazhilis 2026", ElectionDay = new DateOnly(2026, 3, 15), Seats = 10, ThresholdPercent = 5,
        }, "test");
        var region = await store.AddUnitAsync(election.Id, null, TallyLevel.Region, "North", null, "test");
        var district = await store.AddUnitAsync(election.Id, region.Id, TallyLevel.District, "N-1", null, "test");
        var station = await store.AddUnitAsync(election.Id, district.Id, TallyLevel.Station, "101", 1000, "test");
        await store.AddPartyAsync(election.Id, "A", "test");
        await store.SaveProtocolAsync(station.Id, ProtocolSource.Observer, new Protocol(1000, 600, 590, 10, [new ChoiceVotes("A", 590)]), "test");

        var page = await host.SignedInPageAsync(Role.Editor);
        var violations = PolicyViolations(page);

        await page.GotoAsync("/elections");
        await page.GetByRole(AriaRole.Link, new() { Name = "Mazhilis 2026" }).ClickAsync();
        await Assertions.Expect(page.Locator("#chart-turnout svg")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("table.seats tr[data-party='A'] td").Last).ToHaveTextAsync("10");

        await page.Locator("#party-form input[name='PartyName']").FillAsync("Ak Zhol");
        await page.Locator("#party-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("table.seats tr[data-party='Ak Zhol']")).ToBeVisibleAsync();

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public async Task An_editor_defines_a_checklist_and_fills_it_in_for_a_station_under_the_policy()
    {
        await using var host = await BrowserHost.StartAsync();
        var store = new ElectionStore(host.Db.Database);
        var election = await store.CreateElectionAsync(new Election { Name = "Maslikhat 2026", Kind = ElectionKind.Local, ElectionDay = new DateOnly(2026, 3, 15) }, "test");
        var region = await store.AddUnitAsync(election.Id, null, TallyLevel.Region, "North", null, "test");
        var district = await store.AddUnitAsync(election.Id, region.Id, TallyLevel.District, "N-1", null, "test");
        await store.AddUnitAsync(election.Id, district.Id, TallyLevel.Station, "101", 1000, "test");

        var page = await host.SignedInPageAsync(Role.Editor);
        var violations = PolicyViolations(page);

        await page.GotoAsync($"/elections/{election.Id}");
        await page.Locator("#observers-link").ClickAsync();
        await page.Locator("#checklist-form input[name='Checklist.Name']").FillAsync("Opening");
        await page.Locator("#checklist-form select[name='Checklist.Stage']").SelectOptionAsync("Opening");
        await page.Locator("#checklist-form textarea[name='Checklist.Questions']").FillAsync("box | Was the ballot box empty?\nseals | Were the seals broken? | yes");
        await page.Locator("#checklist-form button[type=submit]").ClickAsync();

        var form = page.Locator("form.observation-form").First;
        await Assertions.Expect(form.Locator("fieldset.question")).ToHaveCountAsync(2);
        await form.Locator("input[name='Observation.Observer']").FillAsync("Asel");
        await form.Locator("input[name='Observation.Answers[box]'][value=yes]").CheckAsync();
        // One question left unanswered: refused, with the question named.
        await form.Locator("select[name='Observation.Assessment']").SelectOptionAsync("Good");
        await form.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("form.observation-form [role=alert]")).ToContainTextAsync("is not answered (Were the seals broken?)");

        form = page.Locator("form.observation-form").First;
        await form.Locator("input[name='Observation.Answers[seals]'][value=no]").CheckAsync();
        await form.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("table.observations tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("table.observations tbody tr")).ToContainTextAsync("box: yes; seals: no");

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public async Task An_editor_changes_a_stage_and_an_eligibility_rule_and_sees_the_verdict_under_the_policy()
    {
        await using var host = await BrowserHost.StartAsync();
        var store = new ElectionStore(host.Db.Database);
        var election = await store.CreateElectionAsync(new Election
        {
            Name = "Primary 2026", Kind = ElectionKind.PartyPrimary, ElectionDay = new DateOnly(2026, 3, 15),
            Stages = [new("Nomination", new DateOnly(2026, 1, 10), new DateOnly(2026, 1, 31))],
        }, "test");
        var party = await store.AddPartyAsync(election.Id, "A", "test");
        await store.AddCandidateAsync(election.Id, party.Id, new CandidateFacts("Dauren", true, new DateOnly(2001, 6, 1)), "test");

        var page = await host.SignedInPageAsync(Role.Editor);
        var violations = PolicyViolations(page);

        await page.GotoAsync($"/elections/{election.Id}");
        await page.Locator("#stages-form input[name='StageRows[0].End']").FillAsync("2026-02-05");
        await page.Locator("#stages-form input[name='StageRows[1].Name']").FillAsync("Voting");
        await page.Locator("#stages-form input[name='StageRows[1].Start']").FillAsync("2026-03-15");
        await page.Locator("#stages-form input[name='StageRows[1].End']").FillAsync("2026-03-15");
        await page.Locator("#stages-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("table.stages tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("table.stages tbody tr").First.Locator("time").Last).ToHaveAttributeAsync("datetime", "2026-02-05");

        await page.Locator("#eligibility-form input[name='Rules.MinimumAge']").FillAsync("25");
        await page.Locator("#eligibility-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#eligibility table.verdicts tr.ineligible")).ToContainTextAsync("is 24 on election day (2026-03-15); the minimum is 25");
        await Assertions.Expect(page.Locator("#eligibility .eligibility-rules")).ToContainTextAsync("at least 25 on election day");

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    /// <summary>Collects what the browser reports refused by the content security policy, as the page runs.</summary>
    private static List<string> PolicyViolations(IPage page)
    {
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };
        return violations;
    }
}
