using Kuager.Core;
using Kuager.Storage;

namespace Kuager.Web.Features.Places;

/// <summary>
/// A record's revisions with an undo button each, shared by the place, organisation and source pages
/// (partial _History). Undo is a new revision; one that would overwrite a later change is refused and explained.
/// </summary>
public sealed record RecordHistory(IReadOnlyList<Revision> Revisions, string? UndoError = null, bool Undone = false)
{
    /// <summary>Undoes a revision of this record only; returns the refusal to show, or null when done.</summary>
    public static async Task<string?> UndoAsync(RecordStore store, RecordKind kind, long id, long revisionId, string actor, CancellationToken ct)
    {
        if (!await store.IsRevisionOfAsync(revisionId, kind, id, ct))
        {
            return $"revision {revisionId} is not a change of this record";
        }

        try
        {
            await store.UndoAsync(revisionId, actor, ct);
            return null;
        }
        catch (RevisionConflictException e)
        {
            return e.Message;
        }
        catch (ValidationException e)
        {
            return e.Message;
        }
    }
}
