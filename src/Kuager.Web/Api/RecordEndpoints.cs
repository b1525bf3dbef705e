using Kuager.Core;
using Kuager.Storage;
using Kuager.Web.Features;
using Kuager.Web.Localization;

namespace Kuager.Web.Api;

/// <summary>One page of a list for the API and the query behind it.</summary>
internal delegate Task<TPage> ListQuery<TPage>(Database db, ListRequest request, Viewer viewer, CancellationToken ct);

/// <summary>
/// The endpoints every kind of record has, written once: list, get, create, update (optimistic, with the version the
/// edit is based on), soft delete and history. Every write goes through <see cref="RecordStore"/>, so it is a revision.
/// </summary>
internal static class RecordEndpoints
{
    public static RouteGroupBuilder MapRecordEndpoints<T, TPage>(this RouteGroupBuilder api, string route, string listFields, ListQuery<TPage> list)
        where T : class, IRecord
    {
        var kind = RecordTables.KindOf<T>();
        var code = WireCode.Of(kind);
        var group = api.MapGroup("/" + route).WithTags(route);

        group.MapGet("", async (Database db, HttpContext http, string? q, string? page, string? pageSize, CancellationToken ct) =>
                Results.Ok(await list(db, ListRequest.From(q, page, pageSize), http.Viewer(), ct)))
            .WithName($"list-{route}")
            .WithSummary($"Lists {route}, a page at a time")
            .WithDescription($"{{\"items\": [...], \"total\": N}}, where total counts every match. Each item has the id and the {listFields}. " +
                $"page starts at 1; pageSize is 1 to {ListRequest.MaxPageSize} (default {ListRequest.DefaultPageSize}).")
            .Produces<TPage>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        group.MapGet("/{id:long}", async (long id, RecordStore store, TextLocalizer t, HttpContext http, CancellationToken ct) =>
                await store.GetAsync<T>(id, http.Viewer(), ct) is { } record
                    ? Results.Json(record, KuagerJson.Options)
                    : ApiProblems.NotFound(t, $"there is no {code} {id}"))
            .WithName($"get-{code}")
            .WithSummary($"Gets one {code}")
            .WithDescription("The full record as the domain serialises it, with its id and version (send the version back to update or delete it).")
            .Produces<T>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("", async (HttpContext http, RecordStore store, CancellationToken ct) =>
            {
                var record = await RecordBody.ReadAsync<T>(http.Request, id: 0, forUpdate: false, ct);
                var saved = await store.CreateAsync(record, Editing.Actor(http), ct);
                http.Response.Headers.Location = $"{ApiEndpoints.Prefix}/{route}/{saved.Id}";
                return Results.Json(saved, KuagerJson.Options, statusCode: StatusCodes.Status201Created);
            })
            .WithName($"create-{code}")
            .WithSummary($"Creates a {code}")
            .WithDescription("The body is the record; id and version are ignored. Answers 201 with the saved record (version 1) and its Location. " +
                "A record that breaks the rules answers 400 with errors by field, as the forms show them.")
            .Accepts<T>("application/json")
            .Produces<T>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        group.MapPut("/{id:long}", async (long id, HttpContext http, RecordStore store, CancellationToken ct) =>
            {
                var record = await RecordBody.ReadAsync<T>(http.Request, id, forUpdate: true, ct);
                return Results.Json(await store.UpdateAsync(record, Editing.Actor(http), ct), KuagerJson.Options);
            })
            .WithName($"update-{code}")
            .WithSummary($"Saves a new state of a {code}")
            .WithDescription("The body is the whole record (its id is the route's) with \"version\" set to the version the edit is based on. " +
                "If someone saved it since, nothing is written and the answer is 409 with theirChanges: the fields changed since that version.")
            .Accepts<T>("application/json")
            .Produces<T>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapDelete("/{id:long}", async (long id, string? version, HttpContext http, RecordStore store, CancellationToken ct) =>
            {
                await store.DeleteAsync<T>(id, ListRequest.Version(version), Editing.Actor(http), ct);
                return Results.NoContent();
            })
            .WithName($"delete-{code}")
            .WithSummary($"Deletes a {code}")
            .WithDescription("A soft delete, saved as a revision that can be undone. version is the version the deletion is based on.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/{id:long}/history", async (long id, RecordStore store, TextLocalizer t, HttpContext http, CancellationToken ct) =>
                await store.HistoryAsync(kind, id, http.Viewer(), ct) is { Count: > 0 } history
                    ? Results.Ok(history.Select(RevisionItem.From).ToList())
                    : ApiProblems.NotFound(t, $"there is no {code} {id}"))
            .WithName($"history-{code}")
            .WithSummary($"Lists the revisions of a {code}, oldest first")
            .WithDescription("Each revision says who changed what and when; old and new are the JSON text of each field's value. " +
                "A deleted record keeps its history.")
            .Produces<List<RevisionItem>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        return group;
    }
}
