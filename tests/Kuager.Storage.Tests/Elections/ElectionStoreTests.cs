using Dapper;
using Kuager.Core;

namespace Kuager.Storage.Tests.Elections;

/// <summary>The elections module's storage, on SQLite and PostgreSQL alike.</summary>
public sealed class ElectionStoreTests
{
    private const string Editor = "editor:dana";

    private static readonly Election Mazhilis = new()
    {
        Name = "Mazhilis 2026",
        Kind = ElectionKind.PartyList,
        ElectionDay = new DateOnly(2026, 3, 15),
        Seats = 10,
        ThresholdPercent = 5,
        ThresholdOf = ThresholdDenominator.All,
        Stages =
        [
            new("Nomination and registration", new DateOnly(2026, 1, 20), new DateOnly(2026, 2, 10)),
            new("Campaign", new DateOnly(2026, 2, 11), new DateOnly(2026, 3, 13)),
            new("Voting", new DateOnly(2026, 3, 15), new DateOnly(2026, 3, 15)),
        ],
        Eligibility = new EligibilityRules(RequireCitizen: true, MinimumAge: 25, ResidenceYears: 10, RequireNoConviction: true),
        Quotas = [new ListQuota("women and under 29", [new QuotaGroup.Women(), new QuotaGroup.UnderAge(29)], 30)],
        ObserverLimits = new ObserverLimits(PerRepresentedPerStation: 1),
    };

    /// <summary>An election with two regions, three districts and four stations.</summary>
    private sealed record World(ElectionStore Store, long ElectionId, long[] Stations);

    private static async Task<World> WorldAsync(TestDatabase db)
    {
        var store = new ElectionStore(db.Database);
        var election = await store.CreateElectionAsync(Mazhilis, Editor);
        var north = await store.AddUnitAsync(election.Id, null, TallyLevel.Region, "North", null, Editor);
        var south = await store.AddUnitAsync(election.Id, null, TallyLevel.Region, "South", null, Editor);
        var n1 = await store.AddUnitAsync(election.Id, north.Id, TallyLevel.District, "N-1", null, Editor);
        var n2 = await store.AddUnitAsync(election.Id, north.Id, TallyLevel.District, "N-2", null, Editor);
        var s1 = await store.AddUnitAsync(election.Id, south.Id, TallyLevel.District, "S-1", null, Editor);
        var stations = new[]
        {
            await store.AddUnitAsync(election.Id, n1.Id, TallyLevel.Station, "101", 1000, Editor, inSample: true),
            await store.AddUnitAsync(election.Id, n1.Id, TallyLevel.Station, "102", 800, Editor, inSample: true),
            await store.AddUnitAsync(election.Id, n2.Id, TallyLevel.Station, "201", 600, Editor),
            await store.AddUnitAsync(election.Id, s1.Id, TallyLevel.Station, "301", 400, Editor, inSample: true),
        };
        return new World(store, election.Id, stations.Select(s => s.Id).ToArray());
    }

