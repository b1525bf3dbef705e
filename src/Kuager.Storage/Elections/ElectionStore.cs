using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Dapper;
using Kuager.Core;

namespace Kuager.Storage;

/// <summary>A unit of an election's hierarchy as stored.</summary>
public sealed record ElectionUnit(long Id, long? ParentId, TallyLevel Level, string Name, long? RegisteredVoters, bool InSample);

/// <summary>A party as registered, with its registration order.</summary>
public sealed record ElectionParty(long Id, string Name, int Position);

/// <summary>A candidate, on a party's list when <see cref="PartyId"/> is set.</summary>
public sealed record ElectionCandidate(long Id, long? PartyId, int? ListPosition, CandidateFacts Facts, long? PersonId = null);

/// <summary>Where a protocol's figures come from.</summary>
public enum ProtocolSource
{
    /// <summary>Copied at the station by our observers.</summary>
    Observer,

    /// <summary>As the election commission published it.</summary>
    Official,
}

/// <summary>What can happen to an observer; detentions and expulsions of people in the registry become events on them.</summary>
public enum ObserverEventKind
{
    AccreditationRefused,
    EntryRefused,
    Expelled,
    Detained,
}

/// <summary>An observer's refusal, expulsion or detention as stored; <see cref="EventId"/> is the registry event made for it.</summary>
public sealed record ObserverEvent(long Id, long? StationId, string Observer, ObserverEventKind Kind, DateOnly Day, string? Description, long? PersonId, long? EventId);

/// <summary>A file to attach to an incident.</summary>
public sealed record IncidentFile(string FileName, string MediaType, Stream Content);

/// <summary>An incident as reported; a detained observer named here is recorded as an observer event (and a registry event when a person is given).</summary>
public sealed record IncidentReport(long? StationId, string Kind, DateOnly Day, string Description, IReadOnlyList<IncidentFile> Files, string? DetainedObserver = null, long? DetainedPersonId = null);

/// <summary>A file attached to an incident: its name as uploaded and the SHA-256 of its bytes.</summary>
public sealed record IncidentFileRef(string FileName, string Sha256);

/// <summary>A stored incident with its files' hashes.</summary>
public sealed record StoredIncident(long Id, long? StationId, string Kind, DateOnly Day, string Description, long? ObserverEventId, IReadOnlyList<IncidentFileRef> Files);

/// <summary>
/// The elections module on one database: elections and their rules, parties, candidates and lists, the region &gt;
/// district &gt; station hierarchy, observers, forms and observations, incidents, protocols, and the figures computed
/// from them with <see cref="Kuager.Core"/>. Every write is one transaction with an audit entry.
/// </summary>
public sealed class ElectionStore(Database database)
{
    private static readonly JsonSerializerOptions Json = KuagerJson.Options;

    public Database Database { get; } = database;

    private sealed record Settings(
        IReadOnlyList<ElectionStage> Stages, EligibilityRules Eligibility, IReadOnlyList<ListQuota> Quotas, int? Seats,
        decimal ThresholdPercent, ThresholdDenominator ThresholdOf, ObserverLimits ObserverLimits, BallotChoice? BallotOf = null);

    // ---- elections -------------------------------------------------------------------------------------------------

    public async Task<Election> CreateElectionAsync(Election election, string actor, CancellationToken ct = default)
    {
        Throw(election.Validate());
        election = Tidy(election);
        var settings = SettingsOf(election);
        return await WriteAsync(actor, "election-create", async (c, tx) =>
        {
            var id = await c.ExecuteScalarAsync<long>(
                "INSERT INTO elections (name, kind, election_day, settings, created_at, version) VALUES (@Name, @kind, @day, @settings, @at, 1) RETURNING id",
                new { election.Name, kind = WireCode.Of(election.Kind), day = Day(election.ElectionDay), settings, at = Clock.Stamp(DateTimeOffset.UtcNow) }, tx);
            return (election with { Id = id, Version = 1 }, $"election {id}");
        }, ct);
    }

    /// <summary>
    /// Replaces an election's name, kind, day, stages and rules with <paramref name="election"/> (its <see cref="Election.Id"/>),
    /// provided the stored one is still at <see cref="Election.Version"/>: an edit based on an older version is refused
    /// (<see cref="StaleElectionEditException"/>) and nothing is written. Stages are kept in date order. Returns the
    /// election as stored, at its new version.
    /// </summary>
    public async Task<Election> UpdateElectionAsync(Election election, string actor, CancellationToken ct = default)
    {
        Throw(election.Validate());
        election = Tidy(election);
        var settings = SettingsOf(election);
        return await WriteAsync(actor, "election-update", async (c, tx) =>
        {
            var current = await GetElectionAsync(c, tx, election.Id, ct);
            var changed = await c.ExecuteAsync(
                "UPDATE elections SET name = @Name, kind = @kind, election_day = @day, settings = @settings, version = version + 1 WHERE id = @Id AND version = @Version",
                new { election.Name, kind = WireCode.Of(election.Kind), day = Day(election.ElectionDay), settings, election.Id, election.Version }, tx);
            if (changed != 1)
            {
                throw new StaleElectionEditException(election.Id, election.Version, current.Version);
            }

            return (election with { Version = election.Version + 1 }, $"election {election.Id}");
        }, ct);
    }

    /// <summary>Names trimmed and stages in date order, as every election is stored.</summary>
    private static Election Tidy(Election e)
    {
        var ordered = e.WithStagesInOrder();
        return ordered with
        {
            Name = e.Name.Trim(), Stages = ordered.Stages.Select(s => s with { Name = s.Name.Trim() }).ToList(), Quotas = e.Quotas.Select(q => q with { Name = q.Name.Trim() }).ToList(),
        };
    }

    private static string SettingsOf(Election e) =>
        JsonSerializer.Serialize(new Settings(e.Stages, e.Eligibility, e.Quotas, e.Seats, e.ThresholdPercent, e.ThresholdOf, e.ObserverLimits, e.BallotOf), Json);

