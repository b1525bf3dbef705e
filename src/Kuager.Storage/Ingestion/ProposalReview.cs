using System.Globalization;
using System.Text.Json;
using Dapper;
using Kuager.Core;
using Kuager.Ingestion;

namespace Kuager.Storage.Ingestion;

/// <summary>One proposal as a reviewer sees it.</summary>
public sealed record IngestProposal(
    long Id, long SourceId, string Kind, string Label, string Detail, string Sentence, long? MatchedPersonId, string Status,
    string? RecordKind, long? RecordId)
{
    /// <summary>The gazetteer place of a place proposal, or the place an event's sentence names: its path ("Kazakhstan > Almaty"); else null.</summary>
    public string? PlacePath
    {
        get
        {
            if (Kind is not ("place" or "event"))
                return null;
            using var detail = JsonDocument.Parse(Detail);
            string? Read(string name) => detail.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            return Kind == "place" ? Read("path") : Read("placePath") ?? Read("place");
        }
    }
}

/// <summary>
/// The review queue of ingestion proposals: a person accepts (a person proposal creates the person, or cites the
/// registry person it matched, adding the article's spellings to its names; an event proposal creates the event with
/// its people, date, place and particulars; an organisation proposal creates the organisation or cites the one of the
/// same name; a place proposal finds or creates the registry place under its gazetteer parents; each with a citation of the source at the evidence level its kind
/// implies, quoting the sentence), edits the name or type before accepting, or rejects. Each decision is one
/// transaction with its revisions and audit entries.
/// </summary>
public sealed class ProposalReview(Database database)
{
    public const string Proposed = "proposed";
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";

    /// <summary>The evidence a source of this kind gives (domain.md, "Evidence"): press is second-hand, a testimony a relative's unless known to be first-person.</summary>
    public static EvidenceLevel LevelOf(SourceKind kind) => kind switch
    {
        SourceKind.News or SourceKind.SocialMedia => EvidenceLevel.SecondHand,
        SourceKind.Testimony => EvidenceLevel.RelativeTestimony,
        SourceKind.OfficialDocument or SourceKind.CourtRecord => EvidenceLevel.Documented,
        _ => EvidenceLevel.Unverified,
    };

    public async Task<IReadOnlyList<IngestProposal>> ListAsync(string status = Proposed, long? sourceId = null, int limit = 200, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<IngestProposal>(
            """
            SELECT p.id, p.source_id AS SourceId, p.kind, p.label, p.detail, p.sentence, p.matched_person_id AS MatchedPersonId, p.status,
                   p.record_kind AS RecordKind, p.record_id AS RecordId
            FROM ingest_proposals p JOIN sources s ON s.id = p.source_id AND s.deleted_at IS NULL
            WHERE p.status = @status AND (@sourceId IS NULL OR p.source_id = @sourceId)
            ORDER BY p.id LIMIT @limit
            """,
            new { status, sourceId, limit = Math.Clamp(limit, 1, 1000) });
        return rows.ToList();
    }

    /// <summary>Changes a proposal's name or event type before it is accepted.</summary>
    public async Task<IngestProposal> EditAsync(long id, string label, string actor, CancellationToken ct = default)
    {
        var clean = label?.Trim() ?? string.Empty;
        await using var session = await Session.BeginAsync(database, actor, ct);
        var proposal = await OpenAsync(session, id);
        var errors = new List<ValidationError>();
        if (clean.Length is 0 or > 300)
            errors.Add(new ValidationError("label", "the name or type is required (at most 300 characters)"));
        else if (proposal.Kind == "event" && !EventType.IsValidCode(clean))
            errors.Add(new ValidationError("label", $"\"{clean}\" is not an event type code (lower-case letters, digits and hyphens)"));
        if (errors.Count > 0)
            throw new ValidationException(errors);
        await session.Connection.ExecuteAsync("UPDATE ingest_proposals SET label = @clean WHERE id = @id", new { clean, id }, session.Transaction);
        await AuditLog.AppendAsync(session.Connection, session.Transaction, database.Provider, actor, "update", $"ingest_proposal {id}", "label", session.Now);
        await session.CommitAsync(ct);
        return proposal with { Label = clean };
    }

