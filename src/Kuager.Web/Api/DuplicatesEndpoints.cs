using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Dapper;
using Kuager.Core;
using Kuager.Storage;
using Kuager.Web.Features;
using Kuager.Web.Features.Duplicates;
using Kuager.Web.Localization;

namespace Kuager.Web.Api;

/// <summary>A person in a duplicate pair: the same fields, in the same spelling, as `kuager duplicates --json` prints.</summary>
public sealed record DuplicatePersonItem(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("external_id")] string ExternalId,
    [property: JsonPropertyName("name")] string Name)
{
    public static DuplicatePersonItem Of(DuplicateProfile p) => new(p.Id, p.ExternalId, p.Name);
}

/// <summary>An existing person who may be the one being created; score 0 to 1, reasons the evidence that agrees, strongest first.</summary>
public sealed record DuplicateCandidateItem(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("external_id")] string ExternalId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("score")] double Score,
    [property: JsonPropertyName("reasons")] IReadOnlyList<string> Reasons)
{
    public static DuplicateCandidateItem Of(DuplicateCandidate c) =>
        new(c.Person.Id, c.Person.ExternalId, c.Person.Name, DuplicatesEndpoints.Round(c.Score.Score), c.Score.Reasons);
}

/// <summary>A pair in the review queue, in the shape of `kuager duplicates --json` with what was decided (null, or "later").</summary>
public sealed record DuplicatePairItem(
    [property: JsonPropertyName("a")] DuplicatePersonItem A,
    [property: JsonPropertyName("b")] DuplicatePersonItem B,
    [property: JsonPropertyName("score")] double Score,
    [property: JsonPropertyName("reasons")] IReadOnlyList<string> Reasons,
    [property: JsonPropertyName("decision")] string? Decision)
{
    public static DuplicatePairItem Of(QueuedPair q) => new(DuplicatePersonItem.Of(q.Pair.A), DuplicatePersonItem.Of(q.Pair.B),
        DuplicatesEndpoints.Round(q.Pair.Score.Score), q.Pair.Score.Reasons, q.Decision is { } d ? WireCode.Of(d) : null);
}

/// <summary>One merge of merged_id into survivor_id; undone_at is set once it has been undone.</summary>
public sealed record MergeItem(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("survivor_id")] long SurvivorId,
    [property: JsonPropertyName("merged_id")] long MergedId,
    [property: JsonPropertyName("actor")] string Actor,
    [property: JsonPropertyName("at")] DateTimeOffset At,
    [property: JsonPropertyName("undone_at")] DateTimeOffset? UndoneAt)
{
    public static MergeItem Of(PersonMerge m) => new(m.Id, m.SurvivorId, m.MergedId, m.Actor, m.At, m.UndoneAt);
}

/// <summary>
/// Duplicates through the API: the likely matches of a person before it is created (and the 409 that stops a
/// creation until it is confirmed), the review queue, decisions about pairs, and merges with their undo. All for
/// editors and admins; nothing is ever merged without being asked.
/// </summary>
internal static class DuplicatesEndpoints
{
    /// <summary>The check POST /api/v1/persons makes before creating, unless ?confirm=true.</summary>
    public static CreateCheck<Person> BeforePersonCreate { get; } = new(async (person, http, ct) =>
        {
            var candidates = await CandidatesAsync(person, http, ct);
            if (candidates.Count == 0)
            {
                return null;
            }

            var t = http.RequestServices.GetRequiredService<TextLocalizer>();
            return Results.Problem(detail: t["api.DuplicatesDetail"], statusCode: StatusCodes.Status409Conflict, title: t["api.DuplicatesTitle"],
                extensions: new Dictionary<string, object?> { ["candidates"] = candidates });
        },
        "If people already recorded may be this one, nothing is written and the answer is 409 with \"candidates\": [{\"id\", \"external_id\", " +
        "\"name\", \"score\" (0 to 1), \"reasons\" (\"name\", \"birth_year\", \"gender\", \"ethnicity\", \"hometown\", \"relative\", \"source\")}], " +
        "best first. Send the same request with ?confirm=true to create the person anyway. POST /api/v1/persons/duplicates lists the " +
        "candidates without creating anything.");

    /// <summary>Scores travel with two decimals, as `kuager duplicates --json` prints them.</summary>
    public static double Round(double score) => Math.Round(score, 2, MidpointRounding.AwayFromZero);