    public async Task<IReadOnlyList<Election>> ListElectionsAsync(CancellationToken ct = default)
    {
        await using var c = await Database.OpenAsync(ct);
        var rows = await c.QueryAsync<ElectionRow>(new CommandDefinition(
            "SELECT id, name, kind, election_day AS ElectionDay, settings, version FROM elections ORDER BY election_day DESC, id DESC", cancellationToken: ct));
        return rows.Select(ToElection).ToList();
    }

    public async Task<Election> GetElectionAsync(long id, CancellationToken ct = default)
    {
        await using var c = await Database.OpenAsync(ct);
        return await GetElectionAsync(c, null, id, ct);
    }

    private static async Task<Election> GetElectionAsync(DbConnection c, DbTransaction? tx, long id, CancellationToken ct)
    {
        var row = await c.QuerySingleOrDefaultAsync<ElectionRow>(new CommandDefinition(
            "SELECT id, name, kind, election_day AS ElectionDay, settings, version FROM elections WHERE id = @id", new { id }, tx, cancellationToken: ct));
        return row is null ? throw new NotFoundException($"election {id} does not exist") : ToElection(row);
    }

    /// <summary>Settable properties: Dapper converts SQLite's and PostgreSQL's integer widths into them alike.</summary>
    private sealed class ElectionRow
    {
        public long Id { get; set; }

        public string Name { get; set; } = "";

        public string Kind { get; set; } = "";

        public string ElectionDay { get; set; } = "";

        public string Settings { get; set; } = "";

        public long Version { get; set; }
    }

    private static Election ToElection(ElectionRow r)
    {
        var s = JsonSerializer.Deserialize<Settings>(r.Settings, Json)!;
        return new Election
        {
            Id = r.Id, Version = (int)r.Version, Name = r.Name, Kind = WireCode.Parse<ElectionKind>(r.Kind), ElectionDay = ParseDay(r.ElectionDay), Stages = s.Stages,
            Eligibility = s.Eligibility, Quotas = s.Quotas, Seats = s.Seats, ThresholdPercent = s.ThresholdPercent, ThresholdOf = s.ThresholdOf,
            ObserverLimits = s.ObserverLimits, BallotOf = s.BallotOf,
        };
    }

    // ---- parties, candidates, lists --------------------------------------------------------------------------------

    /// <summary>Registers a party; the order of registration is kept (it breaks ties in seat allocation).</summary>
    public Task<ElectionParty> AddPartyAsync(long electionId, string name, string actor, CancellationToken ct = default) =>
        WriteAsync(actor, "election-party-add", async (c, tx) =>
        {
            await GetElectionAsync(c, tx, electionId, ct);
            var trimmed = name?.Trim() ?? "";
            Throw(new Rules().Required("name", trimmed).MaxLength("name", trimmed, 300).Errors);
            var taken = await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM election_parties WHERE election_id = @electionId AND name = @trimmed", new { electionId, trimmed }, tx);
            Throw(new Rules().When(taken > 0, "name", "{0} is already registered in this election", trimmed).Errors);
            var position = await c.ExecuteScalarAsync<int>("SELECT COALESCE(MAX(position), 0) + 1 FROM election_parties WHERE election_id = @electionId", new { electionId }, tx);
            var id = await c.ExecuteScalarAsync<long>(
                "INSERT INTO election_parties (election_id, name, position) VALUES (@electionId, @trimmed, @position) RETURNING id", new { electionId, trimmed, position }, tx);
            return (new ElectionParty(id, trimmed, position), $"election {electionId}");
        }, ct);

    public async Task<IReadOnlyList<ElectionParty>> PartiesAsync(long electionId, CancellationToken ct = default)
    {
        await using var c = await Database.OpenAsync(ct);
        var rows = await c.QueryAsync<(long Id, string Name, long Position)>(new CommandDefinition(
            "SELECT id, name, position FROM election_parties WHERE election_id = @electionId ORDER BY position", new { electionId }, cancellationToken: ct));
        return rows.Select(r => new ElectionParty(r.Id, r.Name, (int)r.Position)).ToList();
    }

    /// <summary>
    /// Adds a candidate; on a party's list when a party is given, at <paramref name="listPosition"/> (the candidates from
    /// there on move one down) or else at the end.
    /// </summary>
    public Task<ElectionCandidate> AddCandidateAsync(long electionId, long? partyId, CandidateFacts facts, string actor, long? personId = null, int? listPosition = null,
        CancellationToken ct = default) =>
        WriteAsync(actor, "election-candidate-add", async (c, tx) =>
        {
            await GetElectionAsync(c, tx, electionId, ct);
            Throw(new Rules().Required("name", facts.Name).MaxLength("name", facts.Name, 300)
                .When(partyId is null && listPosition is not null, "listPosition", "only a candidate on a party's list has a list position").Errors);
            int? position = null;
            if (partyId is { } party)
            {
                var exists = await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM election_parties WHERE id = @party AND election_id = @electionId", new { party, electionId }, tx);
                Throw(new Rules().When(exists == 0, "partyId", "party {0} is not registered in this election", party).Errors);
                var end = await c.ExecuteScalarAsync<int>("SELECT COALESCE(MAX(list_position), 0) + 1 FROM election_candidates WHERE party_id = @party", new { party }, tx);
                Throw(new Rules().When(listPosition is { } p && (p < 1 || p > end), "listPosition",
                    "must be from 1 to {0}: the list has {1} candidate(s)", end, end - 1).Errors);
                position = listPosition ?? end;
                await c.ExecuteAsync("UPDATE election_candidates SET list_position = list_position + 1 WHERE party_id = @party AND list_position >= @position",
                    new { party, position }, tx);
            }

            var id = await c.ExecuteScalarAsync<long>(
                """
                INSERT INTO election_candidates (election_id, party_id, list_position, name, person_id, citizen, birth_date, resident_since, unexpunged_conviction, gender, disability)
                VALUES (@electionId, @partyId, @position, @name, @personId, @citizen, @born, @since, @conviction, @gender, @disability) RETURNING id
                """,
                new
                {
                    electionId, partyId, position, name = facts.Name.Trim(), personId, citizen = Flag(facts.Citizen), born = Day(facts.BirthDate), since = Day(facts.ResidentSince),
                    conviction = Flag(facts.UnexpungedConviction), gender = facts.Gender is { } g ? WireCode.Of(g) : null, disability = facts.Disability ? 1 : 0,
                }, tx);
            return (new ElectionCandidate(id, partyId, position, facts with { Name = facts.Name.Trim() }, personId), $"election {electionId}");
        }, ct);

