using System.Globalization;
using Dapper;
using Kuager.Core;
using Kuager.Names;
using Kuager.Storage;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Kuager.Web.Features.Persons;

public sealed class NameInput
{
    public string? Text { get; set; }

    /// <summary>A script code ("kk-Cyrl"), or "detect" to read it from the letters.</summary>
    public string Script { get; set; } = PersonForm.Detect;

    public string Kind { get; set; } = "alias";
}

/// <summary>The create and edit form of a person, as typed: parsed and checked by <see cref="PersonForm"/>.</summary>
public sealed class PersonInput
{
    /// <summary>The version the edit is based on; a stale one is refused with the conflict panel.</summary>
    public int Version { get; set; }

    public List<NameInput> Names { get; set; } = [];

    public string Gender { get; set; } = "unknown";

    /// <summary>A canonical fuzzy date ("1979", "1979-spring") or words ("spring 1979", "в 1979 году").</summary>
    public string? BirthDate { get; set; }

    public string? Ethnicity { get; set; }

    /// <summary>Comma separated: "PRC, Kazakhstan".</summary>
    public string? Citizenships { get; set; }

    /// <summary>A place path, "China > Xinjiang > Ili", or one place name when it is unique.</summary>
    public string? Hometown { get; set; }

    public string? Occupation { get; set; }

    public string? Notes { get; set; }

    /// <summary>The record's level; the create page starts it at the instance's default.</summary>
    public string Confidentiality { get; set; } = "restricted";

    public string? ExternalId { get; set; }

    /// <summary>Who reported the person (always confidential: encrypted, shown to editors only).</summary>
    public string? Reporter { get; set; }

    /// <summary>How to reach the reporter (always confidential).</summary>
    public string? ReporterContact { get; set; }

    /// <summary>The fields ticked "confidential" (JSON names, from <see cref="Core.ConfidentialFields.Markable"/>).</summary>
    public List<string> ConfidentialFields { get; set; } = [];

    /// <summary>Whether the form ticks this field confidential.</summary>
    public bool Marks(string field) => ConfidentialFields.Contains(field, StringComparer.Ordinal);

    /// <summary>An empty form for a new person at the instance's default level.</summary>
    public static PersonInput New(Confidentiality level) => new()
    {
        Names = [new NameInput { Kind = "primary" }],
        Confidentiality = WireCode.Of(level),
    };

    public static PersonInput From(Person p, string? hometownPath) => new()
    {
        Version = p.Version,
        Names = p.Names.Select(n => new NameInput { Text = n.Text, Script = n.Script.Code(), Kind = WireCode.Of(n.Kind) }).ToList(),
        Gender = WireCode.Of(p.Gender),
        BirthDate = PersonForm.Shown(p.BirthDate),
        Ethnicity = p.Ethnicity,
        Citizenships = string.Join(", ", p.Citizenships),
        Hometown = hometownPath,
        Occupation = p.Occupation,
        Notes = p.Notes,
        Confidentiality = WireCode.Of(p.Confidentiality),
        ExternalId = p.ExternalId,
        Reporter = p.Reporter,
        ReporterContact = p.ReporterContact,
        ConfidentialFields = [.. p.ConfidentialFields],
    };

    /// <summary>Empty name rows to type into, so more names can be added without script.</summary>
    public PersonInput WithEmptyNameRows()
    {
        if (Names.Count == 0)
        {
            Names.Add(new NameInput { Kind = "primary" });
        }

        var empty = Names.Count(n => string.IsNullOrWhiteSpace(n.Text));
        while (empty < 3 || Names.Count < 4)
        {
            Names.Add(new NameInput());
            empty++;
        }

        return this;
    }
}

/// <summary>Turns the typed form into a person: dates and places resolved, errors put beside their fields.</summary>
public static class PersonForm
{
    public const string Detect = "detect";
    public const string Prefix = "Input";

    /// <summary>The birth date as the form shows it: the source's words when there are any, else the canonical form.</summary>
    public static string? Shown(FuzzyDate? date) => date is null ? null : date.Text ?? date.ToCanonical();

    public static async Task<Person?> ToPersonAsync(PersonInput input, Person? current, Database db, ModelStateDictionary state, IStringLocalizer t, CancellationToken ct)
    {
        var (person, valid) = await ReadAsync(input, current, db, state, t, ct);
        return valid ? person : null;
    }

    /// <summary>
    /// What the form says so far, for the likely-duplicates check as it is typed: whatever could be read (a birth date
    /// half typed or a hometown not found is left out). Null until a name is typed.
    /// </summary>
    public static async Task<Person?> DraftAsync(PersonInput input, Database db, IStringLocalizer t, CancellationToken ct)
    {
        var (person, _) = await ReadAsync(input, null, db, new ModelStateDictionary(), t, ct, draft: true);
        return person.Names.Count == 0 ? null : person;
    }