    public static RouteGroupBuilder MapDuplicates(this RouteGroupBuilder api)
    {
        api.MapPost("/persons/duplicates", async (HttpContext http, CancellationToken ct) =>
            {
                var person = await RecordBody.ReadAsync<Person>(http.Request, id: 0, forUpdate: false, ct);
                if (person.Validate() is { Count: > 0 } errors)
                {
                    throw new ValidationException(errors);
                }

                return Results.Ok(await CandidatesAsync(person, http, ct));
            })
            .AddEndpointFilter(ApiProblems.EditorsOnly)
            .WithTags("duplicates")
            .WithName("person-duplicates")
            .WithSummary("Lists the people already recorded who may be this person, without creating it")
            .WithDescription("The body is a person, as for POST /api/v1/persons. Answers 200 with a JSON array, best first (empty when there are none): " +
                "[{\"id\", \"external_id\", \"name\", \"score\" (0 to 1), \"reasons\"}]. Nothing is written. A person that breaks the rules answers 400 " +
                "with errors by field.")
            .Accepts<Person>("application/json")
            .Produces<List<DuplicateCandidateItem>>()
            .ProducesValidationProblem();

        api.MapGet("/duplicates", async (RecordStore store, HttpContext http, CancellationToken ct) =>
            {
                var viewer = http.Viewer();
                var queue = await DuplicateService.For(store.Database).QueueAsync(viewer, ct);
                await store.AuditShownAsync(viewer, queue.SelectMany(q => new[] { q.Pair.A, q.Pair.B }), ct);
                return Results.Ok(queue.Select(DuplicatePairItem.Of).ToList());
            })
            .AddEndpointFilter(EditorsOnlyToRead)
            .WithTags("duplicates")
            .WithName("duplicates")
            .WithSummary("Lists the review queue of likely duplicates")
            .WithDescription("Pairs of people who may be one person: [{\"a\": {\"id\", \"external_id\", \"name\"}, \"b\": {...}, \"score\" (0 to 1), " +
                "\"reasons\": [...], \"decision\": null | \"later\"}], undecided pairs first (best first), then those put off for later. Pairs decided " +
                "\"distinct\" never come back. Editors and admins only.")
            .Produces<List<DuplicatePairItem>>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapPost("/duplicates/decisions", async (RecordStore store, HttpContext http, TextLocalizer t, CancellationToken ct) =>
            {
                var body = await ObjectAsync(http.Request, ct);
                var a = PersonId(body, "a");
                var b = PersonId(body, "b");
                if (a == b)
                {
                    throw new ApiInputException("b", "must be another person than a");
                }

                var decision = body["decision"] is JsonValue v && v.GetValueKind() == JsonValueKind.String && WireCode.TryParse<DuplicateDecision>(v.GetValue<string>(), out var d)
                    ? d
                    : throw new ApiInputException("decision", $"is required: {WireCode.Choices<DuplicateDecision>()}");
                if (await MissingAsync(store, http.Viewer(), ct, a, b) is { } missing)
                {
                    return ApiProblems.NotFound(t, $"there is no person {missing}");
                }

                await DuplicateService.For(store.Database).DecideAsync(a, b, decision, Editing.Actor(http), ct);
                return Results.NoContent();
            })
            .AddEndpointFilter(ApiProblems.EditorsOnly)
            .WithTags("duplicates")
            .WithName("decide-duplicate")
            .WithSummary("Records a decision about a pair")
            .WithDescription("The body is {\"a\": id, \"b\": id, \"decision\": \"distinct\" | \"later\"} (either order). \"distinct\": not the same person, " +
                "never proposed again; \"later\": put at the end of the queue. Answers 204; 400 names the field at fault; 404 when a person does not exist.")
            .Accepts<DecisionBody>("application/json")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/merges", async (RecordStore store, HttpContext http, TextLocalizer t, CancellationToken ct) =>
            {
                var body = await ObjectAsync(http.Request, ct);
                var survivor = PersonId(body, "survivor_id");
                var merged = PersonId(body, "merged_id");
                if (survivor == merged)
                {
                    throw new ApiInputException("merged_id", "must be another person than survivor_id");
                }

                if (await MissingAsync(store, http.Viewer(), ct, survivor, merged) is { } missing)
                {
                    return ApiProblems.NotFound(t, $"there is no person {missing}");
                }

                var merge = await store.MergeAsync(survivor, merged, Editing.Actor(http), ct);
                return Results.Json(MergeItem.Of(merge), statusCode: StatusCodes.Status201Created);
            })
            .AddEndpointFilter(ApiProblems.EditorsOnly)
            .WithTags("merges")
            .WithName("merge-persons")
            .WithSummary("Merges one person into another")
            .WithDescription("The body is {\"survivor_id\": id, \"merged_id\": id}. Every name, event, case, testimony, citation and relationship of the " +
                "merged person is kept on the survivor, the merged record is deleted, and each record changed gets a revision. Answers 201 with the " +
                "merge: {\"id\", \"survivor_id\", \"merged_id\", \"actor\", \"at\", \"undone_at\"}; 400 names the field at fault; 404 when a person " +
                "does not exist (or was deleted); 409 when the merge conflicts with the records as they are.")
            .Accepts<MergeBody>("application/json")
            .Produces<MergeItem>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        // No such merge is a 404 and one already undone a 409, as the store says (NotFoundException, RevisionConflictException).
        api.MapPost("/merges/{id:long}/undo", async (long id, RecordStore store, HttpContext http, CancellationToken ct) =>
                Results.Ok(MergeItem.Of(await store.UnmergeAsync(id, Editing.Actor(http), ct))))
            .AddEndpointFilter(ApiProblems.EditorsOnly)
            .WithTags("merges")
            .WithName("undo-merge")
            .WithSummary("Undoes a merge")
            .WithDescription("Puts back exactly what the merge moved and added (the merged person returns), leaving later edits to other fields alone. " +
                "Answers 200 with the merge, undone_at set; 404 when there is no such merge; 409 when it was already undone or cannot be undone.")
            .Produces<MergeItem>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    /// <summary>The likely matches as the API shows them; an editor's sight of confidential people is audited.</summary>
    private static async Task<IReadOnlyList<DuplicateCandidateItem>> CandidatesAsync(Person person, HttpContext http, CancellationToken ct)
    {
        var store = http.RequestServices.GetRequiredService<RecordStore>();
        var viewer = http.Viewer();
        var candidates = await DuplicateService.For(store.Database).CandidatesForAsync(person, viewer, ct);
        await store.AuditShownAsync(viewer, candidates.Select(c => c.Person), ct);
        return candidates.Select(DuplicateCandidateItem.Of).ToList();
    }

