using System.Text.Json;
using System.Text.Json.Nodes;
using Kuager.Core;

namespace Kuager.Storage;

/// <summary>
/// The survivor's own record in a merge: the merged person's names and the values of the survivor's empty fields
/// join it, and an unmerge takes back exactly those that are still as the merge left them.
/// </summary>
internal static class PersonMergeFields
{
    /// <summary>The fields filled when the survivor's is empty, with the JSON of "empty" (null when absent).</summary>
    private static readonly (string Field, string? Empty)[] Scalars =
    [
        ("gender", "\"unknown\""), ("birthDate", null), ("ethnicity", null), ("hometownId", null), ("occupation", null),
        ("notes", null), ("reportedStatus", "\"unknown\""), ("reporter", null), ("reporterContact", null),
    ];

    private const string CitizenshipsField = "citizenships";
    private const string OtherIdsField = "otherIds";

    /// <summary>
    /// The survivor with what the merged person adds, and the plan of it. A value confidential on the merged record
    /// is marked confidential on the survivor too, and the survivor becomes as confidential as the merged record when
    /// it is less (its names and values would otherwise reach readers the merged record was hidden from).
    /// </summary>
    public static Person Combine(Person survivor, Person merged, bool mergedHometownExists, PersonMergePlan plan)
    {
        var node = Node(survivor);
        var from = Node(merged);
        var marks = survivor.ConfidentialFields.ToList();
        var markable = ConfidentialFields.Markable(RecordKind.Person);
        void Mark(string field)
        {
            if (merged.ConfidentialFields.Contains(field, StringComparer.Ordinal) && !marks.Contains(field, StringComparer.Ordinal) && markable.Contains(field, StringComparer.Ordinal))
            {
                marks.Add(field);
                plan.Marks.Add(field);
            }
        }

        foreach (var (field, empty) in Scalars)
        {
            if (Text(node[field]) == empty && Text(from[field]) != empty && (field != "hometownId" || mergedHometownExists))
            {
                node[field] = from[field]!.DeepClone();
                plan.Fields.Add(field);
                Mark(field);
            }
        }

        var names = survivor.Names.ToList();
        foreach (var name in merged.Names.Where(n => !survivor.Names.Any(s => Same(s, n))))
        {
            var added = name.Kind == NameKind.Primary ? name with { Kind = NameKind.Alias } : name;
            names.Add(added);
            plan.Names.Add(added);
        }

        var citizenships = survivor.Citizenships.ToList();
        for (var i = 0; i < merged.Citizenships.Count; i++)
        {
            if (!citizenships.Contains(merged.Citizenships[i], StringComparer.OrdinalIgnoreCase))
            {
                citizenships.Add(merged.Citizenships[i]);
                plan.Citizenships.Add(i);
            }
        }

        var otherIds = survivor.OtherIds.ToList();
        for (var i = 0; i < merged.OtherIds.Count; i++)
        {
            if (!otherIds.Contains(merged.OtherIds[i]))
            {
                otherIds.Add(merged.OtherIds[i]);
                plan.OtherIds.Add(i);
            }
        }

        if (plan.Citizenships.Count > 0)
        {
            Mark(CitizenshipsField);
        }

        if (plan.OtherIds.Count > 0)
        {
            Mark(OtherIdsField);
        }

        var result = node.Deserialize<Person>(KuagerJson.Options)! with
        {
            Names = names,
            Citizenships = citizenships,
            OtherIds = otherIds,
            ConfidentialFields = marks,
        };
        if (merged.Confidentiality > survivor.Confidentiality)
        {
            plan.RaisedFrom = survivor.Confidentiality;
            result = result with { Confidentiality = merged.Confidentiality };
        }

        return result;
    }

    /// <summary>
    /// The survivor without what the merge added, where it is still as the merge left it: names still there (and
    /// not made primary since), fields still holding the merged person's value, list items still present. A
    /// confidential mark or raised confidentiality the merge added goes only when what it protected went and it was
    /// not touched since (<paramref name="changedSince"/>: the fields of the survivor's revisions after the merge).
    /// </summary>
    public static Person Separate(Person survivor, Person merged, PersonMergePlan plan, IReadOnlySet<string> changedSince)
    {
        var node = Node(survivor);
        var from = Node(merged);
        var emptied = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in plan.Fields)
        {
            var empty = Scalars.Single(s => s.Field == field).Empty;
            if (Text(node[field]) == Text(from[field]))
            {
                node[field] = empty is null ? null : JsonNode.Parse(empty);
                emptied.Add(field);
            }
        }

        var names = survivor.Names.ToList();
        foreach (var name in plan.Names)
        {
            var at = names.FindIndex(n => Same(n, name) && n.Kind != NameKind.Primary);
            if (at >= 0)
            {
                names.RemoveAt(at);
            }
        }

        var citizenships = survivor.Citizenships.ToList();
        foreach (var i in plan.Citizenships.Where(i => i < merged.Citizenships.Count))
        {
            var at = citizenships.FindIndex(c => string.Equals(c, merged.Citizenships[i], StringComparison.OrdinalIgnoreCase));
            if (at >= 0)
            {
                citizenships.RemoveAt(at);
            }
        }

        var otherIds = survivor.OtherIds.ToList();
        foreach (var i in plan.OtherIds.Where(i => i < merged.OtherIds.Count))
        {
            otherIds.Remove(merged.OtherIds[i]);
        }

        // A list marked by the merge is unmarked only when it was not edited since: a value added later under the
        // mark was entered as confidential and must stay so.
        bool TakenBack(string field) => plan.Marks.Contains(field, StringComparer.Ordinal) && !changedSince.Contains("confidentialFields")
            && (field is CitizenshipsField or OtherIdsField ? !changedSince.Contains(field) : emptied.Contains(field));
        var marks = survivor.ConfidentialFields.Where(f => !TakenBack(f)).ToList();
        var result = node.Deserialize<Person>(KuagerJson.Options)! with
        {
            Names = names,
            Citizenships = citizenships,
            OtherIds = otherIds,
            ConfidentialFields = marks,
        };
        if (plan.RaisedFrom is { } level && !changedSince.Contains("confidentiality"))
        {
            result = result with { Confidentiality = level };
        }

        return result;
    }

    /// <summary>Two written forms are the same name when text and script agree (a person cannot list one twice).</summary>
    private static bool Same(PersonName a, PersonName b) => a.Text == b.Text && a.Script == b.Script;

    private static JsonObject Node(Person person) => JsonSerializer.SerializeToNode(person, KuagerJson.Options)!.AsObject();

    private static string? Text(JsonNode? node) => node?.ToJsonString(KuagerJson.Options);
}
