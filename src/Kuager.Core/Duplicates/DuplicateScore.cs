namespace Kuager.Core;

/// <summary>The reasons a pair is proposed, as they travel in JSON ("reasons": ["name", "birth_year", ...]).</summary>
public static class DuplicateReasons
{
    public const string Name = "name";
    public const string BirthYear = "birth_year";
    public const string Gender = "gender";
    public const string Ethnicity = "ethnicity";
    public const string Hometown = "hometown";
    public const string Relative = "relative";
    public const string Source = "source";

    public static IReadOnlyList<string> All { get; } = [Name, BirthYear, Gender, Ethnicity, Hometown, Relative, Source];
}

/// <summary>How one kind of evidence reads for a pair.</summary>
public enum EvidenceVerdict
{
    /// <summary>One side or both do not say.</summary>
    Unknown,
    Agrees,

    /// <summary>Close but not the same (a birth year one apart, hometowns that share a county but not a village).</summary>
    Near,
    Differs,
}

/// <summary>One kind of evidence (a <see cref="DuplicateReasons"/> code), what it says, and how much it moved the score (+ for, - against).</summary>
public sealed record DuplicateEvidence(string Reason, EvidenceVerdict Verdict, double Weight);

/// <summary>How likely two records are the same person (0..1) and why: the reasons are the evidence that agrees, strongest first.</summary>
public sealed record DuplicateScore(double Score, IReadOnlyList<string> Reasons, IReadOnlyList<DuplicateEvidence> Evidence);

/// <summary>Two records that may be one person; A has the lower id.</summary>
public sealed record DuplicatePair(DuplicateProfile A, DuplicateProfile B, DuplicateScore Score);
