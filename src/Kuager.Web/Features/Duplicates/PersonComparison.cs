using Kuager.Core;
using Kuager.Names;
using Kuager.Web.Features.Persons;
using Microsoft.Extensions.Localization;

namespace Kuager.Web.Features.Duplicates;

/// <summary>How the two sides of one field compare. Pages show it as a word and a sign, never by colour alone.</summary>
public enum Sameness
{
    /// <summary>Neither record says.</summary>
    Empty,
    Same,

    /// <summary>Some values in common, some not (names, relatives).</summary>
    Partly,

    /// <summary>Only one of the records says anything.</summary>
    OneSide,
    Differs,

    /// <summary>Withheld from this reader on one side or both: not compared.</summary>
    Withheld,
}

/// <summary>One value of a field on one side: its text, a link, its script, and whether the other record lacks it.</summary>
public sealed record SideValue(string Text, string Key, string? Href = null, Script? Script = null, string? Detail = null)
{
    public bool OnlyHere { get; init; }

    public string? Lang => Script?.Code();

    public string? Dir => Script is { } s && s.IsRightToLeft() ? "rtl" : "auto";
}

/// <summary>A field of both records side by side.</summary>
public sealed record ComparedField(string Field, string Label, IReadOnlyList<SideValue> A, IReadOnlyList<SideValue> B, Sameness Sameness,
    bool WithheldA = false, bool WithheldB = false, bool ConfidentialA = false, bool ConfidentialB = false)
{
    public bool Highlighted => Sameness is Sameness.Differs or Sameness.Partly or Sameness.OneSide;
}

/// <summary>
/// Two people's dossiers compared field by field, with what this reader may see of each: values withheld from them
/// are not shown and not compared. Lists are compared by what identifies their items (a name's spelling, a relative,
/// an event, a source), and items only one side has are marked.
/// </summary>
public static class PersonComparison
{
    public static IReadOnlyList<ComparedField> Compare(PersonDossier a, PersonDossier b, Viewer viewer, IStringLocalizer t)
    {
        var fields = new List<ComparedField>
        {
            Field("names", t["persons.Names"], a, b, viewer, d => d.Person.Names
                .Select(n => new SideValue(n.Text, NameText.Normalize(n.Text).ToLowerInvariant(), Script: n.Script,
                    Detail: $"{t["persons.script." + n.Script.Code()]} · {t["persons.kind." + WireCode.Of(n.Kind)]}"))
                .ToList(), markItems: true),
            Field("gender", t["persons.Gender"], a, b, viewer, d => d.Person.Gender == Gender.Unknown ? []
                : [new SideValue(t["persons.gender." + WireCode.Of(d.Person.Gender)], WireCode.Of(d.Person.Gender))]),
            Field("birthDate", t["persons.BirthDate"], a, b, viewer, d => d.Person.BirthDate is { } born
                ? [new SideValue(DateText.Describe(born, t), born.ToCanonical(), Detail: born.Text)]
                : []),
            Field("ethnicity", t["persons.Ethnicity"], a, b, viewer, d => Scalar(d.Person.Ethnicity)),
            Field("hometownId", t["persons.Hometown"], a, b, viewer, d => d.Hometown.Count == 0 ? []
                : [new SideValue(string.Join(" › ", d.Hometown.Select(p => p.Name)), string.Join("/", d.Hometown.Select(p => p.Id)), $"/places/{d.Hometown[^1].Id}")]),
            Field("status", t["persons.CurrentStatus"], a, b, viewer, d => [new SideValue(t["status." + d.Status], d.Status)]),
            Field("citizenships", t["persons.Citizenships"], a, b, viewer, d => d.Person.Citizenships
                .Select(c => new SideValue(c, c.Trim().ToLowerInvariant())).ToList(), markItems: true),
            Field("occupation", t["persons.Occupation"], a, b, viewer, d => Scalar(d.Person.Occupation)),
            Field("relatives", t["persons.Relatives"], a, b, viewer, d => d.Relatives
                .Select(r => new SideValue(r.Name, "person " + r.PersonId, $"/persons/{r.PersonId}", Detail: t["persons.role." + r.Role])).ToList(), markItems: true),
            Field("events", t["Events"], a, b, viewer, d => d.Events.DistinctBy(e => e.Event.Id)
                .Select(e => new SideValue(e.TypeLabel, "event " + e.Event.Id, $"/events/{e.Event.Id}",
                    Detail: e.Event.Date is { } date ? DateText.Describe(date, t) : t["persons.Undated"])).ToList()),
            Field("cases", t["Cases"], a, b, viewer, d => d.Cases
                .Select(c => new SideValue(c.Title, "case " + c.Id, $"/cases/{c.Id}", Detail: t["persons.case." + WireCode.Of(c.Kind)])).ToList()),
            Field("testimonies", t["Testimonies"], a, b, viewer, d => d.Testimonies
                .Select(x => new SideValue(x.Testimony.Summary ?? t["persons.NoSummary"], "testimony " + x.Testimony.Id, $"/testimonies/{x.Testimony.Id}")).ToList()),
            Field("sources", t["Sources"], a, b, viewer, d => d.Sources.DistinctBy(s => s.Citation.SourceId)
                .Select(s => new SideValue(s.SourceTitle, "source " + s.Citation.SourceId, $"/sources/{s.Citation.SourceId}")).ToList()),
        };
        return fields;
    }

    private static List<SideValue> Scalar(string? value) =>
        string.IsNullOrWhiteSpace(value) ? [] : [new SideValue(value, value.Trim().ToLowerInvariant())];

    private static ComparedField Field(string field, string label, PersonDossier a, PersonDossier b, Viewer viewer,
        Func<PersonDossier, List<SideValue>> values, bool markItems = false)
    {
        var withheldA = Withheld(a.Person, field, viewer);
        var withheldB = Withheld(b.Person, field, viewer);
        var left = withheldA ? [] : values(a);
        var right = withheldB ? [] : values(b);
        var leftKeys = left.Select(v => v.Key).ToHashSet(StringComparer.Ordinal);
        var rightKeys = right.Select(v => v.Key).ToHashSet(StringComparer.Ordinal);
        var sameness = withheldA || withheldB ? Sameness.Withheld
            : left.Count == 0 && right.Count == 0 ? Sameness.Empty
            : left.Count == 0 || right.Count == 0 ? Sameness.OneSide
            : leftKeys.SetEquals(rightKeys) ? Sameness.Same
            : leftKeys.Overlaps(rightKeys) ? Sameness.Partly
            : Sameness.Differs;
        if (markItems && sameness is Sameness.Partly or Sameness.Differs)
        {
            left = left.Select(v => v with { OnlyHere = !rightKeys.Contains(v.Key) }).ToList();
            right = right.Select(v => v with { OnlyHere = !leftKeys.Contains(v.Key) }).ToList();
        }

        return new ComparedField(field, label, left, right, sameness, withheldA, withheldB,
            Marked(a.Person, field, viewer), Marked(b.Person, field, viewer));
    }

    private static bool Withheld(Person p, string field, Viewer viewer) =>
        !viewer.SeesConfidentialFields && ConfidentialFields.Of(RecordKind.Person, p.ConfidentialFields).Contains(field);

    /// <summary>A confidential field an editor sees: tagged as such beside its value.</summary>
    private static bool Marked(Person p, string field, Viewer viewer) =>
        viewer.SeesConfidentialFields && ConfidentialFields.Of(RecordKind.Person, p.ConfidentialFields).Contains(field);
}
