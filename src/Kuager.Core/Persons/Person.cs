using Kuager.Names;

namespace Kuager.Core;

public enum Gender
{
    Unknown,
    Male,
    Female,
}

public enum NameKind
{
    Primary,
    Alias,
    Birth,
    Patronymic,
    OfficialChinese,
}

/// <summary>One written form of a person's name, in the script it was written in.</summary>
public sealed record PersonName(string Text, Script Script, NameKind Kind)
{
    /// <summary>A name whose script is detected from its letters.</summary>
    public static PersonName Detect(string text, NameKind kind = NameKind.Alias)
    {
        var normalized = NameText.Normalize(text);
        return new PersonName(normalized, ScriptDetector.Detect(normalized), kind);
    }
}

/// <summary>An identifier the person has in another system (a victims' database entry, a passport, a court file).</summary>
public sealed record OtherId(string System, string Value);

public sealed record Person : IRecord
{
    public long Id { get; init; }

    public int Version { get; init; }

    /// <summary>The group's own stable key for the person, unique; imports match on it.</summary>
    public required string ExternalId { get; init; }

    /// <summary>All the names; exactly one is primary and it comes first.</summary>
    public required IReadOnlyList<PersonName> Names { get; init; }

    public Gender Gender { get; init; }

    public FuzzyDate? BirthDate { get; init; }

    public string? Ethnicity { get; init; }

    public IReadOnlyList<string> Citizenships { get; init; } = [];

    public long? HometownId { get; init; }

    public string? Occupation { get; init; }

    public string? Notes { get; init; }

    public IReadOnlyList<OtherId> OtherIds { get; init; } = [];

    /// <summary>
    /// Status as a report stated it (e.g. an import's status column). Events, when there are any, take precedence:
    /// the current status is computed, see <see cref="StatusTimeline"/>.
    /// </summary>
    public PersonStatus ReportedStatus { get; init; }

    /// <summary>Who reported the person (a relative, a witness): always confidential, encrypted at rest.</summary>
    public string? Reporter { get; init; }

    /// <summary>How to reach the reporter (phone, messenger, address): always confidential, encrypted at rest.</summary>
    public string? ReporterContact { get; init; }

    public Confidentiality Confidentiality { get; init; } = Confidentiality.Restricted;

    /// <summary>Fields of this record marked confidential (JSON names): encrypted at rest and shown only to editors.</summary>
    public IReadOnlyList<string> ConfidentialFields { get; init; } = [];

    [System.Text.Json.Serialization.JsonIgnore]
    public PersonName PrimaryName => Names.FirstOrDefault(n => n.Kind == NameKind.Primary) ?? (Names.Count > 0 ? Names[0] : new PersonName("", Script.English, NameKind.Primary));

    [System.Text.Json.Serialization.JsonIgnore]
    public int? BirthYear => BirthDate?.Precision is DatePrecision.Day or DatePrecision.Month or DatePrecision.Season or DatePrecision.Year
        ? BirthDate.Start.Year
        : null;

    public IReadOnlyList<ValidationError> Validate()
    {
        // Records can arrive from JSON with nulls where the type says there are none: refuse them as input errors.
        if (Names is null || Names.Any(n => n?.Text is null) || Citizenships is null || Citizenships.Any(c => c is null) || OtherIds is null)
        {
            return [new ValidationError(Names is null || Names.Any(n => n?.Text is null) ? "names" : Citizenships is null || Citizenships.Any(c => c is null) ? "citizenships" : "otherIds",
                "cannot be null")];
        }

        var rules = new Rules()
            .Required("externalId", ExternalId)
            .MaxLength("externalId", ExternalId, 100)
            .When(Names.Count == 0, "names", "at least one name is required")
            .When(Names.Count(n => n.Kind == NameKind.Primary) > 1, "names", "only one name can be primary")
            .MaxLength("ethnicity", Ethnicity, 100)
            .MaxLength("occupation", Occupation, 200)
            .MaxLength("notes", Notes, 20_000)
            .MaxLength("reporter", Reporter, 300)
            .MaxLength("reporterContact", ReporterContact, 1_000)
            .Positive("hometownId", HometownId);
        for (var i = 0; i < Names.Count; i++)
        {
            rules.When(string.IsNullOrWhiteSpace(Names[i].Text), $"names[{i}]", "a name cannot be empty")
                .MaxLength($"names[{i}]", Names[i].Text, 300)
                .When(Names[i].Text.Contains('|'), $"names[{i}]", "a name cannot contain '|' (it separates names in imports)");
        }

        foreach (var group in Names.GroupBy(n => (n.Text, n.Script)).Where(g => g.Count() > 1))
        {
            rules.Add("names", "\"{0}\" is listed twice", group.Key.Text);
        }

        foreach (var c in Citizenships)
        {
            rules.When(string.IsNullOrWhiteSpace(c), "citizenships", "a citizenship cannot be empty").MaxLength("citizenships", c, 100);
        }

        if (BirthDate is not null)
        {
            rules.When(BirthDate.Start.Year < 1900 || BirthDate.End > DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1), "birthDate",
                "{0} is not a plausible birth date", BirthDate.ToCanonical());
        }

        foreach (var id in OtherIds)
        {
            rules.Required("otherIds", id.System).Required("otherIds", id.Value);
        }

        return rules.Confidential(RecordKind.Person, ConfidentialFields).Errors;
    }

    /// <summary>Puts the primary name first and marks the first name primary when none is, so stored persons have one shape.</summary>
    public Person Normalized()
    {
        if (Names.Count == 0)
        {
            return this;
        }

        var names = Names.Select(n => n with { Text = NameText.Normalize(n.Text) }).ToList();
        var primary = names.FindIndex(n => n.Kind == NameKind.Primary);
        if (primary < 0)
        {
            names[0] = names[0] with { Kind = NameKind.Primary };
            primary = 0;
        }

        var first = names[primary];
        names.RemoveAt(primary);
        names.Insert(0, first);
        return this with
        {
            Names = names,
            Ethnicity = Blank(Ethnicity),
            Occupation = Blank(Occupation),
            Notes = Blank(Notes),
            Reporter = Blank(Reporter),
            ReporterContact = Blank(ReporterContact),
            ConfidentialFields = ConfidentialFields.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(),
            Citizenships = Citizenships.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToArray(),
        };
    }

    internal static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
