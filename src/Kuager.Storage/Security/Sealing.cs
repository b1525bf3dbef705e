using System.Text.Json;
using System.Text.Json.Nodes;
using Kuager.Core;

namespace Kuager.Storage;

/// <summary>
/// Confidential fields at rest. In a record's `data` JSON (and a creation revision, which is the same text) a
/// confidential field's value is replaced by a JSON string "kgr1:&lt;key id&gt;:&lt;base64&gt;" that seals the value's
/// JSON text; in an update revision a confidential field's Old and New JSON texts are replaced by such strings
/// (JSON text never starts with "k", so a sealed value cannot be mistaken for a plain one). Every value is bound
/// to "&lt;kind&gt; &lt;id&gt; &lt;field&gt;" (ids are reserved before the insert), so a sealed value moved to another record
/// or field does not open.
/// </summary>
public static class Sealing
{
    /// <summary>What a sealed value is bound to: the record and the field it belongs to.</summary>
    public static string Context(RecordKind kind, long id, string field) => $"{WireCode.Of(kind)} {id} {field}";

    /// <summary>The record's stored JSON with each of its confidential fields sealed.</summary>
    public static string Data<T>(KeyRing keys, T record, long id) where T : class, IRecord
    {
        var kind = Redaction.KindOf(record);
        var fields = ConfidentialFields.Of(kind, record.ConfidentialFields);
        if (fields.Count == 0 || Redaction.ConfidentialFieldsAreNull(record))
        {
            return RecordDiff.Data(record);
        }

        var node = RecordDiff.Fields(record);
        return SealFields(keys, kind, id, node, fields) ? node.ToJsonString(KuagerJson.Data) : RecordDiff.Data(record);
    }

    /// <summary>Seals the named fields of a record's JSON that hold a value and are not sealed yet; true when any was.</summary>
    public static bool SealFields(KeyRing keys, RecordKind kind, long id, JsonObject node, IEnumerable<string> fields)
    {
        var changed = false;
        foreach (var field in fields)
        {
            if (node[field] is { } value && !IsSealedNode(value))
            {
                node[field] = keys.Seal(value.ToJsonString(KuagerJson.Data), Context(kind, id, field));
                changed = true;
            }
        }

        return changed;
    }

    /// <summary>Update changes with the values of confidential fields sealed.</summary>
    public static IReadOnlyList<FieldChange> Changes(KeyRing keys, RecordKind kind, long id, IReadOnlyList<FieldChange> changes, IReadOnlySet<string> confidential) =>
        changes.Select(c => confidential.Contains(c.Field)
            ? c with { Old = SealText(keys, kind, id, c.Field, c.Old), New = SealText(keys, kind, id, c.Field, c.New) }
            : c).ToList();

    private static string? SealText(KeyRing keys, RecordKind kind, long id, string field, string? json) =>
        json is null || KeyRing.IsSealed(json) ? json : keys.Seal(json, Context(kind, id, field));

    /// <summary>
    /// A record from its stored JSON. With keys, sealed fields are opened; without (a reader who may not see
    /// confidential fields), every confidential field is left out unopened.
    /// </summary>
    public static T Materialize<T>(KeyRing? keys, long id, int version, string data) where T : IRecord
    {
        var node = JsonNode.Parse(data)!.AsObject();
        var kind = RecordTables.KindOf<T>();
        var fields = ConfidentialFields.Of(kind, Marks(node));
        foreach (var field in fields)
        {
            if (keys is null)
            {
                node.Remove(field);
            }
            else if (node[field] is { } value)
            {
                node[field] = Open(keys, kind, id, field, value);
            }
        }

        node["id"] = id;
        node["version"] = version;
        return node.Deserialize<T>(KuagerJson.Options)!;
    }

    /// <summary>The confidential fields a stored record names (its marks are never sealed).</summary>
    public static IReadOnlyList<string> Marks(JsonObject node) =>
        node["confidentialFields"] is JsonArray marks ? marks.Select(m => m?.GetValue<string>()).OfType<string>().ToList() : [];

    private static JsonNode? Open(KeyRing keys, RecordKind kind, long id, string field, JsonNode value)
    {
        if (!IsSealedNode(value))
        {
            // Writes always seal confidential fields: a plain value here was put there behind the registry's back.
            throw new KeyException($"{Context(kind, id, field)} is confidential but stored unsealed; it will not be read as plain text");
        }

        return JsonNode.Parse(keys.Unseal(value.GetValue<string>(), Context(kind, id, field)));
    }