    public async Task RejectAsync(long id, string actor, CancellationToken ct = default)
    {
        await using var session = await Session.BeginAsync(database, actor, ct);
        await OpenAsync(session, id);
        await DecideAsync(session, id, Rejected, null, null);
        await AuditLog.AppendAsync(session.Connection, session.Transaction, database.Provider, actor, "reject", $"ingest_proposal {id}", null, session.Now);
        await session.CommitAsync(ct);
    }

    /// <summary>Accepts proposals in one transaction (a batch accept); on any failure none is accepted.</summary>
    public async Task<IReadOnlyList<IngestProposal>> AcceptAsync(IReadOnlyList<long> ids, string actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        await using var session = await Session.BeginAsync(database, actor, ct);
        var accepted = new List<IngestProposal>();
        foreach (var id in ids.Distinct())
            accepted.Add(await AcceptOneAsync(session, await OpenAsync(session, id, allowAccepted: true)));
        await session.CommitAsync(ct);
        return accepted;
    }

    private static async Task<IngestProposal> OpenAsync(Session session, long id, bool allowAccepted = false)
    {
        var proposal = await session.Connection.QuerySingleOrDefaultAsync<IngestProposal>(
            """
            SELECT id, source_id AS SourceId, kind, label, detail, sentence, matched_person_id AS MatchedPersonId, status,
                   record_kind AS RecordKind, record_id AS RecordId
            FROM ingest_proposals WHERE id = @id
            """, new { id }, session.Transaction)
            ?? throw new NotFoundException($"there is no ingestion proposal {id}");
        if (proposal.Status == Rejected || (proposal.Status == Accepted && !allowAccepted))
            throw new RevisionConflictException($"ingestion proposal {id} is already {proposal.Status}");
        return proposal;
    }

    private static Task DecideAsync(Session session, long id, string status, string? recordKind, long? recordId) =>
        session.Connection.ExecuteAsync(
            "UPDATE ingest_proposals SET status = @status, record_kind = @recordKind, record_id = @recordId, decided_by = @actor, decided_at = @at WHERE id = @id",
            new { status, recordKind, recordId, actor = session.Actor, at = Clock.Stamp(session.Now), id }, session.Transaction);

    private async Task<IngestProposal> AcceptOneAsync(Session session, IngestProposal p)
    {
        if (p.Status == Accepted)
            return p;
        var source = await session.GetAsync<Source>(p.SourceId) ?? throw new NotFoundException($"source {p.SourceId} of proposal {p.Id} is gone");
        // The evidence the user gave the text when it was ingested (a first-person testimony is 3), else its kind's.
        var given = await session.Connection.ExecuteScalarAsync<int?>(
            "SELECT evidence FROM ingest_articles WHERE source_id = @id", new { id = p.SourceId }, session.Transaction);
        var level = given is { } g && Enum.IsDefined((EvidenceLevel)g) ? (EvidenceLevel)g : LevelOf(source.Kind);
        // What a confidential text (a testimony) tells is confidential too until an editor decides otherwise.
        var confidentiality = source.Confidentiality == Confidentiality.Confidential ? Confidentiality.Confidential : Confidentiality.Restricted;
        (string? Kind, long? Id) record = p.Kind switch
        {
            "person" => ("person", await AcceptPersonAsync(session, p, level, confidentiality)),
            "event" => ("event", await AcceptEventAsync(session, p, level, confidentiality)),
            "organization" => ("organization", await AcceptOrganizationAsync(session, p)),
            "place" => ("place", await AcceptPlaceAsync(session, p)),
            _ => (null, null),
        };
        await DecideAsync(session, p.Id, Accepted, record.Kind, record.Id);
        return p with { Status = Accepted, RecordKind = record.Kind, RecordId = record.Id };
    }

