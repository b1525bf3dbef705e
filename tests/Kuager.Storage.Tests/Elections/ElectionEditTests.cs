using Kuager.Core;

namespace Kuager.Storage.Tests.Elections;

/// <summary>Editing an election after creation (stages, eligibility, quotas) and its candidates' list positions, on both providers.</summary>
public sealed class ElectionEditTests
{
    private const string Editor = "editor:dana";

    private static readonly DateOnly Born = new(1980, 1, 1);

    private static readonly DateOnly Since = new(2000, 1, 1);

    private static Election Primary => new()
    {
        Name = "Primary 2026", Kind = ElectionKind.PartyPrimary, ElectionDay = new DateOnly(2026, 3, 15),
        Stages = [new("Nomination", new DateOnly(2026, 1, 10), new DateOnly(2026, 1, 31))],
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_edit_replaces_stages_rules_and_quotas_keeps_stages_in_date_order_and_changes_the_verdicts(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = new ElectionStore(db.Database);
        var created = await store.CreateElectionAsync(Primary, Editor);
        Assert.Equal(1, created.Version);
        var party = await store.AddPartyAsync(created.Id, "A", Editor);
        // A woman of 46, a man of 24 resident for 3 years, a man of 46 whose citizenship is not shown.
        await store.AddCandidateAsync(created.Id, party.Id, new CandidateFacts("Aigerim", true, Born, Since, false, Gender.Female), Editor);
        await store.AddCandidateAsync(created.Id, party.Id, new CandidateFacts("Dauren", true, new DateOnly(2001, 6, 1), new DateOnly(2023, 1, 1), false, Gender.Male), Editor);
        await store.AddCandidateAsync(created.Id, party.Id, new CandidateFacts("Erlan", null, Born, Since, false, Gender.Male), Editor);
        Assert.All(await store.EligibilityAsync(created.Id), v => Assert.True(v.Eligible));

        var read = await store.GetElectionAsync(created.Id);
        var edited = await store.UpdateElectionAsync(read with
        {
            // Given out of order: stored by date.
            Stages = [new(" Voting ", new DateOnly(2026, 3, 15), new DateOnly(2026, 3, 15)), read.Stages[0] with { End = new DateOnly(2026, 2, 5) },
                new("Campaign", new DateOnly(2026, 2, 6), new DateOnly(2026, 3, 13))],
            Eligibility = new EligibilityRules(RequireCitizen: true, MinimumAge: 25, ResidenceYears: 10),
            Quotas = [new ListQuota("women 30 %", [new QuotaGroup.Women()], 30), new ListQuota("under 35: 20 %", [new QuotaGroup.UnderAge(35)], 20)],
        }, Editor);

        Assert.Equal(2, edited.Version);
        var stored = await store.GetElectionAsync(created.Id);
        Assert.Equal(2, stored.Version);
        Assert.Equal(["Nomination", "Campaign", "Voting"], stored.Stages.Select(s => s.Name));
        Assert.Equal(new DateOnly(2026, 2, 5), stored.Stages[0].End);
        Assert.Equal(new EligibilityRules(RequireCitizen: true, MinimumAge: 25, ResidenceYears: 10), stored.Eligibility);
        var failing = (await store.EligibilityAsync(created.Id)).Where(v => !v.Eligible).ToList();
        Assert.Equal(["Dauren", "Erlan"], failing.Select(v => v.Name));
        Assert.Equal(
            ["is 24 on election day (2026-03-15); the minimum is 25",
                "resident since 2023-01-01, 3 full years by election day; 10 are required (resident since 2016-03-15 or earlier)"],
            failing[0].Reasons.Select(r => r.Message));
        Assert.Equal("citizenship is not shown", Assert.Single(failing[1].Reasons).Message);
        // One woman of three: ⌈0.9⌉ = 1 needed, met; one under 35 of three: ⌈0.6⌉ = 1 needed, met.
        Assert.Equal([("women 30 %", 1, 1, true), ("under 35: 20 %", 1, 1, true)], (await store.QuotasAsync(created.Id)).Select(q => (q.Quota, q.Counted, q.Required, q.Met)));
        // Created, one party, three candidates, one edit.
        Assert.Equal(6, await db.RowsAsync("audit_log"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_stale_edit_is_refused_and_writes_nothing(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = new ElectionStore(db.Database);
        var created = await store.CreateElectionAsync(Primary, Editor);
        var first = await store.GetElectionAsync(created.Id);
        var second = await store.GetElectionAsync(created.Id);
        await store.UpdateElectionAsync(first with { Eligibility = new EligibilityRules(MinimumAge: 18) }, Editor);

        var stale = await Assert.ThrowsAsync<StaleElectionEditException>(() => store.UpdateElectionAsync(second with { Eligibility = new EligibilityRules(MinimumAge: 30) }, Editor));

        Assert.Equal((1, 2), (stale.ExpectedVersion, stale.CurrentVersion));
        Assert.Contains("it is now at version 2, your edit was based on version 1", stale.Message);
        Assert.Equal(18, (await store.GetElectionAsync(created.Id)).Eligibility.MinimumAge);
        Assert.Equal(2, await db.RowsAsync("audit_log"));
        await Assert.ThrowsAsync<NotFoundException>(() => store.UpdateElectionAsync(first with { Id = 999 }, Editor));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_bad_edit_names_the_row_and_field_and_writes_nothing(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = new ElectionStore(db.Database);
        var created = await store.CreateElectionAsync(Primary, Editor);

        var e = await Assert.ThrowsAsync<ValidationException>(() => store.UpdateElectionAsync(created with
        {
            Stages = [created.Stages[0], new("Campaign", new DateOnly(2026, 2, 6), default), new("Voting", new DateOnly(2026, 3, 15), new DateOnly(2026, 3, 14)), new("nomination", new DateOnly(2026, 3, 16), new DateOnly(2026, 3, 16))],
            Eligibility = new EligibilityRules(MinimumAge: -1),
            Quotas = [new ListQuota("young", [new QuotaGroup.UnderAge(0)], 120)],
        }, Editor));

        Assert.Equal(
            ["eligibility.minimumAge", "stages[1].end", "stages[2].end", "stages[3].name", "quotas[0].minimumPercent", "quotas[0].groups[0].age"],
            e.Errors.Select(x => x.Field));
        Assert.Equal("Voting ends (2026-03-14) before it starts (2026-03-15)", e.Errors[2].Message);
        Assert.Equal("nomination is already a stage of this election", e.Errors[3].Message);
        var stored = await store.GetElectionAsync(created.Id);
        Assert.Equal((1, 1), (stored.Version, stored.Stages.Count));
        Assert.Equal(1, await db.RowsAsync("audit_log"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_candidate_is_put_at_a_position_moved_and_removed_and_the_list_stays_numbered_from_1(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = new ElectionStore(db.Database);
        var election = await store.CreateElectionAsync(Primary, Editor);
        var party = await store.AddPartyAsync(election.Id, "A", Editor);
        var other = await store.AddPartyAsync(election.Id, "B", Editor);
        async Task<long> AddAsync(string name, long partyId, int? at = null) =>
            (await store.AddCandidateAsync(election.Id, partyId, new CandidateFacts(name, true, Born, Since, false, Gender.Male), Editor, listPosition: at)).Id;
        async Task<string> ListAsync(long partyId) =>
            string.Join(",", (await store.CandidatesAsync(election.Id)).Where(c => c.PartyId == partyId).OrderBy(c => c.ListPosition).Select(c => $"{c.ListPosition}{c.Facts.Name}"));

        var a = await AddAsync("a", party.Id);
        var b = await AddAsync("b", party.Id);
        await AddAsync("c", party.Id, 1);
        await AddAsync("d", party.Id, 3);
        var x = await AddAsync("x", other.Id);
        Assert.Equal("1c,2a,3d,4b", await ListAsync(party.Id));

        var beyond = await Assert.ThrowsAsync<ValidationException>(() => AddAsync("e", party.Id, 6));
        Assert.Equal(("listPosition", "must be from 1 to 5: the list has 4 candidate(s)"), (beyond.Errors[0].Field, beyond.Errors[0].Message));

        Assert.Equal(1, (await store.MoveCandidateAsync(election.Id, b, 1, Editor)).ListPosition);
        Assert.Equal("1b,2c,3a,4d", await ListAsync(party.Id));
        await store.MoveCandidateAsync(election.Id, b, 3, Editor);
        Assert.Equal("1c,2a,3b,4d", await ListAsync(party.Id));
        await store.RemoveCandidateAsync(election.Id, a, Editor);
        Assert.Equal("1c,2b,3d", await ListAsync(party.Id));
        Assert.Equal("1x", await ListAsync(other.Id));

        var outOfList = await Assert.ThrowsAsync<ValidationException>(() => store.MoveCandidateAsync(election.Id, b, 4, Editor));
        Assert.Equal("must be from 1 to 3: the list has 3 candidate(s)", Assert.Single(outOfList.Errors).Message);
        var elsewhere = await store.CreateElectionAsync(Primary with { Name = "Another" }, Editor);
        await Assert.ThrowsAsync<NotFoundException>(() => store.MoveCandidateAsync(elsewhere.Id, x, 1, Editor));
        await Assert.ThrowsAsync<NotFoundException>(() => store.RemoveCandidateAsync(elsewhere.Id, x, Editor));
        Assert.Equal("1c,2b,3d", await ListAsync(party.Id));
        // Created twice, two parties, five candidates added (one refused), three moves/removals.
        Assert.Equal(2 + 2 + 5 + 3, await db.RowsAsync("audit_log"));
    }
}