    /// <summary>Moves a candidate to another position on their party's list; the candidates between move one place to make room.</summary>
    public Task<ElectionCandidate> MoveCandidateAsync(long electionId, long candidateId, int listPosition, string actor, CancellationToken ct = default) =>
        WriteAsync(actor, "election-candidate-move", async (c, tx) =>
        {
            var (party, from) = await ListPlaceAsync(c, tx, electionId, candidateId);
            Throw(new Rules().When(party is null, "listPosition", "candidate {0} is not on a party's list", candidateId).Errors);
            var size = await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM election_candidates WHERE party_id = @party", new { party }, tx);
            Throw(new Rules().When(listPosition < 1 || listPosition > size, "listPosition", "must be from 1 to {0}: the list has {0} candidate(s)", size).Errors);
            if (listPosition < from)
            {
                await c.ExecuteAsync("UPDATE election_candidates SET list_position = list_position + 1 WHERE party_id = @party AND list_position >= @listPosition AND list_position < @from",
                    new { party, listPosition, from }, tx);
            }
            else if (listPosition > from)
            {
                await c.ExecuteAsync("UPDATE election_candidates SET list_position = list_position - 1 WHERE party_id = @party AND list_position > @from AND list_position <= @listPosition",
                    new { party, listPosition, from }, tx);
            }

            await c.ExecuteAsync("UPDATE election_candidates SET list_position = @listPosition WHERE id = @candidateId", new { listPosition, candidateId }, tx);
            return ((await CandidatesAsync(c, tx, electionId, ct)).Single(x => x.Id == candidateId), $"election {electionId}");
        }, ct);

    /// <summary>Removes a candidate (withdrawn or struck off); those below them on the list move up one place.</summary>
    public Task<bool> RemoveCandidateAsync(long electionId, long candidateId, string actor, CancellationToken ct = default) =>
        WriteAsync(actor, "election-candidate-remove", async (c, tx) =>
        {
            var (party, from) = await ListPlaceAsync(c, tx, electionId, candidateId);
            await c.ExecuteAsync("DELETE FROM election_candidates WHERE id = @candidateId", new { candidateId }, tx);
            if (party is not null)
            {
                await c.ExecuteAsync("UPDATE election_candidates SET list_position = list_position - 1 WHERE party_id = @party AND list_position > @from", new { party, from }, tx);
            }

            return (true, $"election {electionId}");
        }, ct);

    /// <summary>A candidate's party and list position; not found unless the candidate is in this election.</summary>
    private static async Task<(long? Party, int Position)> ListPlaceAsync(DbConnection c, DbTransaction tx, long electionId, long candidateId)
    {
        var row = (await c.QueryAsync<CandidateRow>(
            "SELECT id, election_id AS ElectionId, party_id AS PartyId, list_position AS ListPosition FROM election_candidates WHERE id = @candidateId",
            new { candidateId }, tx)).SingleOrDefault();
        return row is null || row.ElectionId != electionId
            ? throw new NotFoundException($"candidate {candidateId} is not in election {electionId}")
            : (row.PartyId, (int)(row.ListPosition ?? 0));
    }

    public async Task<IReadOnlyList<ElectionCandidate>> CandidatesAsync(long electionId, CancellationToken ct = default)
    {
        await using var c = await Database.OpenAsync(ct);
        return await CandidatesAsync(c, null, electionId, ct);
    }

    private static async Task<IReadOnlyList<ElectionCandidate>> CandidatesAsync(DbConnection c, DbTransaction? tx, long electionId, CancellationToken ct)
    {
        var rows = await c.QueryAsync<CandidateRow>(new CommandDefinition(
            """
            SELECT id, party_id AS PartyId, list_position AS ListPosition, name, person_id AS PersonId, citizen, birth_date AS BirthDate,
                   resident_since AS ResidentSince, unexpunged_conviction AS UnexpungedConviction, gender, disability
            FROM election_candidates WHERE election_id = @electionId ORDER BY party_id, list_position, id
            """, new { electionId }, tx, cancellationToken: ct));
        return rows.Select(r => new ElectionCandidate(r.Id, r.PartyId, r.ListPosition is { } p ? (int)p : null,
            new CandidateFacts(r.Name, ToFlag(r.Citizen), ParseDayOrNull(r.BirthDate), ParseDayOrNull(r.ResidentSince), ToFlag(r.UnexpungedConviction),
                r.Gender is { } g ? WireCode.Parse<Gender>(g) : null, r.Disability != 0), r.PersonId)).ToList();
    }

    /// <summary>Settable properties: Dapper converts SQLite's and PostgreSQL's integer widths into them alike.</summary>
    private sealed class CandidateRow
    {
        public long Id { get; set; }

        public long ElectionId { get; set; }

        public long? PartyId { get; set; }

        public long? ListPosition { get; set; }

        public string Name { get; set; } = "";

        public long? PersonId { get; set; }

        public long? Citizen { get; set; }

        public string? BirthDate { get; set; }

        public string? ResidentSince { get; set; }

        public long? UnexpungedConviction { get; set; }

        public string? Gender { get; set; }

        public long Disability { get; set; }
    }

    /// <summary>
    /// The names a protocol counts votes for, in ballot order: the parties (or a referendum's options) in registration
    /// order, or for an election of candidates the candidates, those on a party's ballot line in the parties' order first.
    /// </summary>
    public async Task<IReadOnlyList<string>> BallotAsync(long electionId, CancellationToken ct = default)
    {
        var election = await GetElectionAsync(electionId, ct);
        var parties = await PartiesAsync(electionId, ct);
        if (election.Ballot != BallotChoice.Candidate)
        {
            return parties.Select(p => p.Name).ToList();
        }

        var order = parties.ToDictionary(p => p.Id, p => p.Position);
        return (await CandidatesAsync(electionId, ct)).OrderBy(c => c.PartyId is { } p ? order[p] : int.MaxValue).ThenBy(c => c.ListPosition).ThenBy(c => c.Id)
            .Select(c => c.Facts.Name).Distinct().ToList();
    }

