namespace Kuager.Core;

public enum CaseKind
{
    Asylum,
    Criminal,
    Administrative,
    Deportation,
    Other,
}

public enum CaseStatus
{
    Open,
    Closed,
}

public enum CasePartyRole
{
    Applicant,
    Defendant,
    Plaintiff,
    Victim,
    Witness,
    Authority,
    Other,
}

public enum DeadlineKind
{
    StatusValidUntil,
    AppealDue,
    Hearing,
    Filing,
    Other,
}

public sealed record CaseParty(CasePartyRole Role, long? PersonId = null, long? OrganizationId = null);

public sealed record Hearing(DateOnly Date, string? Description = null, long? PlaceId = null);

public sealed record Deadline(DateOnly Due, DeadlineKind Kind, string? Description = null);

/// <summary>A legal matter: asylum application, criminal or administrative case, deportation.</summary>
public sealed record Case : IRecord
{
    public long Id { get; init; }

    public int Version { get; init; }

    public required string Title { get; init; }

    public CaseKind Kind { get; init; } = CaseKind.Other;

    /// <summary>The court's or authority's own reference.</summary>
    public string? Number { get; init; }

    public CaseStatus Status { get; init; } = CaseStatus.Open;

    public IReadOnlyList<CaseParty> Parties { get; init; } = [];

    public long? LawyerPersonId { get; init; }

    public long? CourtOrganizationId { get; init; }

    public IReadOnlyList<Hearing> Hearings { get; init; } = [];

    public IReadOnlyList<Deadline> Deadlines { get; init; } = [];

    public string? Outcome { get; init; }

    public string? Notes { get; init; }

    public Confidentiality Confidentiality { get; init; } = Confidentiality.Restricted;

    /// <summary>Fields of this record marked confidential (JSON names): encrypted at rest and shown only to editors.</summary>
    public IReadOnlyList<string> ConfidentialFields { get; init; } = [];

    /// <summary>The earliest deadline or hearing on or after a day, for "upcoming deadlines".</summary>
    public DateOnly? NextDue(DateOnly from) =>
        Deadlines.Select(d => d.Due).Concat(Hearings.Select(h => h.Date)).Where(d => d >= from).Order().Cast<DateOnly?>().FirstOrDefault();

    public IReadOnlyList<ValidationError> Validate()
    {
        if (Parties is null || Hearings is null || Deadlines is null || Parties.Any(p => p is null))
        {
            return [new ValidationError(Parties is null || Parties.Any(p => p is null) ? "parties" : Hearings is null ? "hearings" : "deadlines", "cannot be null")];
        }

        var rules = new Rules()
            .Required("title", Title)
            .MaxLength("title", Title, 300)
            .MaxLength("number", Number, 100)
            .Positive("lawyerPersonId", LawyerPersonId)
            .Positive("courtOrganizationId", CourtOrganizationId)
            .MaxLength("outcome", Outcome, 5_000)
            .MaxLength("notes", Notes, 20_000)
            .When(Status == CaseStatus.Closed && string.IsNullOrWhiteSpace(Outcome), "outcome", "a closed case needs its outcome");
        for (var i = 0; i < Parties.Count; i++)
        {
            rules.When((Parties[i].PersonId is null) == (Parties[i].OrganizationId is null), $"parties[{i}]", "names either a person or an organisation")
                .Positive($"parties[{i}].personId", Parties[i].PersonId)
                .Positive($"parties[{i}].organizationId", Parties[i].OrganizationId);
        }

        return rules.Confidential(RecordKind.Case, ConfidentialFields).Errors;
    }
}
