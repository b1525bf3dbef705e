using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kuager.Core;

public enum RevisionAction
{
    Create,
    Update,
    Delete,
    Restore,
    Undo,

    /// <summary>Another person's record was merged into this one (or this one's links were moved to the person it was merged into).</summary>
    Merge,

    /// <summary>A merge was taken back: what it moved went back to the person it came from.</summary>
    Unmerge,
}

/// <summary>One field's value before and after a change, as JSON text (null: absent).</summary>
public sealed record FieldChange(string Field, string? Old, string? New)
{
    /// <summary>The field is confidential and this reader may not see its values: Old and New are left out.</summary>
    public bool Withheld { get; init; }
}

/// <summary>A saved change to one record: who, when, which fields, old and new values.</summary>
public sealed record Revision(
    long Id,
    RecordKind Kind,
    long RecordId,
    int Version,
    RevisionAction Action,
    string Actor,
    DateTimeOffset At,
    IReadOnlyList<FieldChange> Changes,
    long? UndoesRevisionId);

/// <summary>
/// Field-level differences between two states of a record, and their inverse. Works on the record's JSON so every
/// kind of record gets history and undo from one mechanism.
/// </summary>
public static class RecordDiff
{
    public static JsonObject Fields<T>(T record) where T : IRecord => JsonSerializer.SerializeToNode(record, KuagerJson.Data)!.AsObject();

    /// <summary>The record's stored JSON: every field but id and version.</summary>
    public static string Data<T>(T record) where T : IRecord => JsonSerializer.Serialize(record, KuagerJson.Data);

    /// <summary>The changes of a creation, read from the created record's stored fields: every field with a value, old null.</summary>
    public static IReadOnlyList<FieldChange> CreationChanges(string data)
    {
        using var document = JsonDocument.Parse(data);
        return document.RootElement.EnumerateObject()
            .Where(p => p.Value.ValueKind != JsonValueKind.Null)
            .Select(p => new FieldChange(p.Name, null, p.Value.GetRawText()))
            .ToList();
    }

    public static IReadOnlyList<FieldChange> Changes<T>(T? before, T? after) where T : IRecord
    {
        var a = before is null ? new JsonObject() : Fields(before);
        var b = after is null ? new JsonObject() : Fields(after);
        var names = a.Select(p => p.Key).Union(b.Select(p => p.Key));
        var changes = new List<FieldChange>();
        foreach (var name in names)
        {
            var old = Text(a[name]);
            var @new = Text(b[name]);
            if (old != @new)
            {
                changes.Add(new FieldChange(name, old, @new));
            }
        }

        return changes;
    }

    /// <summary>
    /// The record as it would be with a revision's changes taken back. Refused when a field the revision changed
    /// has been changed again since: undo must never silently throw away a later edit.
    /// </summary>
    public static T Revert<T>(T current, Revision revision) where T : IRecord
    {
        var fields = Fields(current);
        var clashes = revision.Changes.Where(c => Text(fields[c.Field]) != c.New).Select(c => c.Field).ToList();
        if (clashes.Count > 0)
        {
            throw new RevisionConflictException(
                $"revision {revision.Id} cannot be undone: {string.Join(", ", clashes)} changed again after it; undo the later revisions first or edit by hand");
        }

        foreach (var change in revision.Changes)
        {
            fields[change.Field] = change.Old is null ? null : JsonNode.Parse(change.Old);
        }

        fields["id"] = current.Id;
        fields["version"] = current.Version;
        return fields.Deserialize<T>(KuagerJson.Options)!;
    }

    private static string? Text(JsonNode? node) => node?.ToJsonString(KuagerJson.Options);
}

/// <summary>An edit or undo that would overwrite a change someone else made; nothing has been written.</summary>
public class RevisionConflictException(string message) : Exception(message);

/// <summary>An edit based on a version that is no longer current.</summary>
public sealed class StaleEditException(RecordKind kind, long id, int expectedVersion, int currentVersion, IReadOnlyList<FieldChange> theirChanges)
    : RevisionConflictException(
        $"{WireCode.Of(kind)} {id} was changed by someone else (it is now at version {currentVersion}, your edit was based on version {expectedVersion})" +
        (theirChanges.Count > 0 ? $"; fields changed since: {string.Join(", ", theirChanges.Select(c => c.Field))}" : string.Empty) +
        "; reload it and apply your change again")
{
    public RecordKind Kind { get; } = kind;

    public long Id { get; } = id;

    public int ExpectedVersion { get; } = expectedVersion;

    public int CurrentVersion { get; } = currentVersion;

    /// <summary>What changed between the version the edit was based on and the current one.</summary>
    public IReadOnlyList<FieldChange> TheirChanges { get; } = theirChanges;
}

