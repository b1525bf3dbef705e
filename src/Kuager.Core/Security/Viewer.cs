namespace Kuager.Core;

/// <summary>What a person may do in Kuager. Anonymous visitors have the <see cref="Visitor"/> role.</summary>
public enum Role
{
    Visitor,
    Researcher,
    Editor,
    Admin,
}

/// <summary>
/// Who is reading: everything shown is filtered through this. Visitors see public records; researchers also
/// restricted ones but no confidential record or field; editors and admins see everything, and their reads of
/// confidential data are audited.
/// </summary>
public sealed record Viewer(string? UserName, Role Role)
{
    public static Viewer Anonymous { get; } = new(null, Role.Visitor);

    /// <summary>The operator at the command line, who holds the database and its key.</summary>
    public static Viewer Operator(string name) => new(name, Role.Admin);

    public bool IsSignedIn => UserName is not null;

    /// <summary>The most sensitive record level this viewer may see.</summary>
    public Confidentiality Clearance => Role switch
    {
        Role.Visitor => Confidentiality.Public,
        Role.Researcher => Confidentiality.Restricted,
        _ => Confidentiality.Confidential,
    };

    public bool Sees(Confidentiality level) => level <= Clearance;

    /// <summary>Whether fields marked confidential (and reporters' and witnesses' contact details) are shown.</summary>
    public bool SeesConfidentialFields => Role >= Role.Editor;

    public bool CanEdit => Role >= Role.Editor;

    public bool IsAdmin => Role == Role.Admin;

    /// <summary>Counts shown to visitors are rounded away below this: "fewer than 5".</summary>
    public const int SmallCount = 5;

    /// <summary>Whether small counts must be hidden from this viewer (anonymous visitors see only aggregates).</summary>
    public bool HidesSmallCounts => Role == Role.Visitor;

    /// <summary>The wire codes of the record levels this viewer may see, for SQL filters.</summary>
    public IReadOnlyList<string> VisibleLevels => Clearance switch
    {
        Confidentiality.Public => ["public"],
        Confidentiality.Restricted => ["public", "restricted"],
        _ => ["public", "restricted", "confidential"],
    };

    /// <summary>The name written in audit entries and revisions.</summary>
    public string Actor => UserName ?? "anonymous";
}