    private static Protocol Votes(long registered, long issued, long invalid, long a, long b, long c) =>
        new(registered, issued, a + b + c, invalid, [new ChoiceVotes("A", a), new ChoiceVotes("B", b), new ChoiceVotes("C", c)]);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_election_keeps_its_kind_stages_and_rules(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = new ElectionStore(db.Database);

        var created = await store.CreateElectionAsync(Mazhilis, Editor);
        var read = await store.GetElectionAsync(created.Id);

        Assert.Equal(("Mazhilis 2026", ElectionKind.PartyList, new DateOnly(2026, 3, 15), 10, 5m, ThresholdDenominator.All),
            (read.Name, read.Kind, read.ElectionDay, read.Seats!.Value, read.ThresholdPercent, read.ThresholdOf));
        Assert.Equal(Mazhilis.Stages, read.Stages);
        Assert.Equal(Mazhilis.Eligibility, read.Eligibility);
        Assert.Equal(new ObserverLimits(1), read.ObserverLimits);
        var quota = Assert.Single(read.Quotas);
        Assert.Equal(("women and under 29", 30m), (quota.Name, quota.MinimumPercent));
        Assert.Equal([new QuotaGroup.Women(), new QuotaGroup.UnderAge(29)], quota.Groups);
        Assert.Equal(created.Id, Assert.Single(await store.ListElectionsAsync()).Id);
        Assert.Equal(1, await db.RowsAsync("audit_log"));

        var e = await Assert.ThrowsAsync<ValidationException>(() => store.CreateElectionAsync(Mazhilis with { Name = " ", Seats = null }, Editor));
        Assert.Equal(["name", "seats"], e.Errors.Select(x => x.Field));
        Assert.Equal(1, await db.RowsAsync("elections"));
        await Assert.ThrowsAsync<NotFoundException>(() => store.GetElectionAsync(999));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_hierarchy_is_region_district_station(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await WorldAsync(db);
        var units = await w.Store.UnitsAsync(w.ElectionId);
        var region = units.First(u => u.Level == TallyLevel.Region);
        var district = units.First(u => u.Level == TallyLevel.District);

        var stationInRegion = await Assert.ThrowsAsync<ValidationException>(() => w.Store.AddUnitAsync(w.ElectionId, region.Id, TallyLevel.Station, "999", 10, Editor));
        Assert.Equal("a station belongs in a district", Assert.Single(stationInRegion.Errors).Message);
        var twice = await Assert.ThrowsAsync<ValidationException>(() => w.Store.AddUnitAsync(w.ElectionId, district.Id, TallyLevel.Station, "101", 10, Editor));
        Assert.Equal("station 101 already exists here", Assert.Single(twice.Errors).Message);
        var regionTwice = await Assert.ThrowsAsync<ValidationException>(() => w.Store.AddUnitAsync(w.ElectionId, null, TallyLevel.Region, "North", null, Editor));
        Assert.Equal("name", Assert.Single(regionTwice.Errors).Field);
        Assert.Equal(9, units.Count);
        Assert.Equal(9, await db.RowsAsync("election_units"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Protocols_are_checked_tabulated_compared_and_give_seats(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await WorldAsync(db);
        foreach (var party in new[] { "A", "B", "C" })
        {
            await w.Store.AddPartyAsync(w.ElectionId, party, Editor);
        }

        // Observer protocols: 101: A 400, B 150, C 40; 102: A 300, B 150, C 20; 201: A 200, B 80, C 10; 301: A 100, B 120, C 0.
        Protocol[] observed =
        [
            Votes(1000, 600, 10, 400, 150, 40), Votes(800, 480, 10, 300, 150, 20), Votes(600, 300, 10, 200, 80, 10), Votes(400, 230, 10, 100, 120, 0),
        ];
        for (var i = 0; i < 4; i++)
        {
            Assert.Empty(await w.Store.SaveProtocolAsync(w.Stations[i], ProtocolSource.Observer, observed[i], Editor));
        }

        // A protocol that does not add up is refused and changes nothing...
        var before = await db.RowsAsync("election_protocols");
        var bad = await Assert.ThrowsAsync<ValidationException>(() =>
            w.Store.SaveProtocolAsync(w.Stations[0], ProtocolSource.Official, Votes(1000, 610, 10, 400, 150, 40) with { Valid = 600 }, Editor));
        Assert.Equal("the votes for each choice (590) and against all (0) make 590, fewer than the 600 valid ballots (by 10)", Assert.Single(bad.Errors).Message);
        Assert.Equal(before, await db.RowsAsync("election_protocols"));

        // ...unless it is kept as evidence. Official 101 moved 50 votes from B to A; official 102 as observed.
        await w.Store.SaveProtocolAsync(w.Stations[0], ProtocolSource.Official, Votes(1000, 600, 10, 450, 100, 40), Editor);
        await w.Store.SaveProtocolAsync(w.Stations[1], ProtocolSource.Official, observed[1], Editor);
        var kept = await w.Store.SaveProtocolAsync(w.Stations[2], ProtocolSource.Official, Votes(600, 300, 10, 200, 80, 10) with { Valid = 300 }, Editor, keepInconsistent: true);
        Assert.Contains(kept, f => f.Severity == ProtocolSeverity.Error);

        var total = await w.Store.TabulateAsync(w.ElectionId, ProtocolSource.Observer);
        // Registered 2800; issued 1610; valid 1570; A 1000, B 500, C 70.
        Assert.Equal((2800L, 1610L, 1570L, 40L), (total.Totals.RegisteredVoters, total.Totals.BallotsIssued, total.Totals.Valid, total.Totals.Invalid));
        Assert.Equal([("A", 1000L), ("B", 500L), ("C", 70L)], total.Totals.Choices.Select(c => (c.Choice, c.Votes)));
        Assert.Equal(["North", "South"], total.Children.Select(c => c.Name));
        Assert.Equal(3, total.Children[0].Stations);

        var differences = await w.Store.CompareWithOfficialAsync(w.ElectionId);
        Assert.Equal(
        [
            ("North / N-1 / 101", "votes:A", 400L, 450L), ("North / N-1 / 101", "votes:B", 150L, 100L),
            ("North / N-2 / 201", "valid", 290L, 300L),
        ], differences.Select(d => (d.Path, d.Field, d.Ours, d.Official)));

        // Seats from the observer tabulation: threshold 5 % of 1610 participants = 80.5 votes. A 1000 and B 500 pass,
        // C (70) does not. V = 1500, N = 10: A 10000 / 1500 → 6, remainder 1000; B 5000 / 1500 → 3, remainder 500.
        // The 10th seat to A: A 7, B 3, C 0.
        var seats = await w.Store.SeatsAsync(w.ElectionId, ProtocolSource.Observer);
        Assert.Equal([("A", 7), ("B", 3), ("C", 0)], seats.Parties.Select(p => (p.Party, p.Seats)));

        // PVT from stations 101, 102 and 301 (4 stations in all): x = 590, 470, 220; A: y = 400, 300, 100.
        // r = 800 / 1280 = 0.625. Residuals: 400 − 368.75 = 31.25; 300 − 293.75 = 6.25; 100 − 137.5 = −37.5.
        // s² = (976.5625 + 39.0625 + 1406.25) / 2 = 1210.9375; x̄ = 426.667, x̄² = 182044.44;
        // Var = (1 − 3/4) × 1210.9375 / (3 × 182044.44) = 0.000554323; SE = 0.0235441; MoE 95 % = 1.959964 × SE = 0.0461455.
        var pvt = await w.Store.ParallelVoteTabulationAsync(w.ElectionId);
        var a = pvt.Shares.Single(s => s.Choice == "A");
        Assert.Equal((3, (int?)4), (pvt.SampledStations, pvt.PopulationStations));
        Assert.Equal(0.625, a.Share, 1e-12);
        Assert.Equal(0.0235441, a.StandardError, 1e-7);
        Assert.Equal(0.0461455, a.MarginOfError95, 1e-7);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Candidates_are_checked_for_eligibility_and_lists_for_quotas(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await WorldAsync(db);
        var party = await w.Store.AddPartyAsync(w.ElectionId, "A", Editor);
        var other = await w.Store.AddPartyAsync(w.ElectionId, "B", Editor);
        Assert.Equal((1, 2), (party.Position, other.Position));
        await Assert.ThrowsAsync<ValidationException>(() => w.Store.AddPartyAsync(w.ElectionId, "A", Editor));

        var born = new DateOnly(1980, 1, 1);
        var since = new DateOnly(2000, 1, 1);
        // Party A: a woman of 46, a man of 24 (too young, and under 29), a man of 46 with an unexpunged conviction: 2 of 3 count for the quota.
        await w.Store.AddCandidateAsync(w.ElectionId, party.Id, new CandidateFacts("Aigerim", true, born, since, false, Gender.Female), Editor);
        await w.Store.AddCandidateAsync(w.ElectionId, party.Id, new CandidateFacts("Dauren", true, new DateOnly(2001, 6, 1), since, false, Gender.Male), Editor);
        await w.Store.AddCandidateAsync(w.ElectionId, party.Id, new CandidateFacts("Erlan", true, born, since, true, Gender.Male), Editor);
        // Party B: two men of 46: 0 of 2.
        await w.Store.AddCandidateAsync(w.ElectionId, other.Id, new CandidateFacts("Nurlan", true, born, since, false, Gender.Male), Editor);
        await w.Store.AddCandidateAsync(w.ElectionId, other.Id, new CandidateFacts("Serik", true, born, since, false, Gender.Male), Editor);

        var candidates = await w.Store.CandidatesAsync(w.ElectionId);
        Assert.Equal([1, 2, 3, 1, 2], candidates.Select(c => c.ListPosition!.Value));
        Assert.Equal(Gender.Female, candidates[0].Facts.Gender);
        Assert.Equal(born, candidates[0].Facts.BirthDate);

        var verdicts = await w.Store.EligibilityAsync(w.ElectionId);
        Assert.Equal([("Dauren", "is 24 on election day (2026-03-15); the minimum is 25"), ("Erlan", "has a conviction not yet expunged")],
            verdicts.Where(v => !v.Eligible).Select(v => (v.Name, Assert.Single(v.Reasons).Message)));

        var quotas = await w.Store.QuotasAsync(w.ElectionId);
        // A: ⌈30 % × 3⌉ = 1 needed, 2 counted; B: 1 needed, 0 counted.
        Assert.Equal([("A", 2, 3, 1, true), ("B", 0, 2, 1, false)], quotas.Select(q => (q.List, q.Counted, q.Members, q.Required, q.Met)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Observers_are_accredited_within_limits_and_observations_add_up_by_region(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await WorldAsync(db);
        await w.Store.AccreditAsync(w.Stations[0], new Accreditation("Asel", "Erkindik Kanaty", "", "Party A"), Editor);
        var limit = await Assert.ThrowsAsync<ValidationException>(() =>
            w.Store.AccreditAsync(w.Stations[0], new Accreditation("Bolat", "Erkindik Kanaty", "", "Party A"), Editor));
        Assert.Contains("the limit is 1", Assert.Single(limit.Errors).Message);
        await w.Store.AccreditAsync(w.Stations[1], new Accreditation("Bolat", "Erkindik Kanaty", "", "Party A"), Editor);
        Assert.Equal(2, (await w.Store.AccreditationsAsync(w.ElectionId)).Count);

        var formId = await w.Store.AddFormAsync(w.ElectionId, new ObservationForm("Counting", ObservationStage.Counting,
            [new("seals", "Were the seals intact?"), new("public", "Could observers see the ballots?")]), Editor);
        var answers = new Dictionary<string, bool> { ["seals"] = true, ["public"] = false };
        await w.Store.RecordObservationAsync(formId, w.Stations[0], "Asel", Assessment.Bad, answers, Editor);
        await w.Store.RecordObservationAsync(formId, w.Stations[1], "Bolat", Assessment.Good, answers, Editor);
        await w.Store.RecordObservationAsync(formId, w.Stations[3], "Bolat", Assessment.VeryBad, answers, Editor);
        var missing = await Assert.ThrowsAsync<ValidationException>(() =>
            w.Store.RecordObservationAsync(formId, w.Stations[2], "Asel", Assessment.Good, new Dictionary<string, bool> { ["seals"] = true }, Editor));
        Assert.Equal("answers.public", Assert.Single(missing.Errors).Field);

        var forms = await w.Store.FormsAsync(w.ElectionId);
        Assert.Equal(["seals", "public"], Assert.Single(forms).Form.Questions.Select(q => q.Code));
        // North: 101 bad, 102 good → 1 of 2; South: 301 very bad → 1 of 1; all: 2 of 3.
        var shares = await w.Store.NegativeShareAsync(w.ElectionId, ObservationStage.Counting);
        Assert.Equal([("North", 1, 2), ("South", 1, 1), ("", 2, 3)], shares.Select(s => (s.Region, s.Negative, s.Observations)));
        var coverage = await w.Store.CoverageAsync(w.ElectionId);
        Assert.Equal((3, 4, 2, 2), (coverage.StationsVisited, coverage.Stations, coverage.RegionsVisited, coverage.Regions));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_detained_observer_becomes_an_event_on_the_person_and_the_incident_keeps_hashed_files(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await WorldAsync(db);
        var person = await db.Store.CreateAsync(Build.Person("Asel Observer"), Editor);
        var files = new FileStore(Path.Combine(db.WorkDirectory, "files"));
        var photo = "a photo of the protocol"u8.ToArray();

        var incident = await w.Store.ReportIncidentAsync(w.ElectionId,
            new IncidentReport(w.Stations[0], "observer-detained", new DateOnly(2026, 3, 15), "Taken from the count by police",
                [new IncidentFile("protocol.jpg", "image/jpeg", new MemoryStream(photo))], DetainedObserver: "Asel", DetainedPersonId: person.Id),
            Editor, files);

        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(photo));
        Assert.Equal([new IncidentFileRef("protocol.jpg", sha)], incident.Files);
        Assert.True(File.Exists(files.PathOf(sha)));
        var stored = Assert.Single(await w.Store.IncidentsAsync(w.ElectionId));
        Assert.Equal((incident.Id, incident.ObserverEventId, sha), (stored.Id, stored.ObserverEventId, stored.Files[0].Sha256));

        // A file is found only through its own incident and election, with the media type it was stored with.
        Assert.Equal((new IncidentFileRef("protocol.jpg", sha), "image/jpeg"), await w.Store.IncidentFileAsync(w.ElectionId, incident.Id, sha));
        Assert.Null(await w.Store.IncidentFileAsync(w.ElectionId + 1, incident.Id, sha));
        Assert.Null(await w.Store.IncidentFileAsync(w.ElectionId, incident.Id + 1, sha));
        Assert.Null(await w.Store.IncidentFileAsync(w.ElectionId, incident.Id, new string('0', 64)));

        var observerEvent = Assert.Single(await w.Store.ObserverEventsAsync(w.ElectionId));
        Assert.Equal((ObserverEventKind.Detained, "Asel", person.Id), (observerEvent.Kind, observerEvent.Observer, observerEvent.PersonId!.Value));
        var registryEvent = await db.Store.GetAsync<Event>(observerEvent.EventId!.Value);
        Assert.NotNull(registryEvent);
        Assert.Equal("election-day-detention", registryEvent.Type);
        Assert.Equal([person.Id], registryEvent.SubjectIds);
        Assert.Contains("polling station 101, Mazhilis 2026", registryEvent.Description);
        await using (var c = await db.Database.OpenAsync())
        {
            Assert.Equal("detained", await c.ExecuteScalarAsync<string>("SELECT status FROM persons WHERE id = @id", new { id = person.Id }));
        }

        // An expulsion without a registry person is recorded for the election only; a refusal never makes a registry event.
        var expelled = await w.Store.RecordObserverEventAsync(w.ElectionId, w.Stations[1], "Bolat", ObserverEventKind.Expelled, new DateOnly(2026, 3, 15), null, Editor);
        var refused = await w.Store.RecordObserverEventAsync(w.ElectionId, w.Stations[1], "Dana", ObserverEventKind.AccreditationRefused, new DateOnly(2026, 3, 10), null, Editor, person.Id);
        Assert.Null(expelled.EventId);
        Assert.Null(refused.EventId);
        Assert.Equal(1, await db.RowsAsync("events"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_failed_incident_report_writes_nothing(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await WorldAsync(db);
        var audit = await db.RowsAsync("audit_log");

        // A person that does not exist: the registry event is refused, so neither the observer event nor the incident is kept.
        await Assert.ThrowsAsync<ValidationException>(() => w.Store.ReportIncidentAsync(w.ElectionId,
            new IncidentReport(w.Stations[0], "observer-detained", new DateOnly(2026, 3, 15), "Taken away", [], "Asel", DetainedPersonId: 424242),
            Editor, new FileStore(Path.Combine(db.WorkDirectory, "files"))));

        Assert.Equal((0L, 0L, 0L, audit), (await db.RowsAsync("election_incidents"), await db.RowsAsync("observer_events"), await db.RowsAsync("events"), await db.RowsAsync("audit_log")));
    }
}