    private static bool IsSealedNode(JsonNode value) =>
        value.GetValueKind() == JsonValueKind.String && KeyRing.IsSealed(value.GetValue<string>());

    /// <summary>The fields a creation revision may hold sealed: any that can ever be confidential.</summary>
    public static IReadOnlySet<string> SealableFields(RecordKind kind) =>
        new HashSet<string>(ConfidentialFields.Always(kind).Concat(ConfidentialFields.Markable(kind)), StringComparer.Ordinal);

    /// <summary>
    /// A revision's stored changes with every sealed value passed through <paramref name="map"/> (open, reseal or
    /// withhold): in a creation object the sealable fields holding sealed strings, in a change list every sealed
    /// Old or New. Returns the text unchanged when nothing is sealed.
    /// </summary>
    public static string MapRevision(RecordKind kind, string changes, Func<string, string, string> map)
    {
        if (!changes.Contains(KeyRing.SealPrefix, StringComparison.Ordinal))
        {
            return changes;
        }

        if (changes.StartsWith('{'))
        {
            var node = JsonNode.Parse(changes)!.AsObject();
            foreach (var field in SealableFields(kind))
            {
                if (node[field] is { } value && IsSealedNode(value))
                {
                    node[field] = map(field, value.GetValue<string>());
                }
            }

            return node.ToJsonString(KuagerJson.Data);
        }

        var list = JsonSerializer.Deserialize<List<FieldChange>>(changes, KuagerJson.Options)!;
        return JsonSerializer.Serialize(
            list.Select(c => c with
            {
                Old = KeyRing.IsSealed(c.Old) ? map(c.Field, c.Old!) : c.Old,
                New = KeyRing.IsSealed(c.New) ? map(c.Field, c.New!) : c.New,
            }).ToList(),
            KuagerJson.Options);
    }

    /// <summary>
    /// Opens a revision's sealed values into plain JSON text. In a creation object a sealed field becomes its
    /// value again; in a change list Old and New become the value's JSON text.
    /// </summary>
    public static IReadOnlyList<FieldChange> OpenRevision(KeyRing keys, RecordKind kind, long id, string changes)
    {
        if (changes.StartsWith('{'))
        {
            var node = JsonNode.Parse(changes)!.AsObject();
            foreach (var field in SealableFields(kind))
            {
                if (node[field] is { } value && IsSealedNode(value))
                {
                    node[field] = JsonNode.Parse(keys.Unseal(value.GetValue<string>(), Context(kind, id, field)));
                }
            }

            return RecordDiff.CreationChanges(node.ToJsonString(KuagerJson.Data));
        }

        return JsonSerializer.Deserialize<List<FieldChange>>(changes, KuagerJson.Options)!
            .Select(c => c with
            {
                Old = KeyRing.IsSealed(c.Old) ? keys.Unseal(c.Old!, Context(kind, id, c.Field)) : c.Old,
                New = KeyRing.IsSealed(c.New) ? keys.Unseal(c.New!, Context(kind, id, c.Field)) : c.New,
            }).ToList();
    }

    /// <summary>A revision's changes without opening anything: sealed values withheld (for readers without the clearance).</summary>
    public static IReadOnlyList<FieldChange> WithheldRevision(RecordKind kind, string changes)
    {
        IReadOnlyList<FieldChange> list = changes.StartsWith('{')
            ? RecordDiff.CreationChanges(changes)
            : JsonSerializer.Deserialize<List<FieldChange>>(changes, KuagerJson.Options)!;
        var sealable = SealableFields(kind);
        return list.Select(c => IsSealedChange(c, sealable) ? new FieldChange(c.Field, null, null) { Withheld = true } : c).ToList();
    }

    private static bool IsSealedChange(FieldChange c, IReadOnlySet<string> sealable) =>
        KeyRing.IsSealed(c.Old) || KeyRing.IsSealed(c.New)
        || (sealable.Contains(c.Field) && c.New is { } n && n.StartsWith('"') && n.StartsWith("\"" + KeyRing.SealPrefix, StringComparison.Ordinal));
}
