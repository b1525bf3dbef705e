using Dapper;
using Kuager.Core;
using Kuager.Storage;
using Kuager.Web.Features;
using Kuager.Web.Localization;

namespace Kuager.Web.Api;

/// <summary>
/// One page of a list for the API and the query behind it: only records the viewer may see, counted and paged in SQL;
/// confidential ones shown to an editor are audited through the store.
/// </summary>
internal delegate Task<TPage> ListQuery<TPage>(Database db, ListRequest request, Viewer viewer, RecordStore store, CancellationToken ct);

/// <summary>
/// A look before a record is created, unless the request says ?confirm=true: the answer to give instead (nothing is
/// written), or null to create it. The description is added to the create endpoint's own, with the 409 it may answer.
/// </summary>
internal sealed record CreateCheck<T>(Func<T, HttpContext, CancellationToken, Task<IResult?>> Check, string Description)
    where T : class, IRecord;

/// <summary>
/// The endpoints every kind of record has, written once: list, get, create, update (optimistic, with the version the
/// edit is based on), soft delete and history. Every write goes through <see cref="RecordStore"/>, so it is a revision.
/// </summary>
internal static class RecordEndpoints
{
    public static RouteGroupBuilder MapRecordEndpoints<T, TPage>(this RouteGroupBuilder api, string route, string listFields, ListQuery<TPage> list,
        CreateCheck<T>? beforeCreate = null)
        where T : class, IRecord
    {
        var kind = RecordTables.KindOf<T>();
        var code = WireCode.Of(kind);
        var group = api.MapGroup("/" + route).WithTags(route);

        group.MapGet("", async (Database db, RecordStore store, HttpContext http, string? q, string? page, string? pageSize, CancellationToken ct) =>
                Results.Ok(await list(db, ListRequest.From(q, page, pageSize), http.Viewer(), store, ct)))
            .WithName($"list-{route}")
            .WithSummary($"Lists {route}, a page at a time")
            .WithDescription($"{{\"items\": [...], \"total\": N}}, where total counts every match. Each item has the id and the {listFields}. " +
                $"page starts at 1; pageSize is 1 to {ListRequest.MaxPageSize} (default {ListRequest.DefaultPageSize}).")
            .Produces<TPage>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        // A record the viewer may not see answers exactly as a missing one; references to records they may not see are left out.
        group.MapGet("/{id:long}", async (long id, RecordStore store, TextLocalizer t, HttpContext http, CancellationToken ct) =>
                await ShownAsync<T>(store, id, http.Viewer(), ct) is { } record
                    ? Results.Json(record, KuagerJson.Options)
                    : ApiProblems.NotFound(t, $"there is no {code} {id}"))
            .WithName($"get-{code}")
            .WithSummary($"Gets one {code}")
            .WithDescription("The full record as the domain serialises it, with its id and version (send the version back to update or delete it).")
            .Produces<T>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        async Task<IResult> CreateAsync(HttpContext http, RecordStore store, bool confirmed, CancellationToken ct)
        {
            var record = await RecordBody.ReadAsync<T>(http.Request, id: 0, forUpdate: false, ct);
            if (beforeCreate is not null && !confirmed)
            {
                // A record that breaks the rules gets its 400 first: there is no point confirming what cannot be saved.
                if (record.Validate() is { Count: > 0 } errors)
                {
                    throw new ValidationException(errors);
                }

                if (await beforeCreate.Check(record, http, ct) is { } instead)
                {
                    return instead;
                }
            }

            var saved = await store.CreateAsync(record, Editing.Actor(http), ct);
            http.Response.Headers.Location = $"{ApiEndpoints.Prefix}/{route}/{saved.Id}";
            return Results.Json(saved, KuagerJson.Options, statusCode: StatusCodes.Status201Created);
        }

        // Only kinds with a check take ?confirm, so the others' documents do not offer a parameter that does nothing.
        var create = beforeCreate is null
            ? group.MapPost("", (HttpContext http, RecordStore store, CancellationToken ct) => CreateAsync(http, store, false, ct))
            : group.MapPost("", (HttpContext http, RecordStore store, string? confirm, CancellationToken ct) =>
                CreateAsync(http, store, ListRequest.Flag("confirm", confirm), ct));
        create
            .AddEndpointFilter(ApiProblems.EditorsOnly)
            .WithName($"create-{code}")
            .WithSummary($"Creates a {code}")
            .WithDescription("The body is the record; id and version are ignored. Answers 201 with the saved record (version 1) and its Location. " +
                "A record that breaks the rules answers 400 with errors by field, as the forms show them." +
                (beforeCreate is null ? "" : " " + beforeCreate.Description))
            .Accepts<T>("application/json")
            .Produces<T>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        if (beforeCreate is not null)
        {
            create.ProducesProblem(StatusCodes.Status409Conflict);
        }

        group.MapPut("/{id:long}", async (long id, HttpContext http, RecordStore store, CancellationToken ct) =>
            {
                var record = await RecordBody.ReadAsync<T>(http.Request, id, forUpdate: true, ct);
                return Results.Json(await store.UpdateAsync(record, Editing.Actor(http), ct), KuagerJson.Options);
            })
            .AddEndpointFilter(ApiProblems.EditorsOnly)
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
            .AddEndpointFilter(ApiProblems.EditorsOnly)
            .WithName($"delete-{code}")
            .WithSummary($"Deletes a {code}")
            .WithDescription("A soft delete, saved as a revision that can be undone. version is the version the deletion is based on.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/{id:long}/history", async (long id, RecordStore store, TextLocalizer t, HttpContext http, CancellationToken ct) =>
                await HistoryAsync(store, kind, id, http.Viewer(), ct) is { Count: > 0 } history
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

    /// <summary>The record as the viewer may see it, null when missing or hidden from them (also when it only makes sense with a record hidden from them).</summary>
    private static async Task<T?> ShownAsync<T>(RecordStore store, long id, Viewer viewer, CancellationToken ct) where T : class, IRecord
    {
        if (await store.GetAsync<T>(id, viewer, ct) is not { } record)
        {
            return null;
        }

        await using var connection = await store.Database.OpenAsync(ct);
        return await Shown.WithoutHiddenLinksAsync(connection, record, viewer);
    }

    /// <summary>The history, empty for a record the viewer may not see (nor one that only makes sense with a record hidden from them).</summary>
    private static async Task<IReadOnlyList<Revision>> HistoryAsync(RecordStore store, RecordKind kind, long id, Viewer viewer, CancellationToken ct)
    {
        var history = await store.HistoryAsync(kind, id, viewer, ct);
        if (history.Count == 0 || viewer.Clearance == Confidentiality.Confidential || kind is not (RecordKind.Citation or RecordKind.Relationship))
        {
            return history;
        }

        await using var connection = await store.Database.OpenAsync(ct);
        var hidden = kind == RecordKind.Citation
            ? await connection.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM citations c WHERE c.id = @id AND (NOT EXISTS (SELECT 1 FROM sources s WHERE s.id = c.source_id AND " + Visibility.Sql(viewer, "s") + ") " +
                string.Concat(Citation.CitableKinds.Select(k => $"OR (c.target_kind = '{WireCode.Of(k)}' AND NOT EXISTS (SELECT 1 FROM {RecordTables.TableOf(k)} x WHERE x.id = c.target_id AND {Visibility.Sql(viewer, "x")})) ")) + ")",
                new { id })
            : await connection.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM relationships r WHERE r.id = @id AND EXISTS (SELECT 1 FROM persons p WHERE p.id IN (r.person_a_id, r.person_b_id) AND NOT (" +
                Visibility.Sql(viewer, "p") + "))", new { id });
        return hidden > 0 ? [] : history;
    }
}
