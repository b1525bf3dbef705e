using System.Globalization;
using Kuager.Core;
using Kuager.Names;

namespace Kuager.Storage;

/// <summary>A person as an import row describes them: the person (without ids) and the hometown path to resolve.</summary>
public sealed record PersonDraft(int Row, Person Person, IReadOnlyList<string>? HometownPath, ImportRow Source);

/// <summary>
/// The columns of the person import and export contract, and how a row's text becomes a person. One place, so
/// import, export and their round trip agree on every field.
/// </summary>
public static class PersonColumns
{
    public const string ExternalId = "external_id";
    public const string Name = "name";
    public const string Names = "names";
    public const string Gender = "gender";
    public const string BirthYear = "birth_year";
    public const string Ethnicity = "ethnicity";
    public const string Citizenship = "citizenship";
    public const string Hometown = "hometown";
    public const string Status = "status";
    public const string Notes = "notes";
    public const string Confidentiality = "confidentiality";

    /// <summary>Who reported the person; confidential, encrypted at rest.</summary>
    public const string Reporter = "reporter";

    /// <summary>How to reach the reporter; confidential, encrypted at rest.</summary>
    public const string ReporterContact = "reporter_contact";

    /// <summary>In the order export writes them.</summary>
    public static IReadOnlyList<string> All { get; } =
        [ExternalId, Name, Names, Gender, BirthYear, Ethnicity, Citizenship, Hometown, Status, Notes, Confidentiality, Reporter, ReporterContact];

    public static IReadOnlyList<string> Required { get; } = [ExternalId, Name];

    /// <summary>Problems with the set of columns: unknown, missing or repeated ones (all reported at row 1).</summary>
    public static IEnumerable<ImportError> CheckHeader(IReadOnlyList<string> header, int row = 1)
    {
        foreach (var column in header.Where(h => !All.Contains(h)).Distinct())
        {
            yield return column.Length == 0
                ? new ImportError(row, column, "a column has no name (is there a comma at the end of the header?)")
                : new ImportError(row, column, $"unknown column \"{column}\"; the known columns are {string.Join(", ", All)}");
        }

        foreach (var column in header.GroupBy(h => h).Where(g => g.Count() > 1))
        {
            yield return new ImportError(row, column.Key, "the column appears twice");
        }

        foreach (var column in Required.Where(r => !header.Contains(r)))
        {
            yield return new ImportError(row, column, "required column is missing");
        }
    }

