using System.Globalization;
using System.Text.Json;
using Dapper;
using Kuager.Core;

namespace Kuager.Storage.Ingestion;

/// <summary>One proposal as a reviewer sees it.</summary>
public sealed record IngestProposal(
    long Id, long SourceId, string Kind, string Label, string Detail, string Sentence, long? MatchedPersonId, string Status,
    string? RecordKind, long? RecordId);

/// <summary>
/// The review queue of ingestion proposals: a person accepts (a person proposal creates the person, or cites the
/// registry person it matched; an event proposal creates the event with its people, date and particulars; an
/// organisation proposal creates the organisation; each with a citation of the source at the evidence level its kind
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
            "organization" => ("organization", (await session.CreateAsync(new Organization { Name = p.Label, Kind = OrganizationKind.Other })).Id),
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

        await CiteAsync(session, p, RecordKind.Person, personId.Value, level);
        return personId.Value;
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
        var created = await session.CreateAsync(new Event
        {
            Confidentiality = confidentiality,
            Type = p.Label,
            Date = date,
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