    /// <summary>Every candidate checked against the election's eligibility rules on election day.</summary>
    public async Task<IReadOnlyList<EligibilityVerdict>> EligibilityAsync(long electionId, CancellationToken ct = default)
    {
        var election = await GetElectionAsync(electionId, ct);
        return Eligibility.Check((await CandidatesAsync(electionId, ct)).Select(c => c.Facts), election.Eligibility, election.ElectionDay);
    }

    /// <summary>Each party's list checked against each of the election's quotas, parties in registration order.</summary>
    public async Task<IReadOnlyList<QuotaCheck>> QuotasAsync(long electionId, CancellationToken ct = default)
    {
        var election = await GetElectionAsync(electionId, ct);
        var candidates = await CandidatesAsync(electionId, ct);
        return (await PartiesAsync(electionId, ct)).SelectMany(p => ListQuotas.Check(p.Name,
            candidates.Where(c => c.PartyId == p.Id).OrderBy(c => c.ListPosition).Select(c => c.Facts).ToList(), election.Quotas, election.ElectionDay)).ToList();
    }

    // ---- hierarchy -------------------------------------------------------------------------------------------------

    /// <summary>Adds a region (no parent), a district (in a region) or a station (in a district, with its registered voters).</summary>
    public Task<ElectionUnit> AddUnitAsync(long electionId, long? parentId, TallyLevel level, string name, long? registeredVoters, string actor, bool inSample = false,
        CancellationToken ct = default) =>
        WriteAsync(actor, "election-unit-add", async (c, tx) =>
        {
            await GetElectionAsync(c, tx, electionId, ct);
            var trimmed = name?.Trim() ?? "";
            var rules = new Rules().Required("name", trimmed).MaxLength("name", trimmed, 300)
                .When(level == TallyLevel.Total, "level", "is region, district or station")
                .When(registeredVoters is < 0, "registeredVoters", "cannot be negative")
                .When(level != TallyLevel.Station && (registeredVoters is not null || inSample), "registeredVoters", "registered voters and the sample are kept on stations");
            TallyLevel? parentLevel = null;
            if (parentId is { } parent)
            {
                var p = await c.QuerySingleOrDefaultAsync<(long ElectionId, string Level)>(
                    "SELECT election_id, level FROM election_units WHERE id = @parent", new { parent }, tx);
                rules.When(p.Level is null || p.ElectionId != electionId, "parentId", "unit {0} is not in this election", parent);
                parentLevel = p.Level is null ? null : WireCode.Parse<TallyLevel>(p.Level);
            }

            var expected = level switch { TallyLevel.District => TallyLevel.Region, TallyLevel.Station => TallyLevel.District, _ => (TallyLevel?)null };
            rules.When(rules.Errors.Count == 0 && parentLevel != expected, "parentId",
                expected is null ? "a region is at the top: it has no parent" : "a {0} belongs in a {1}", WireCode.Of(level), expected is { } e ? WireCode.Of(e) : "");
            var sameName = await c.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM election_units WHERE election_id = @electionId AND level = @level AND name = @trimmed AND (parent_id = @parentId OR (parent_id IS NULL AND @parentId IS NULL))",
                new { electionId, level = WireCode.Of(level), trimmed, parentId }, tx);
            rules.When(sameName > 0, "name", "{0} {1} already exists here", WireCode.Of(level), trimmed);
            Throw(rules.Errors);
            var id = await c.ExecuteScalarAsync<long>(
                "INSERT INTO election_units (election_id, parent_id, level, name, registered_voters, in_sample) VALUES (@electionId, @parentId, @level, @trimmed, @registeredVoters, @sample) RETURNING id",
                new { electionId, parentId, level = WireCode.Of(level), trimmed, registeredVoters, sample = inSample ? 1 : 0 }, tx);
            return (new ElectionUnit(id, parentId, level, trimmed, registeredVoters, inSample), $"election {electionId}");
        }, ct);

    public async Task<IReadOnlyList<ElectionUnit>> UnitsAsync(long electionId, CancellationToken ct = default)
    {
        await using var c = await Database.OpenAsync(ct);
        return await UnitsAsync(c, null, electionId, ct);
    }

    private static async Task<IReadOnlyList<ElectionUnit>> UnitsAsync(DbConnection c, DbTransaction? tx, long electionId, CancellationToken ct)
    {
        var rows = await c.QueryAsync<(long Id, long? ParentId, string Level, string Name, long? Registered, long InSample)>(new CommandDefinition(
            "SELECT id, parent_id, level, name, registered_voters, in_sample FROM election_units WHERE election_id = @electionId ORDER BY id",
            new { electionId }, tx, cancellationToken: ct));
        return rows.Select(r => new ElectionUnit(r.Id, r.ParentId, WireCode.Parse<TallyLevel>(r.Level), r.Name, r.Registered, r.InSample != 0)).ToList();
    }

    /// <summary>Each station with its region and district names.</summary>
    private static IEnumerable<(ElectionUnit Station, string Region, string District)> Stations(IReadOnlyList<ElectionUnit> units)
    {
        var byId = units.ToDictionary(u => u.Id);
        foreach (var s in units.Where(u => u.Level == TallyLevel.Station))
        {
            var district = byId[s.ParentId!.Value];
            yield return (s, byId[district.ParentId!.Value].Name, district.Name);
        }
    }

    // ---- protocols and results -------------------------------------------------------------------------------------

    /// <summary>
    /// Saves a station's protocol from one source (replacing the one before). A protocol with arithmetic errors is
    /// refused unless <paramref name="keepInconsistent"/> (an official protocol that does not add up is itself evidence):
    /// then it is kept and marked inconsistent. Returns the findings, warnings included.
    /// </summary>
    public Task<IReadOnlyList<ProtocolFinding>> SaveProtocolAsync(long stationId, ProtocolSource source, Protocol protocol, string actor, bool keepInconsistent = false,
        CancellationToken ct = default) =>
        WriteAsync(actor, "election-protocol-save", async (c, tx) =>
        {
            var level = await c.ExecuteScalarAsync<string?>("SELECT level FROM election_units WHERE id = @stationId", new { stationId }, tx);
            Throw(new Rules().When(level != "station", "stationId", "unit {0} is not a polling station", stationId).Errors);
            var findings = ProtocolChecks.Check(protocol);
            var consistent = findings.All(f => f.Severity != ProtocolSeverity.Error);
            if (!consistent && !keepInconsistent)
            {
                throw new ValidationException(findings.Where(f => f.Severity == ProtocolSeverity.Error).Select(f => f.Error).ToList());
            }

            var old = await c.ExecuteScalarAsync<long?>("SELECT id FROM election_protocols WHERE station_id = @stationId AND source = @source",
                new { stationId, source = WireCode.Of(source) }, tx);
            if (old is { } oldId)
            {
                await c.ExecuteAsync("DELETE FROM election_protocol_votes WHERE protocol_id = @oldId", new { oldId }, tx);
                await c.ExecuteAsync("DELETE FROM election_protocols WHERE id = @oldId", new { oldId }, tx);
            }

            var id = await c.ExecuteScalarAsync<long>(
                """
                INSERT INTO election_protocols (station_id, source, registered_voters, ballots_issued, valid, invalid, against_all, consistent, entered_by, entered_at)
                VALUES (@stationId, @source, @RegisteredVoters, @BallotsIssued, @Valid, @Invalid, @AgainstAll, @consistent, @actor, @at) RETURNING id
                """,
                new
                {
                    stationId, source = WireCode.Of(source), protocol.RegisteredVoters, protocol.BallotsIssued, protocol.Valid, protocol.Invalid, protocol.AgainstAll,
                    consistent = consistent ? 1 : 0, actor, at = Clock.Stamp(DateTimeOffset.UtcNow),
                }, tx);
            await c.ExecuteAsync("INSERT INTO election_protocol_votes (protocol_id, position, choice, votes) VALUES (@id, @position, @Choice, @Votes)",
                protocol.Choices.Select((v, i) => new { id, position = i + 1, v.Choice, v.Votes }), tx);
            return (findings, $"station {stationId}");
        }, ct);

    /// <summary>The stored protocols of one source, each with where its station sits.</summary>
    public async Task<IReadOnlyList<StationProtocol>> ProtocolsAsync(long electionId, ProtocolSource source, CancellationToken ct = default)
    {
        await using var c = await Database.OpenAsync(ct);
        var units = await UnitsAsync(c, null, electionId, ct);
        var rows = (await c.QueryAsync<(long Id, long StationId, long Registered, long Issued, long Valid, long Invalid, long Against)>(new CommandDefinition(
            """
            SELECT p.id, p.station_id, p.registered_voters, p.ballots_issued, p.valid, p.invalid, p.against_all
            FROM election_protocols p JOIN election_units u ON u.id = p.station_id
            WHERE u.election_id = @electionId AND p.source = @source ORDER BY p.station_id
            """, new { electionId, source = WireCode.Of(source) }, cancellationToken: ct))).ToList();
        var votes = (await c.QueryAsync<(long ProtocolId, string Choice, long Votes)>(new CommandDefinition(
            """
            SELECT v.protocol_id, v.choice, v.votes FROM election_protocol_votes v JOIN election_protocols p ON p.id = v.protocol_id
            JOIN election_units u ON u.id = p.station_id WHERE u.election_id = @electionId AND p.source = @source ORDER BY v.protocol_id, v.position
            """, new { electionId, source = WireCode.Of(source) }, cancellationToken: ct))).ToLookup(v => v.ProtocolId);
        var where = Stations(units).ToDictionary(s => s.Station.Id);
        return rows.Select(r =>
        {
            var (station, region, district) = where[r.StationId];
            return new StationProtocol(region, district, station.Name,
                new Protocol(r.Registered, r.Issued, r.Valid, r.Invalid, votes[r.Id].Select(v => new ChoiceVotes(v.Choice, v.Votes)).ToList(), r.Against));
        }).ToList();
    }

    /// <summary>The protocols of one source summed up region &gt; district &gt; station.</summary>
    public async Task<TallyNode> TabulateAsync(long electionId, ProtocolSource source, CancellationToken ct = default) =>
        Tabulation.Tabulate(await ProtocolsAsync(electionId, source, ct));

    /// <summary>Our observers' tabulation against the official results, unit by unit, wherever the official figures exist.</summary>
    public async Task<IReadOnlyList<ResultDifference>> CompareWithOfficialAsync(long electionId, CancellationToken ct = default)
    {
        var ours = await TabulateAsync(electionId, ProtocolSource.Observer, ct);
        var official = Tabulation.Tabulate(await ProtocolsAsync(electionId, ProtocolSource.Official, ct));
        var ourStations = ours.Flatten().Where(n => n.Level == TallyLevel.Station).Select(n => n.Path).ToHashSet();
        // Station by station where both have it, and the total over those same stations only.
        var both = official.Flatten().Where(n => n.Level == TallyLevel.Station && ourStations.Contains(n.Path)).ToDictionary(n => n.Path, n => n.Totals);
        return Tabulation.Compare(ours, both);
    }

    /// <summary>The parallel vote tabulation from the observer protocols of the sampled stations.</summary>
    public async Task<PvtEstimate> ParallelVoteTabulationAsync(long electionId, CancellationToken ct = default)
    {
        var units = await UnitsAsync(electionId, ct);
        var sampled = Stations(units).Where(s => s.Station.InSample).Select(s => $"{s.Region} / {s.District} / {s.Station.Name}").ToHashSet();
        var protocols = (await ProtocolsAsync(electionId, ProtocolSource.Observer, ct))
            .Where(p => sampled.Contains($"{p.Region} / {p.District} / {p.Station}")).Select(p => p.Protocol).ToList();
        return ParallelVoteTabulation.Estimate(protocols, units.Count(u => u.Level == TallyLevel.Station));
    }

    /// <summary>Seats from the tabulated protocols of a source: parties in registration order, participants = ballots issued.</summary>
    public async Task<SeatOutcome> SeatsAsync(long electionId, ProtocolSource source, CancellationToken ct = default)
    {
        var election = await GetElectionAsync(electionId, ct);
        var totals = (await TabulateAsync(electionId, source, ct)).Totals;
        var parties = (await PartiesAsync(electionId, ct)).Select(p => new PartyVotes(p.Name, totals.VotesFor(p.Name))).ToList();
        return SeatAllocation.Allocate(parties, new SeatRules(election.Seats ?? 0, election.ThresholdPercent, election.ThresholdOf, totals.BallotsIssued));
    }

    // ---- observers -------------------------------------------------------------------------------------------------

    /// <summary>Accredits an observer at a station, within the election's limits.</summary>
    public Task<long> AccreditAsync(long stationId, Accreditation accreditation, string actor, long? personId = null, CancellationToken ct = default) =>
        WriteAsync(actor, "election-observer-accredit", async (c, tx) =>
        {
            var electionId = await StationElectionAsync(c, tx, stationId);
            var election = await GetElectionAsync(c, tx, electionId, ct);
            var existing = await c.QueryAsync<(string Observer, string Organisation, string? Represents)>(
                "SELECT observer, organisation, represents FROM observer_accreditations WHERE station_id = @stationId", new { stationId }, tx);
            var station = stationId.ToString(CultureInfo.InvariantCulture);
            Throw(ObserverRules.Check(accreditation with { Station = station }, existing.Select(e => new Accreditation(e.Observer, e.Organisation, station, e.Represents)),
                election.ObserverLimits));
            var id = await c.ExecuteScalarAsync<long>(
                """
                INSERT INTO observer_accreditations (election_id, station_id, observer, organisation, represents, person_id, accredited_at)
                VALUES (@electionId, @stationId, @Observer, @Organisation, @Represents, @personId, @at) RETURNING id
                """, new { electionId, stationId, accreditation.Observer, accreditation.Organisation, accreditation.Represents, personId, at = Clock.Stamp(DateTimeOffset.UtcNow) }, tx);
            return (id, $"station {stationId}");
        }, ct);

    public async Task<IReadOnlyList<Accreditation>> AccreditationsAsync(long electionId, CancellationToken ct = default)
    {
        await using var c = await Database.OpenAsync(ct);
        var rows = await c.QueryAsync<(string Observer, string Organisation, long StationId, string? Represents)>(new CommandDefinition(
            "SELECT observer, organisation, station_id, represents FROM observer_accreditations WHERE election_id = @electionId ORDER BY id", new { electionId }, cancellationToken: ct));
        return rows.Select(r => new Accreditation(r.Observer, r.Organisation, r.StationId.ToString(CultureInfo.InvariantCulture), r.Represents)).ToList();
    }

    /// <summary>
    /// Records a refusal, expulsion or detention of an observer. When the observer is a person in the registry, an
    /// expulsion becomes an "observer-expelled" event on them and a detention an "election-day-detention" event
    /// (which puts them in detention), in the same transaction.
    /// </summary>
    public Task<ObserverEvent> RecordObserverEventAsync(long electionId, long? stationId, string observer, ObserverEventKind kind, DateOnly day, string? description,
        string actor, long? personId = null, CancellationToken ct = default) =>
        SessionAsync(actor, "election-observer-event", async session =>
        {
            var e = await RecordObserverEventAsync(session, electionId, stationId, observer, kind, day, description, personId, ct);
            return (e, $"election {electionId}");
        }, ct);

    private static async Task<ObserverEvent> RecordObserverEventAsync(Session session, long electionId, long? stationId, string observer, ObserverEventKind kind, DateOnly day,
        string? description, long? personId, CancellationToken ct)
    {
        var (c, tx) = (session.Connection, session.Transaction);
        var election = await GetElectionAsync(c, tx, electionId, ct);
        var rules = new Rules().Required("observer", observer).MaxLength("observer", observer, 300).MaxLength("description", description, 20_000);
        string? stationName = null;
        if (stationId is { } sid)
        {
            var station = await c.QuerySingleOrDefaultAsync<(long ElectionId, string Level, string Name)>(
                "SELECT election_id, level, name FROM election_units WHERE id = @sid", new { sid }, tx);
            rules.When(station.Level != "station" || station.ElectionId != electionId, "stationId", "unit {0} is not a polling station of this election", sid);
            stationName = station.Name;
        }

        Throw(rules.Errors);
        long? eventId = null;
        var type = kind switch { ObserverEventKind.Detained => "election-day-detention", ObserverEventKind.Expelled => "observer-expelled", _ => null };
        if (personId is not null && type is not null)
        {
            // The event is as confidential as the person it is on: its description names them.
            var person = await session.GetAsync<Person>(personId.Value)
                ?? throw new ValidationException([new ValidationError("personId", $"there is no person {personId} in the registry")]);
            var created = await session.CreateAsync(new Event
            {
                Confidentiality = person.Confidentiality == Confidentiality.Public ? Confidentiality.Restricted : person.Confidentiality,
                Type = type,
                Date = FuzzyDate.OnDay(day.Year, day.Month, day.Day),
                Participants = [new Participant(ParticipantRole.Subject, PersonId: personId)],
                Description = $"Observer at {(stationName is null ? "" : $"polling station {stationName}, ")}{election.Name}" + (description is { Length: > 0 } ? $": {description}" : ""),
            });
            eventId = created.Id;
        }

        var id = await c.ExecuteScalarAsync<long>(
            """
            INSERT INTO observer_events (election_id, station_id, observer, kind, day, description, person_id, event_id)
            VALUES (@electionId, @stationId, @observer, @kind, @day, @description, @personId, @eventId) RETURNING id
            """, new { electionId, stationId, observer = observer.Trim(), kind = WireCode.Of(kind), day = Day(day), description, personId, eventId }, tx);
        return new ObserverEvent(id, stationId, observer.Trim(), kind, day, description, personId, eventId);
    }

    public async Task<IReadOnlyList<ObserverEvent>> ObserverEventsAsync(long electionId, CancellationToken ct = default)
    {
        await using var c = await Database.OpenAsync(ct);
        var rows = await c.QueryAsync<(long Id, long? StationId, string Observer, string Kind, string Day, string? Description, long? PersonId, long? EventId)>(new CommandDefinition(
            "SELECT id, station_id, observer, kind, day, description, person_id, event_id FROM observer_events WHERE election_id = @electionId ORDER BY day, id",
            new { electionId }, cancellationToken: ct));
        return rows.Select(r => new ObserverEvent(r.Id, r.StationId, r.Observer, WireCode.Parse<ObserverEventKind>(r.Kind), ParseDay(r.Day), r.Description, r.PersonId, r.EventId)).ToList();
    }

    // ---- forms and observations ------------------------------------------------------------------------------------

    public Task<long> AddFormAsync(long electionId, ObservationForm form, string actor, CancellationToken ct = default) =>
        WriteAsync(actor, "election-form-add", async (c, tx) =>
        {
            await GetElectionAsync(c, tx, electionId, ct);
            var rules = new Rules().Required("name", form.Name).When(form.Questions.Count == 0, "questions", "a form asks at least one question");
            foreach (var code in form.Questions.GroupBy(q => q.Code).Where(g => g.Count() > 1).Select(g => g.Key))
            {
                rules.Add("questions", "the code {0} is used twice", code);
            }

            foreach (var q in form.Questions.Where(q => string.IsNullOrWhiteSpace(q.Code) || string.IsNullOrWhiteSpace(q.Text)))
            {
                rules.Add("questions", "every question has a code and a text");
            }

            Throw(rules.Errors);
            var id = await c.ExecuteScalarAsync<long>(
                "INSERT INTO observation_forms (election_id, name, stage, questions) VALUES (@electionId, @Name, @stage, @questions) RETURNING id",
                new { electionId, form.Name, stage = WireCode.Of(form.Stage), questions = JsonSerializer.Serialize(form.Questions, Json) }, tx);
            return (id, $"election {electionId}");
        }, ct);

    public async Task<IReadOnlyList<(long Id, ObservationForm Form)>> FormsAsync(long electionId, CancellationToken ct = default)
    {
        await using var c = await Database.OpenAsync(ct);
        var rows = await c.QueryAsync<(long Id, string Name, string Stage, string Questions)>(new CommandDefinition(
            "SELECT id, name, stage, questions FROM observation_forms WHERE election_id = @electionId ORDER BY id", new { electionId }, cancellationToken: ct));
        return rows.Select(r => (r.Id, new ObservationForm(r.Name, WireCode.Parse<ObservationStage>(r.Stage),
            JsonSerializer.Deserialize<List<FormQuestion>>(r.Questions, Json)!))).ToList();
    }

    /// <summary>Records one filled form at a station; every question must be answered.</summary>
    public Task<long> RecordObservationAsync(long formId, long stationId, string observer, Assessment assessment, IReadOnlyDictionary<string, bool> answers, string actor,
        CancellationToken ct = default) =>
        WriteAsync(actor, "election-observation", async (c, tx) =>
        {
            var form = await c.QuerySingleOrDefaultAsync<(long ElectionId, string Name, string Stage, string Questions)>(
                "SELECT election_id, name, stage, questions FROM observation_forms WHERE id = @formId", new { formId }, tx);
            if (form.Name is null)
            {
                throw new NotFoundException($"observation form {formId} does not exist");
            }

            var stationElection = await StationElectionAsync(c, tx, stationId);
            var rules = new Rules().Required("observer", observer).When(stationElection != form.ElectionId, "stationId", "station {0} is not in the form's election", stationId);
            var checklist = new ObservationForm(form.Name, WireCode.Parse<ObservationStage>(form.Stage), JsonSerializer.Deserialize<List<FormQuestion>>(form.Questions, Json)!);
            Throw([.. rules.Errors, .. checklist.CheckAnswers(answers)]);
            var id = await c.ExecuteScalarAsync<long>(
                "INSERT INTO observations (form_id, station_id, observer, assessment, answers, observed_at) VALUES (@formId, @stationId, @observer, @assessment, @answers, @at) RETURNING id",
                new { formId, stationId, observer, assessment = WireCode.Of(assessment), answers = JsonSerializer.Serialize(answers, Json), at = Clock.Stamp(DateTimeOffset.UtcNow) }, tx);
            return (id, $"station {stationId}");
        }, ct);

    public async Task<IReadOnlyList<Observation>> ObservationsAsync(long electionId, CancellationToken ct = default)
    {
        await using var c = await Database.OpenAsync(ct);
        var units = await UnitsAsync(c, null, electionId, ct);
        var where = Stations(units).ToDictionary(s => s.Station.Id);
        var rows = await c.QueryAsync<(long StationId, string Stage, string Assessment, string Answers)>(new CommandDefinition(
            "SELECT o.station_id, f.stage, o.assessment, o.answers FROM observations o JOIN observation_forms f ON f.id = o.form_id WHERE f.election_id = @electionId ORDER BY o.id",
            new { electionId }, cancellationToken: ct));
        return rows.Select(r => new Observation(where[r.StationId].Region, where[r.StationId].Station.Name, WireCode.Parse<ObservationStage>(r.Stage),
            WireCode.Parse<Assessment>(r.Assessment), JsonSerializer.Deserialize<Dictionary<string, bool>>(r.Answers, Json)!)).ToList();
    }

    public async Task<IReadOnlyList<ObservedShare>> NegativeShareAsync(long electionId, ObservationStage stage, CancellationToken ct = default) =>
        ObservationFigures.NegativeShare(await ObservationsAsync(electionId, ct), stage);

    public async Task<Coverage> CoverageAsync(long electionId, CancellationToken ct = default)
    {
        var units = await UnitsAsync(electionId, ct);
        return ObservationFigures.CoverageOf(await ObservationsAsync(electionId, ct), Stations(units).Select(s => (s.Region, s.Station.Name)).ToList());
    }

    // ---- incidents -------------------------------------------------------------------------------------------------

    /// <summary>
    /// Reports an incident with its files (stored by SHA-256 in the file store). A detained observer named in the report
    /// is recorded as an observer event, and as an event on the person when they are in the registry.
    /// </summary>
    public Task<StoredIncident> ReportIncidentAsync(long electionId, IncidentReport report, string actor, FileStore files, CancellationToken ct = default) =>
        SessionAsync(actor, "election-incident", async session =>
        {
            var (c, tx) = (session.Connection, session.Transaction);
            await GetElectionAsync(c, tx, electionId, ct);
            Throw(new Rules().Required("kind", report.Kind).MaxLength("kind", report.Kind, 100).Required("description", report.Description)
                .MaxLength("description", report.Description, 20_000)
                .When(report.DetainedPersonId is not null && string.IsNullOrWhiteSpace(report.DetainedObserver), "detainedObserver", "name the detained observer").Errors);
            long? observerEventId = null;
            if (report.DetainedObserver is { Length: > 0 } detained)
            {
                observerEventId = (await RecordObserverEventAsync(session, electionId, report.StationId, detained, ObserverEventKind.Detained, report.Day,
                    report.Description, report.DetainedPersonId, ct)).Id;
            }
            else if (report.StationId is { } sid)
            {
                Throw(new Rules().When(await StationElectionAsync(c, tx, sid) != electionId, "stationId", "station {0} is not in this election", sid).Errors);
            }

            var id = await c.ExecuteScalarAsync<long>(
                """
                INSERT INTO election_incidents (election_id, station_id, kind, day, description, observer_event_id, reported_by, reported_at)
                VALUES (@electionId, @StationId, @Kind, @day, @Description, @observerEventId, @actor, @at) RETURNING id
                """, new { electionId, report.StationId, report.Kind, day = Day(report.Day), report.Description, observerEventId, actor, at = Clock.Stamp(session.Now) }, tx);
            var stored = new List<IncidentFileRef>();
            foreach (var f in report.Files)
            {
                var file = await files.StoreAsync(session, f.Content, f.FileName, f.MediaType, ct);
                await c.ExecuteAsync(
                    "INSERT INTO election_incident_files (incident_id, sha256, file_name) VALUES (@id, @Sha256, @FileName) ON CONFLICT (incident_id, sha256) DO NOTHING",
                    new { id, file.Sha256, file.FileName }, tx);
                stored.Add(new IncidentFileRef(file.FileName, file.Sha256));
            }

            return (new StoredIncident(id, report.StationId, report.Kind, report.Day, report.Description, observerEventId, stored), $"election {electionId}");
        }, ct);

    public async Task<IReadOnlyList<StoredIncident>> IncidentsAsync(long electionId, CancellationToken ct = default)
    {
        await using var c = await Database.OpenAsync(ct);
        var rows = await c.QueryAsync<(long Id, long? StationId, string Kind, string Day, string Description, long? ObserverEventId)>(new CommandDefinition(
            "SELECT id, station_id, kind, day, description, observer_event_id FROM election_incidents WHERE election_id = @electionId ORDER BY day, id",
            new { electionId }, cancellationToken: ct));
        var filesOf = (await c.QueryAsync<(long IncidentId, string FileName, string Sha256)>(new CommandDefinition(
            "SELECT f.incident_id, f.file_name, f.sha256 FROM election_incident_files f JOIN election_incidents i ON i.id = f.incident_id WHERE i.election_id = @electionId ORDER BY f.file_name",
            new { electionId }, cancellationToken: ct))).ToLookup(f => f.IncidentId);
        return rows.Select(r => new StoredIncident(r.Id, r.StationId, r.Kind, ParseDay(r.Day), r.Description, r.ObserverEventId,
            filesOf[r.Id].Select(f => new IncidentFileRef(f.FileName, f.Sha256)).ToList())).ToList();
    }

    /// <summary>
    /// One file of one of this election's incidents, with its media type as stored: null when the incident is not in the
    /// election or has no such file (a hash alone never opens a stored file).
    /// </summary>
    public async Task<(IncidentFileRef File, string MediaType)?> IncidentFileAsync(long electionId, long incidentId, string sha256, CancellationToken ct = default)
    {
        await using var c = await Database.OpenAsync(ct);
        var row = await c.QuerySingleOrDefaultAsync<(string FileName, string Sha256, string? MediaType)>(new CommandDefinition(
            """
            SELECT f.file_name, f.sha256, s.media_type FROM election_incident_files f
            JOIN election_incidents i ON i.id = f.incident_id LEFT JOIN files s ON s.sha256 = f.sha256
            WHERE i.election_id = @electionId AND f.incident_id = @incidentId AND f.sha256 = @sha256
            """, new { electionId, incidentId, sha256 }, cancellationToken: ct));
        return row.Sha256 is null ? null : (new IncidentFileRef(row.FileName, row.Sha256), row.MediaType ?? "application/octet-stream");
    }

    // ---- plumbing --------------------------------------------------------------------------------------------------

    private static async Task<long> StationElectionAsync(DbConnection c, DbTransaction tx, long stationId)
    {
        var s = await c.QuerySingleOrDefaultAsync<(long ElectionId, string Level)>(
            "SELECT election_id, level FROM election_units WHERE id = @stationId", new { stationId }, tx);
        Throw(new Rules().When(s.Level != "station", "stationId", "unit {0} is not a polling station", stationId).Errors);
        return s.ElectionId;
    }

    /// <summary>One write: a transaction, the change, and its audit entry (action and target, never a value).</summary>
    private async Task<T> WriteAsync<T>(string actor, string action, Func<DbConnection, DbTransaction, Task<(T Result, string Target)>> write, CancellationToken ct)
    {
        await using var c = await Database.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var (result, target) = await write(c, tx);
        await AuditLog.AppendAsync(c, tx, Database.Provider, actor, action, target, null, DateTimeOffset.UtcNow);
        await tx.CommitAsync(ct);
        return result;
    }

    /// <summary>A write that may also create registry records (events on people), through a <see cref="Session"/>.</summary>
    private async Task<T> SessionAsync<T>(string actor, string action, Func<Session, Task<(T Result, string Target)>> write, CancellationToken ct)
    {
        await using var session = await Session.BeginAsync(Database, actor, ct);
        var (result, target) = await write(session);
        await AuditLog.AppendAsync(session.Connection, session.Transaction, Database.Provider, actor, action, target, null, session.Now);
        await session.CommitAsync(ct);
        return result;
    }

    private static void Throw(IReadOnlyList<ValidationError> errors)
    {
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
    }

    private static int? Flag(bool? value) => value is { } v ? (v ? 1 : 0) : null;

    private static bool? ToFlag(long? value) => value is { } v ? v != 0 : null;

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly ParseDay(string day) => DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? ParseDayOrNull(string? day) => day is null ? null : ParseDay(day);
}