    /// <summary>Reads one row; errors name the row and column. Returns null when the row has errors.</summary>
    public static PersonDraft? Parse(ImportRow row, Core.Confidentiality defaultConfidentiality, List<ImportError> errors)
    {
        var before = errors.Count;
        void Error(string column, string message) => errors.Add(new ImportError(row.Row, column, message));

        var externalId = row[ExternalId];
        if (externalId is null)
        {
            Error(ExternalId, "is required");
        }
        else if (externalId.Length > 100)
        {
            Error(ExternalId, "is longer than 100 characters");
        }

        var names = new List<PersonName>();
        var primary = row[Name];
        if (primary is null)
        {
            Error(Name, "is required");
        }
        else if (ParseName(primary, NameKind.Primary, out var error) is { } name)
        {
            names.Add(name);
        }
        else
        {
            Error(Name, error!);
        }

        var others = row.NamesList ?? (row[Names] is { } joined ? joined.Split('|') : []);
        foreach (var text in others.Select(n => n.Trim()).Where(n => n.Length > 0))
        {
            if (ParseName(text, NameKind.Alias, out var error) is { } name)
            {
                if (!names.Any(n => n.Text == name.Text && n.Script == name.Script))
                {
                    names.Add(name);
                }
            }
            else
            {
                Error(Names, error!);
            }
        }

        var gender = Core.Gender.Unknown;
        switch (row[Gender]?.ToLowerInvariant())
        {
            case null or "unknown" or "u": break;
            case "m" or "male": gender = Core.Gender.Male; break;
            case "f" or "female": gender = Core.Gender.Female; break;
            case var other: Error(Gender, $"\"{other}\" is not a gender; use m, f or unknown"); break;
        }

        FuzzyDate? birth = null;
        if (row[BirthYear] is { } year)
        {
            var thisYear = DateTime.UtcNow.Year;
            if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y))
            {
                Error(BirthYear, $"\"{year}\" is not a year; write four digits, e.g. 1975");
            }
            else if (y < 1900 || y > thisYear)
            {
                Error(BirthYear, $"{y} is not a plausible birth year (1900 to {thisYear})");
            }
            else
            {
                birth = FuzzyDate.InYear(y);
            }
        }

        IReadOnlyList<string>? hometown = null;
        if (row[Hometown] is { } path)
        {
            if (Place.TryParsePath(path, out var levels, out var error))
            {
                hometown = levels;
            }
            else
            {
                Error(Hometown, error!);
            }
        }

        var status = PersonStatus.Unknown;
        if (row[Status] is { } s && !WireCode.TryParse(s, out status))
        {
            Error(Status, $"\"{s}\" is not a status; use one of {WireCode.Choices<PersonStatus>()}");
        }

        var confidentiality = defaultConfidentiality;
        if (row[Confidentiality] is { } c && !WireCode.TryParse(c, out confidentiality))
        {
            Error(Confidentiality, $"\"{c}\" is not a confidentiality level; use {WireCode.Choices<Core.Confidentiality>()}");
        }

        if (errors.Count > before)
        {
            return null;
        }

        var person = new Person
        {
            ExternalId = externalId!,
            Names = names,
            Gender = gender,
            BirthDate = birth,
            Ethnicity = row[Ethnicity],
            Citizenships = row[Citizenship]?.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [],
            Notes = row[Notes],
            Reporter = row[Reporter],
            ReporterContact = row[ReporterContact],
            ReportedStatus = status,
            Confidentiality = confidentiality,
        }.Normalized();
        foreach (var e in person.Validate())
        {
            Error(ColumnOf(e.Field), e.Message);
        }

        return errors.Count > before ? null : new PersonDraft(row.Row, person, hometown, row);
    }

    /// <summary>"kk-Cyrl:Құнболат", "kk-Cyrl/patronymic:Құнболатұлы" or just "Құнболат" (script detected).</summary>
    public static PersonName? ParseName(string text, NameKind kind, out string? error)
    {
        error = null;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0)
        {
            var prefix = text[..colon].Split('/');
            if (Scripts.TryParse(prefix[0], out var script))
            {
                var value = NameText.Normalize(text[(colon + 1)..]);
                if (prefix.Length == 2 && !WireCode.TryParse(prefix[1], out kind))
                {
                    error = $"\"{prefix[1]}\" is not a kind of name; use {WireCode.Choices<NameKind>()}";
                    return null;
                }

                if (value.Length == 0)
                {
                    error = $"\"{text}\" has a script but no name";
                    return null;
                }

                return new PersonName(value, script, kind);
            }
        }

        return PersonName.Detect(text, kind);
    }

    /// <summary>The inverse of <see cref="ParseName"/>: the prefix is written only when detection would not give the same.</summary>
    public static string FormatName(PersonName name, bool isPrimaryColumn)
    {
        var kindPart = isPrimaryColumn || name.Kind == NameKind.Alias ? "" : "/" + WireCode.Of(name.Kind);
        var detected = ScriptDetector.Detect(name.Text) == name.Script;
        return detected && kindPart.Length == 0 && !LooksPrefixed(name.Text) ? name.Text : $"{name.Script.Code()}{kindPart}:{name.Text}";
    }

    public static string? FormatGender(Core.Gender gender) => gender switch
    {
        Core.Gender.Male => "m",
        Core.Gender.Female => "f",
        _ => "unknown",
    };

    private static bool LooksPrefixed(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && Scripts.TryParse(text[..colon].Split('/')[0], out _);
    }

    private static string ColumnOf(string field) => field switch
    {
        "externalId" => ExternalId,
        "names" or "names[0]" => Name,
        var f when f.StartsWith("names", StringComparison.Ordinal) => Names,
        "birthDate" => BirthYear,
        "citizenships" => Citizenship,
        "hometownId" => Hometown,
        "reporterContact" => ReporterContact,
        _ => field,
    };
}