    private static async Task<(Person Person, bool Valid)> ReadAsync(PersonInput input, Person? current, Database db, ModelStateDictionary state,
        IStringLocalizer t, CancellationToken ct, bool draft = false)
    {
        var names = new List<PersonName>();
        var nameRows = new Dictionary<string, string>();
        for (var i = 0; i < input.Names.Count; i++)
        {
            var row = input.Names[i];
            if (string.IsNullOrWhiteSpace(row.Text))
            {
                continue;
            }

            var text = NameText.Normalize(row.Text);
            var script = ScriptDetector.Detect(text);
            if (row.Script != Detect && !Scripts.TryParse(row.Script, out script))
            {
                state.AddModelError($"{Prefix}.Names[{i}].Script", t["persons.UnknownScript"]);
            }

            if (!WireCode.TryParse<NameKind>(row.Kind, out var kind))
            {
                state.AddModelError($"{Prefix}.Names[{i}].Kind", t["persons.UnknownChoice"]);
            }

            nameRows[$"names[{names.Count}]"] = $"Names[{i}].Text";
            names.Add(new PersonName(text, script, kind));
        }

        if (!WireCode.TryParse<Gender>(input.Gender, out var gender))
        {
            state.AddModelError($"{Prefix}.Gender", t["persons.UnknownChoice"]);
        }

        if (!WireCode.TryParse<Confidentiality>(input.Confidentiality, out var confidentiality))
        {
            state.AddModelError($"{Prefix}.Confidentiality", t["persons.UnknownChoice"]);
        }

        var birth = ParseBirthDate(input.BirthDate, current?.BirthDate, state, t);
        var hometown = await ResolvePlaceAsync(db, input.Hometown, state, t, ct);
        var citizenships = (input.Citizenships ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var externalId = string.IsNullOrWhiteSpace(input.ExternalId)
            ? current is null && !draft ? await NextExternalIdAsync(db, ct) : ""
            : input.ExternalId.Trim();
        var formValid = state.IsValid;
        var person = (current ?? new Person { ExternalId = externalId, Names = names }) with
        {
            Version = current is null ? 0 : input.Version,
            ExternalId = externalId,
            Names = names,
            Gender = gender,
            BirthDate = birth,
            Ethnicity = Blank(input.Ethnicity),
            Citizenships = citizenships,
            HometownId = hometown,
            Occupation = Blank(input.Occupation),
            Notes = Blank(input.Notes),
            Confidentiality = confidentiality,
            Reporter = Blank(input.Reporter),
            ReporterContact = Blank(input.ReporterContact),
            ConfidentialFields = input.ConfidentialFields.Where(f => !string.IsNullOrWhiteSpace(f)).Distinct(StringComparer.Ordinal).ToList(),
        };

        // The record's own rules are checked even when a field could not be read, so every error shows at once.
        var errors = person.Validate();
        if (errors.Count > 0)
        {
            new ValidationException(errors).AddTo(state, Prefix, FieldMap(nameRows));
        }

        return (person, formValid && errors.Count == 0);
    }

    /// <summary>Where the domain's field names go on this form.</summary>
    public static IReadOnlyDictionary<string, string> FieldMap(IReadOnlyDictionary<string, string>? nameRows = null)
    {
        var map = new Dictionary<string, string>(nameRows ?? new Dictionary<string, string>())
        {
            ["hometownId"] = "Hometown",
            ["otherIds"] = "ExternalId",
            ["confidentialFields"] = "ConfidentialFields",
        };
        return map;
    }

    private static FuzzyDate? ParseBirthDate(string? value, FuzzyDate? unchanged, ModelStateDictionary state, IStringLocalizer t)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        // The words the record already had stay as they are, even if the parser would now read them differently.
        if (unchanged is not null && value.Trim() == Shown(unchanged)?.Trim())
        {
            return unchanged;
        }

        if (FuzzyDate.TryParseCanonical(value, out var canonical, out _))
        {
            return canonical;
        }

        if (FuzzyDate.TryParseText(value.Trim(), DateOnly.FromDateTime(DateTime.UtcNow), out var words))
        {
            return words;
        }

        state.AddModelError($"{Prefix}.BirthDate", t["persons.BirthDateNotUnderstood"]);
        return null;
    }

    /// <summary>A place by its path ("China > Xinjiang > Ili"), or by its name alone when only one place has it.</summary>
    public static async Task<long?> ResolvePlaceAsync(Database db, string? value, ModelStateDictionary state, IStringLocalizer t, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!Place.TryParsePath(value.Trim(), out var levels, out _))
        {
            state.AddModelError($"{Prefix}.Hometown", t["persons.PlaceNotFound", value.Trim()]);
            return null;
        }

        var path = string.Join(Place.PathSeparator, levels);
        await using var c = await db.OpenAsync(ct);
        var id = await c.ExecuteScalarAsync<long?>("SELECT id FROM places WHERE path = @path AND deleted_at IS NULL", new { path })
            ?? await c.ExecuteScalarAsync<long?>("SELECT MIN(id) FROM places WHERE LOWER(path) = @lower AND deleted_at IS NULL", new { lower = path.ToLowerInvariant() });
        if (id is null && levels.Count == 1)
        {
            var named = (await c.QueryAsync<long>("SELECT id FROM places WHERE name = @name AND deleted_at IS NULL LIMIT 2", new { name = levels[0] })).ToList();
            id = named.Count == 1 ? named[0] : null;
        }

        if (id is null)
        {
            state.AddModelError($"{Prefix}.Hometown", t["persons.PlaceNotFound", path]);
        }

        return id;
    }

    /// <summary>"K-000124": the group's next free key, when the volunteer leaves it blank.</summary>
    public static async Task<string> NextExternalIdAsync(Database db, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var next = await c.ExecuteScalarAsync<long>("SELECT COALESCE(MAX(id), 0) + 1 FROM persons");
        for (; ; next++)
        {
            var candidate = "K-" + next.ToString("D6", CultureInfo.InvariantCulture);
            if (await c.ExecuteScalarAsync<long?>("SELECT id FROM persons WHERE external_id = @candidate", new { candidate }) is null)
            {
                return candidate;
            }
        }
    }

    public static async Task<string?> PlacePathAsync(Database db, long? placeId, CancellationToken ct)
    {
        if (placeId is null)
        {
            return null;
        }

        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteScalarAsync<string?>("SELECT path FROM places WHERE id = @placeId", new { placeId });
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
