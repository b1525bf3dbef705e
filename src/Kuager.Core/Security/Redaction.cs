using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;

namespace Kuager.Core;

/// <summary>Takes confidential fields out of records, for readers without the clearance and for projection columns.</summary>
public static class Redaction
{
    /// <summary>The record's kind, from its type.</summary>
    public static RecordKind KindOf(IRecord record) => record switch
    {
        Person => RecordKind.Person,
        Place => RecordKind.Place,
        Organization => RecordKind.Organization,
        Relationship => RecordKind.Relationship,
        Event => RecordKind.Event,
        Case => RecordKind.Case,
        Testimony => RecordKind.Testimony,
        Source => RecordKind.Source,
        Citation => RecordKind.Citation,
        _ => throw new ArgumentOutOfRangeException(nameof(record), record.GetType().Name),
    };

    private static readonly ConcurrentDictionary<(Type Type, string Field), PropertyInfo?> Properties = new();

    /// <summary>
    /// Whether every confidential field of the record is null, read straight from its properties: the common case
    /// (no marks, no contact details) then needs no JSON round trip to seal, strip or project.
    /// </summary>
    public static bool ConfidentialFieldsAreNull(IRecord record)
    {
        foreach (var field in ConfidentialFields.Always(KindOf(record)).Concat(record.ConfidentialFields ?? []))
        {
            var property = Properties.GetOrAdd((record.GetType(), field), key => key.Type.GetProperties()
                .FirstOrDefault(p => string.Equals(JsonNamingPolicy.CamelCase.ConvertName(p.Name), key.Field, StringComparison.Ordinal)));

            // A field not found by name is treated as holding a value, so the careful path runs.
            if (property is null || property.GetValue(record) is not null)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the record holds a value in any of its confidential fields.</summary>
    public static bool HasConfidentialValues<T>(T record) where T : class, IRecord
    {
        if (ConfidentialFieldsAreNull(record))
        {
            return false;
        }

        var node = JsonSerializer.SerializeToNode(record, KuagerJson.Options)!.AsObject();
        return ConfidentialFields.Of(KindOf(record), record.ConfidentialFields)
            .Any(f => node[f] is { } v && !(v.GetValueKind() == JsonValueKind.Array && v.AsArray().Count == 0));
    }

    /// <summary>The record with every confidential field set to its empty value; the marks stay so readers see what is withheld.</summary>
    public static T WithoutConfidentialFields<T>(T record) where T : class, IRecord
    {
        if (ConfidentialFieldsAreNull(record))
        {
            return record;
        }

        var fields = ConfidentialFields.Of(KindOf(record), record.ConfidentialFields);
        if (fields.Count == 0)
        {
            return record;
        }

        var node = JsonSerializer.SerializeToNode(record, KuagerJson.Options)!.AsObject();
        var removed = false;
        foreach (var field in fields)
        {
            removed |= node.Remove(field);
        }

        return removed ? node.Deserialize<T>(KuagerJson.Options)! : record;
    }

    /// <summary>What this viewer may see of a record: null when the record itself is above their clearance.</summary>
    public static T? For<T>(T record, Viewer viewer) where T : class, IRecord =>
        !viewer.Sees(record.Confidentiality) ? null
        : viewer.SeesConfidentialFields ? record
        : WithoutConfidentialFields(record);
}