    private static async Task<long> AcceptPersonAsync(Session session, IngestProposal p, EvidenceLevel level, Confidentiality confidentiality)
    {
        var personId = p.MatchedPersonId;
        if (personId is null)
        {
            var created = await session.CreateAsync(new Person
            {
                Confidentiality = confidentiality,
                ExternalId = string.Create(CultureInfo.InvariantCulture, $"ING-{p.SourceId}-{p.Id}"),
                Names = [PersonName.Detect(p.Label, NameKind.Primary)],
                Notes = $"Proposed by ingestion from source {p.SourceId}.",
            });
            personId = created.Id;
        }
        else
        {
            await AddSpellingsAsync(session, p, personId.Value);
        }

        await CiteAsync(session, p, RecordKind.Person, personId.Value, level);
        return personId.Value;
    }

    /// <summary>
    /// The article's spellings of a matched registry person become name variants of that person when it does not
    /// already have them (compared without letter case or spacing). A one-word later mention that is part of a longer
    /// one ("Kabdolov" beside "Yerlan Kabdolov") is a reference to the name, not a spelling of it.
    /// </summary>
    private static async Task AddSpellingsAsync(Session session, IngestProposal p, long personId)
    {
        using var detail = JsonDocument.Parse(p.Detail);
        // The spellings the extractor vouches for (not declined forms); proposals stored before it did: every mention.
        var mentions = (detail.RootElement.TryGetProperty("spellings", out var m) || detail.RootElement.TryGetProperty("mentions", out m)) && m.ValueKind == JsonValueKind.Array
            ? m.EnumerateArray().Select(e => e.GetString()).OfType<string>().ToList()
            : [];
        var spellings = mentions.Prepend(p.Label).Select(s => s.Trim()).Where(s => s.Length is > 0 and <= 200).ToList();
        spellings.RemoveAll(s => !s.Contains(' ', StringComparison.Ordinal)
            && spellings.Any(o => o != s && o.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(s, StringComparer.OrdinalIgnoreCase)));
        var person = await session.GetAsync<Person>(personId) ?? throw new NotFoundException($"person {personId} matched by proposal {p.Id} is gone");
        var known = person.Names.Select(n => Compact(n.Text)).ToHashSet(StringComparer.Ordinal);
        var added = new List<PersonName>();
        foreach (var spelling in spellings)
        {
            if (known.Add(Compact(spelling)))
                added.Add(PersonName.Detect(spelling, NameKind.Alias));
        }

        if (added.Count > 0)
            await session.UpdateAsync(person with { Names = [.. person.Names, .. added] });
    }

    /// <summary>A name without letter case or spacing: "Medeu  district court" and "Medeu District Court" are one.</summary>
    private static string Compact(string name) =>
        string.Concat(name.Where(c => !char.IsWhiteSpace(c))).ToLower(CultureInfo.InvariantCulture);

    /// <summary>An organisation already in the registry under the same name (any letter case or spacing) is cited, not created twice.</summary>
    private static async Task<long> AcceptOrganizationAsync(Session session, IngestProposal p)
    {
        var wanted = Compact(p.Label);
        var existing = await session.Connection.QueryAsync<(long Id, string Name)>(
            "SELECT id, name FROM organizations WHERE deleted_at IS NULL ORDER BY id", transaction: session.Transaction);
        foreach (var (id, name) in existing)
        {
            if (Compact(name) == wanted)
                return id;
        }

        return (await session.CreateAsync(new Organization { Name = p.Label, Kind = OrganizationKind.Other })).Id;
    }

