using Kuager.Core;
using Kuager.Storage;
using Kuager.Web.Features;

namespace Kuager.Web.Api;

/// <summary>One saved change, as the API shows it; old and new are the JSON text of each field's value (null: absent).</summary>
public sealed record RevisionItem(
    long Id,
    string Kind,
    long RecordId,
    int Version,
    string Action,
    string Actor,
    DateTimeOffset At,
    IReadOnlyList<FieldChange> Changes,
    long? UndoesRevisionId)
{
    public static RevisionItem From(Revision r) =>
        new(r.Id, WireCode.Of(r.Kind), r.RecordId, r.Version, WireCode.Of(r.Action), r.Actor, r.At, r.Changes, r.UndoesRevisionId);
}

internal static class RevisionEndpoints
{
    public static RouteGroupBuilder MapRevisionEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/revisions/{id:long}/undo", async (long id, HttpContext http, RecordStore store, CancellationToken ct) =>
                Results.Ok(RevisionItem.From(await store.UndoAsync(id, Editing.Actor(http), ct))))
            .AddEndpointFilter(ApiProblems.EditorsOnly)
            .WithTags("revisions")
            .WithName("undo-revision")
            .WithSummary("Undoes one revision")
            .WithDescription("Takes the revision back as a new revision, which is returned. Refused with 409 when a later change touched " +
                "the same fields, or when the record is already in the state the undo would bring.")
            .Produces<RevisionItem>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }
}