    /// <summary>The queue is for reviewers: a visitor gets 401 (send a token), a reader 403, before anything is read.</summary>
    private static ValueTask<object?> EditorsOnlyToRead(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        ApiProblems.EditorsOnly(context, next, "api.ReviewForbiddenDetail", "api.SignInToReviewDetail");

    private static async Task<JsonObject> ObjectAsync(HttpRequest request, CancellationToken ct)
    {
        JsonNode? node;
        try
        {
            node = await JsonNode.ParseAsync(request.Body, cancellationToken: ct);
        }
        catch (JsonException e)
        {
            throw new ApiInputException(null, "the body is not valid JSON: " + e.Message);
        }

        return node as JsonObject ?? throw new ApiInputException(null, "the body must be a JSON object");
    }

    private static long PersonId(JsonObject body, string field) =>
        body[field] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out var id) && id > 0
            ? id
            : throw new ApiInputException(field, body[field] is null ? "is required: a person's id" : "must be a person's id, a whole number");

    /// <summary>The first of these people that does not exist, is deleted, or is hidden from the viewer; null when all are there.</summary>
    private static async Task<long?> MissingAsync(RecordStore store, Viewer viewer, CancellationToken ct, params long[] ids)
    {
        await using var c = await store.Database.OpenAsync(ct);
        var found = (await c.QueryAsync<long>(
            $"SELECT p.id FROM persons p WHERE p.id IN {Features.Events.RecordLinks.In(ids)} AND p.deleted_at IS NULL AND {Visibility.Sql(viewer, "p")}")).ToHashSet();
        return ids.Where(id => !found.Contains(id)).Select(id => (long?)id).FirstOrDefault();
    }
}

/// <summary>The body of POST /api/v1/duplicates/decisions, for the OpenAPI document.</summary>
public sealed record DecisionBody(
    [property: JsonPropertyName("a")] long A,
    [property: JsonPropertyName("b")] long B,
    [property: JsonPropertyName("decision")] DuplicateDecision Decision);

/// <summary>The body of POST /api/v1/merges, for the OpenAPI document.</summary>
public sealed record MergeBody(
    [property: JsonPropertyName("survivor_id")] long SurvivorId,
    [property: JsonPropertyName("merged_id")] long MergedId);