    /// <summary>
    /// A place is the registry place at the gazetteer's path, created with its missing enclosing places when the
    /// registry lacks it. A name the reviewer changed to one the gazetteer does not know is refused: a place needs
    /// its parents, and only the gazetteer knows them.
    /// </summary>
    private static async Task<long> AcceptPlaceAsync(Session session, IngestProposal p)
    {
        using var detail = JsonDocument.Parse(p.Detail);
        var path = detail.RootElement.TryGetProperty("path", out var v) ? v.GetString() : null;
        var entry = path is not null && Gazetteer.Places.AtPath(path) is { } known && string.Equals(known.Name, p.Label, StringComparison.OrdinalIgnoreCase)
            ? known
            : Gazetteer.Places.Named(p.Label);
        if (entry is null)
            throw new ValidationException([new ValidationError("label", $"proposal {p.Id}: \"{p.Label}\" is not a place of the gazetteer; add it on the places page instead")]);
        return await GazetteerPlaces.FindOrCreateAsync(session, entry);
    }

    private async Task<long> AcceptEventAsync(Session session, IngestProposal p, EvidenceLevel level, Confidentiality confidentiality)
    {
        using var detail = JsonDocument.Parse(p.Detail);
        var root = detail.RootElement;
        var participants = new List<Participant>();
        foreach (var name in root.GetProperty("persons").EnumerateArray().Select(e => e.GetString()).OfType<string>())
        {
            // The people the event speaks of are accepted with it (created, or the registry person they matched).
            var personProposal = await session.Connection.QuerySingleOrDefaultAsync<long?>(
                "SELECT id FROM ingest_proposals WHERE source_id = @source AND kind = 'person' AND label = @name AND status <> @rejected",
                new { source = p.SourceId, name, rejected = Rejected }, session.Transaction);
            if (personProposal is null)
                continue;
            var accepted = await AcceptOneAsync(session, await OpenAsync(session, personProposal.Value, allowAccepted: true));
            if (accepted.RecordId is { } personId)
                participants.Add(new Participant(ParticipantRole.Subject, personId));
        }

        var particulars = root.GetProperty("particulars");
        string? Particular(string key) => particulars.TryGetProperty(key, out var v) ? v.GetString() : null;
        FuzzyDate? date = null;
        if (root.GetProperty("date").GetString() is { } canonical && FuzzyDate.TryParseCanonical(canonical, out var parsed, out _))
            date = parsed with { Text = root.TryGetProperty("dateText", out var t) ? t.GetString() : null };
        var days = Particular("days") is { } d ? int.Parse(d, CultureInfo.InvariantCulture)
            : Particular("years") is { } y ? int.Parse(y, CultureInfo.InvariantCulture) * 365
            : Particular("months") is { } m ? int.Parse(m, CultureInfo.InvariantCulture) * 30 : (int?)null;
        var placeId = await GazetteerPlaces.FindOrCreateAsync(session,
            root.TryGetProperty("placePath", out var pp) ? pp.GetString() : null, root.TryGetProperty("place", out var pn) ? pn.GetString() : null);
        var created = await session.CreateAsync(new Event
        {
            Confidentiality = confidentiality,
            Type = p.Label,
            Date = date,
            PlaceId = placeId,
            Participants = participants.DistinctBy(x => x.PersonId).ToList(),
            TermDays = days,
            Amount = Particular("amount") is { } a ? decimal.Parse(a, CultureInfo.InvariantCulture) : null,
            Currency = Particular("currency"),
            Description = p.Sentence.Length <= 2000 ? p.Sentence : p.Sentence[..2000],
        });
        await CiteAsync(session, p, RecordKind.Event, created.Id, level);
        return created.Id;
    }

    private static Task<Citation> CiteAsync(Session session, IngestProposal p, RecordKind kind, long id, EvidenceLevel level) =>
        session.CreateAsync(new Citation { SourceId = p.SourceId, TargetKind = kind, TargetId = id, Level = level, Quote = p.Sentence.Length <= 2000 ? p.Sentence : p.Sentence[..2000] });
}
