using System.Text.Json;
using System.Text.Json.Nodes;
using Kuager.Core;
using Kuager.Storage;
using Kuager.Web.Features;
using Kuager.Web.Features.Elections;
using Kuager.Web.Localization;

namespace Kuager.Web.Api;

/// <summary>A party to register.</summary>
public sealed record PartyBody(string Name);

/// <summary>A candidate; on a party's list when partyId is given, at listPosition (the others move down) or at the end. Unknown facts are left out.</summary>
public sealed record CandidateBody(string Name, long? PartyId = null, bool? Citizen = null, DateOnly? BirthDate = null, DateOnly? ResidentSince = null,
    bool? UnexpungedConviction = null, Gender? Gender = null, bool Disability = false, long? PersonId = null, int? ListPosition = null);

/// <summary>Where a candidate moves on their party's list (from 1).</summary>
public sealed record ListPositionBody(int ListPosition);

/// <summary>A region (no parent), district (in a region) or station (in a district, with registered voters).</summary>
public sealed record UnitBody(TallyLevel Level, string Name, long? ParentId = null, long? RegisteredVoters = null, bool InSample = false);

/// <summary>A station's protocol; keepInconsistent keeps one whose arithmetic is wrong (marked inconsistent).</summary>
public sealed record ProtocolBody(long RegisteredVoters, long BallotsIssued, long Valid, long Invalid, IReadOnlyList<ChoiceVotes> Choices, long AgainstAll = 0,
    bool KeepInconsistent = false);

/// <summary>An observer to accredit at a station.</summary>
public sealed record AccreditationBody(string Observer, string Organisation, string? Represents = null, long? PersonId = null);

/// <summary>A refusal, expulsion or detention of an observer.</summary>
public sealed record ObserverEventBody(string Observer, ObserverEventKind Kind, DateOnly Day, long? StationId = null, string? Description = null, long? PersonId = null);

/// <summary>One filled observation form.</summary>
public sealed record ObservationBody(long StationId, string Observer, Assessment Assessment, IReadOnlyDictionary<string, bool> Answers);

/// <summary>An election with its parties, candidates and hierarchy, as GET /api/v1/elections/{id} answers.</summary>
public sealed record ElectionDetails(Election Election, IReadOnlyList<ElectionParty> Parties, IReadOnlyList<ElectionCandidate> Candidates, IReadOnlyList<ElectionUnit> Units);

/// <summary>
/// The elections module through the API: elections with their rules, parties, candidates, the hierarchy, protocols,
/// observers, forms and observations; and the figures computed from them (tabulation, comparison with official
/// results, seats, parallel vote tabulation, eligibility, quotas, assessments, coverage). Signed-in readers read;
/// editors and admins write. Bodies and answers use the domain's JSON (camelCase, kebab-case codes).
/// </summary>
internal static class ElectionsEndpoints
{
    public static RouteGroupBuilder MapElections(this RouteGroupBuilder api)
    {
        var elections = api.MapGroup("/elections").WithTags("elections");

        elections.MapGet("", async (ElectionStore store, CancellationToken ct) => Json(await store.ListElectionsAsync(ct)))
            .AddEndpointFilter(ReadersOnly).WithName("elections").WithSummary("Lists elections, the latest first")
            .WithDescription("[{\"id\", \"name\", \"kind\", \"electionDay\", \"stages\", \"eligibility\", \"quotas\", \"seats\", \"thresholdPercent\", \"thresholdOf\", \"observerLimits\"}]")
            .Produces<List<Election>>();

        elections.MapPost("", async (HttpContext http, ElectionStore store, CancellationToken ct) =>
                Json(await store.CreateElectionAsync(await BodyAsync<Election>(http, ct), Editing.Actor(http), ct), StatusCodes.Status201Created))
            .AddEndpointFilter(ApiProblems.EditorsOnly).WithName("create-election").WithSummary("Creates an election or party primary with its stages and rules")
            .WithDescription("kind: party-list | presidential | referendum | local | party-primary; stages [{name, start, end}]; eligibility {requireCitizen, " +
                "minimumAge, residenceYears, requireNoConviction}; quotas [{name, groups: [{group: women | under_age (age) | disability}], minimumPercent}]; " +
                "seats, thresholdPercent, thresholdOf (valid | all); observerLimits {perRepresentedPerStation, perOrganisationPerStation}; ballotOf (party | candidate | " +
                "option: what the ballot lists, hence what protocols count; null for the kind's usual: parties, candidates for presidential and party-primary, " +
                "options for referendum). 201 with the election (ballot: what its ballot lists); 400 names the field.")
            .Accepts<Election>("application/json").Produces<Election>(StatusCodes.Status201Created).ProducesValidationProblem();

        elections.MapGet("/{id:long}", async (long id, ElectionStore store, RecordStore records, HttpContext http, CancellationToken ct) =>
                Json(new ElectionDetails(await store.GetElectionAsync(id, ct), await store.PartiesAsync(id, ct),
                    await ElectionPrivacy.ForAsync(await store.CandidatesAsync(id, ct), records, http.Viewer(), ct), await store.UnitsAsync(id, ct))))
            .AddEndpointFilter(ReadersOnly).WithName("election").WithSummary("An election with its parties, candidates and region > district > station hierarchy")
            .Produces<ElectionDetails>().ProducesProblem(StatusCodes.Status404NotFound);

        elections.MapPut("/{id:long}", async (long id, HttpContext http, ElectionStore store, CancellationToken ct) =>
                Json(await store.UpdateElectionAsync(ElectionOf(await EditAsync(http, ct), id), Editing.Actor(http), ct)))
            .AddEndpointFilter(ApiProblems.EditorsOnly).WithName("update-election").WithSummary("Replaces an election's name, kind, day, stages and rules")
            .WithDescription("The body is the whole election as create-election takes it, with the \"version\" it was read at (GET /api/v1/elections/{id}). " +
                "Stages are kept in date order. 200 with the election at its new version; 400 names the field (e.g. stages[2].end, quotas[0].groups[1].age); " +
                "409 when someone else changed it since that version (nothing is written: read it again).")
            .Accepts<Election>("application/json").Produces<Election>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        elections.MapPatch("/{id:long}", async (long id, HttpContext http, ElectionStore store, CancellationToken ct) =>
            {
                var patch = await EditAsync(http, ct);
                var current = JsonSerializer.SerializeToNode(await store.GetElectionAsync(id, ct), KuagerJson.Options)!.AsObject();
                MergePatch(current, patch);
                return Json(await store.UpdateElectionAsync(ElectionOf(current, id), Editing.Actor(http), ct));
            })
            .AddEndpointFilter(ApiProblems.EditorsOnly).WithName("patch-election").WithSummary("Changes some of an election's fields (JSON merge patch, RFC 7396)")
            .WithDescription("Send only what changes, with the \"version\" it was read at, e.g. {\"version\": 3, \"eligibility\": {\"minimumAge\": 25}} or " +
                "{\"version\": 3, \"stages\": [...]} (an array replaces the whole list); null removes a value. Answers as update-election: 200, 400 by field, 409 when stale.")
            .Accepts<JsonObject>("application/merge-patch+json", "application/json").Produces<Election>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        elections.MapPost("/{id:long}/parties", async (long id, HttpContext http, ElectionStore store, CancellationToken ct) =>
                Json(await store.AddPartyAsync(id, (await BodyAsync<PartyBody>(http, ct)).Name, Editing.Actor(http), ct), StatusCodes.Status201Created))
            .AddEndpointFilter(ApiProblems.EditorsOnly).WithName("add-party").WithSummary("Registers a party (registration order breaks seat ties)")
            .Accepts<PartyBody>("application/json").Produces<ElectionParty>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        elections.MapPost("/{id:long}/candidates", async (long id, HttpContext http, ElectionStore store, CancellationToken ct) =>
            {
                var b = await BodyAsync<CandidateBody>(http, ct);
                var facts = new CandidateFacts(b.Name ?? "", b.Citizen, b.BirthDate, b.ResidentSince, b.UnexpungedConviction, b.Gender, b.Disability);
                return Json(await store.AddCandidateAsync(id, b.PartyId, facts, Editing.Actor(http), b.PersonId, b.ListPosition, ct), StatusCodes.Status201Created);
            })
            .AddEndpointFilter(ApiProblems.EditorsOnly).WithName("add-candidate").WithSummary("Adds a candidate, on a party's list when partyId is given (at listPosition, or at the end)")
            .Accepts<CandidateBody>("application/json").Produces<ElectionCandidate>(StatusCodes.Status201Created).ProducesValidationProblem();

        elections.MapPut("/{id:long}/candidates/{candidate:long}/position", async (long id, long candidate, HttpContext http, ElectionStore store, CancellationToken ct) =>
                Json(await store.MoveCandidateAsync(id, candidate, (await BodyAsync<ListPositionBody>(http, ct)).ListPosition, Editing.Actor(http), ct)))
            .AddEndpointFilter(ApiProblems.EditorsOnly).WithName("move-candidate").WithSummary("Moves a candidate to another position on their party's list")
            .WithDescription("{\"listPosition\": N} from 1 to the list's length; the candidates between move one place. 200 with the candidate; 400 names listPosition.")
            .Accepts<ListPositionBody>("application/json").Produces<ElectionCandidate>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        elections.MapDelete("/{id:long}/candidates/{candidate:long}", async (long id, long candidate, HttpContext http, ElectionStore store, CancellationToken ct) =>
            {
                await store.RemoveCandidateAsync(id, candidate, Editing.Actor(http), ct);
                return Results.NoContent();
            })
            .AddEndpointFilter(ApiProblems.EditorsOnly).WithName("remove-candidate").WithSummary("Removes a candidate; those below on the list move up one place")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);

        elections.MapPost("/{id:long}/units", async (long id, HttpContext http, ElectionStore store, CancellationToken ct) =>
            {
                var b = await BodyAsync<UnitBody>(http, ct);
                return Json(await store.AddUnitAsync(id, b.ParentId, b.Level, b.Name ?? "", b.RegisteredVoters, Editing.Actor(http), b.InSample, ct), StatusCodes.Status201Created);
            })
            .AddEndpointFilter(ApiProblems.EditorsOnly).WithName("add-unit").WithSummary("Adds a region, a district in a region, or a polling station in a district")
            .WithDescription("{\"level\": \"region\" | \"district\" | \"station\", \"name\", \"parentId\", \"registeredVoters\" (stations), \"inSample\" (stations in the parallel vote tabulation's sample)}")
            .Accepts<UnitBody>("application/json").Produces<ElectionUnit>(StatusCodes.Status201Created).ProducesValidationProblem();

        elections.MapPut("/stations/{id:long}/protocols/{source}", async (long id, string source, HttpContext http, ElectionStore store, CancellationToken ct) =>
            {
                var b = await BodyAsync<ProtocolBody>(http, ct);
                var protocol = new Protocol(b.RegisteredVoters, b.BallotsIssued, b.Valid, b.Invalid, b.Choices ?? [], b.AgainstAll);
                var findings = await store.SaveProtocolAsync(id, Source(source), protocol, Editing.Actor(http), b.KeepInconsistent, ct);
                return Json(findings.Select(f => new { severity = WireCode.Of(f.Severity), field = f.Field, message = f.Message }).ToList());
            })
            .AddEndpointFilter(ApiProblems.EditorsOnly).WithName("save-protocol").WithSummary("Saves a station's protocol from a source (observer | official)")
            .WithDescription("The protocol is checked: ballots issued ≤ registered voters; valid + invalid ≤ ballots issued (fewer is a warning); votes per choice + " +
                "against all = valid. Errors answer 400 with each message by field (registered_voters, ballots_issued, valid, invalid, against_all, votes:CHOICE) " +
                "unless keepInconsistent is true. 200 with the findings [{severity, field, message}].")
            .Accepts<ProtocolBody>("application/json").ProducesValidationProblem();

        elections.MapPost("/stations/{id:long}/accreditations", async (long id, HttpContext http, ElectionStore store, CancellationToken ct) =>
            {
                var b = await BodyAsync<AccreditationBody>(http, ct);
                var created = await store.AccreditAsync(id, new Accreditation(b.Observer ?? "", b.Organisation ?? "", "", b.Represents), Editing.Actor(http), b.PersonId, ct);
                return Results.Json(new { id = created }, statusCode: StatusCodes.Status201Created);
            })
            .AddEndpointFilter(ApiProblems.EditorsOnly).WithName("accredit-observer").WithSummary("Accredits an observer at a station, within the election's limits")
            .Accepts<AccreditationBody>("application/json").ProducesValidationProblem();

        elections.MapPost("/{id:long}/observer-events", async (long id, HttpContext http, ElectionStore store, CancellationToken ct) =>
            {
                var b = await BodyAsync<ObserverEventBody>(http, ct);
                return Json(await store.RecordObserverEventAsync(id, b.StationId, b.Observer ?? "", b.Kind, b.Day, b.Description, Editing.Actor(http), b.PersonId, ct),
                    StatusCodes.Status201Created);
            })
            .AddEndpointFilter(ApiProblems.EditorsOnly).WithName("record-observer-event").WithSummary("Records a refusal, expulsion or detention of an observer")
            .WithDescription("kind: accreditation-refused | entry-refused | expelled | detained. With personId, an expulsion becomes an observer-expelled event and a " +
                "detention an election-day-detention event on that person in the registry.")
            .Accepts<ObserverEventBody>("application/json").Produces<ObserverEvent>(StatusCodes.Status201Created).ProducesValidationProblem();

        elections.MapPost("/{id:long}/forms", async (long id, HttpContext http, ElectionStore store, CancellationToken ct) =>
                Results.Json(new { id = await store.AddFormAsync(id, await BodyAsync<ObservationForm>(http, ct), Editing.Actor(http), ct) }, statusCode: StatusCodes.Status201Created))
            .AddEndpointFilter(ApiProblems.EditorsOnly).WithName("add-form").WithSummary("Adds an observation checklist for a stage (opening | voting | counting | tabulation)")
            .Accepts<ObservationForm>("application/json").ProducesValidationProblem();

        elections.MapPost("/forms/{id:long}/observations", async (long id, HttpContext http, ElectionStore store, CancellationToken ct) =>
            {
                var b = await BodyAsync<ObservationBody>(http, ct);
                var created = await store.RecordObservationAsync(id, b.StationId, b.Observer ?? "", b.Assessment, b.Answers ?? new Dictionary<string, bool>(), Editing.Actor(http), ct);
                return Results.Json(new { id = created }, statusCode: StatusCodes.Status201Created);
            })
            .AddEndpointFilter(ApiProblems.EditorsOnly).WithName("record-observation").WithSummary("Records a filled form: assessment (very-good | good | bad | very-bad) and every answer")
            .Accepts<ObservationBody>("application/json").ProducesValidationProblem();

        elections.MapPost("/{id:long}/incidents", async (long id, HttpContext http, ElectionStore store, FileStore files, CancellationToken ct) =>
            {
                if (!http.Request.HasFormContentType)
                {
                    throw new ApiInputException(null, "send the incident as multipart/form-data: kind, day, description, stationId, detainedObserver, detainedPersonId, and files");
                }

                var form = await http.Request.ReadFormAsync(ct);
                var day = DateOnly.TryParseExact(form["day"].ToString(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)
                    ? d : throw new ApiInputException("day", "is required: a date, yyyy-mm-dd");
                var report = new IncidentReport(OptionalId(form, "stationId"), form["kind"].ToString(), day, form["description"].ToString(),
                    form.Files.Select(f => new IncidentFile(f.FileName, f.ContentType, f.OpenReadStream())).ToList(),
                    form["detainedObserver"].ToString() is { Length: > 0 } observer ? observer : null, OptionalId(form, "detainedPersonId"));
                try
                {
                    return Json(await store.ReportIncidentAsync(id, report, Editing.Actor(http), files, ct), StatusCodes.Status201Created);
                }
                finally
                {
                    foreach (var f in report.Files)
                    {
                        await f.Content.DisposeAsync();
                    }
                }
            })
            .AddEndpointFilter(ApiProblems.EditorsOnly).WithName("report-incident")
            .WithSummary("Reports an incident with its files (multipart/form-data), each kept by its SHA-256")
            .WithDescription("Fields: kind, day (yyyy-mm-dd), description, stationId, and for a detained observer detainedObserver and detainedPersonId " +
                "(then an election-day-detention event is made on that person). 201 with {id, stationId, kind, day, description, observerEventId, files: [{fileName, sha256}]}.")
            .Produces<StoredIncident>(StatusCodes.Status201Created).ProducesValidationProblem().DisableAntiforgery();

        elections.MapGet("/{id:long}/incidents", Figure((store, id, ct) => store.IncidentsAsync(id, ct)))
            .AddEndpointFilter(ReadersOnly).WithName("election-incidents").WithSummary("Incidents reported, oldest first, with their files' hashes")
            .Produces<List<StoredIncident>>();

        elections.MapGet("/{id:long}/observer-events", async (long id, ElectionStore store, RecordStore records, HttpContext http, CancellationToken ct) =>
                Json(await ElectionPrivacy.ForAsync(await store.ObserverEventsAsync(id, ct), records, http.Viewer(), ct)))
            .AddEndpointFilter(ReadersOnly).WithName("observer-events").WithSummary("Observers refused, expelled or detained, with the registry event made for each")
            .WithDescription("An observer linked to a registry person the reader may not see comes with an empty observer, no description and no personId " +
                "or eventId; a registry event the reader may not see has no eventId.")
            .Produces<List<ObserverEvent>>();

        // The figures.
        elections.MapGet("/{id:long}/results", async (long id, string? source, ElectionStore store, CancellationToken ct) =>
            {
                await store.GetElectionAsync(id, ct);
                return Json(await store.TabulateAsync(id, Source(source), ct));
            })
            .AddEndpointFilter(ReadersOnly).WithName("election-results").WithSummary("Protocols of a source (observer by default, or official) summed up region > district > station")
            .Produces<TallyNode>();
        elections.MapGet("/{id:long}/comparison", Figure((store, id, ct) => store.CompareWithOfficialAsync(id, ct)))
            .AddEndpointFilter(ReadersOnly).WithName("election-comparison").WithSummary("Each figure of our observers' protocols that differs from the official one, station by station")
            .Produces<List<ResultDifference>>();
        elections.MapGet("/{id:long}/seats", async (long id, string? source, ElectionStore store, CancellationToken ct) => Json(await store.SeatsAsync(id, Source(source), ct)))
            .AddEndpointFilter(ReadersOnly).WithName("election-seats").WithSummary("Seats by Hare quota with largest remainders, the threshold and the runner-up rule")
            .Produces<SeatOutcome>();
        elections.MapGet("/{id:long}/pvt", Figure((store, id, ct) => store.ParallelVoteTabulationAsync(id, ct)))
            .AddEndpointFilter(ReadersOnly).WithName("election-pvt").WithSummary("Parallel vote tabulation: each choice's ratio estimate with margins of error at 95 % and 99 %")
            .Produces<PvtEstimate>();
        elections.MapGet("/{id:long}/eligibility", async (long id, ElectionStore store, CancellationToken ct) => Json(await store.EligibilityAsync(id, ct)))
            .AddEndpointFilter(ReadersOnly).WithName("election-eligibility").WithSummary("Each candidate against the eligibility rules, with the reasons of those who fail")
            .Produces<List<EligibilityVerdict>>();
        elections.MapGet("/{id:long}/quotas", async (long id, ElectionStore store, CancellationToken ct) => Json(await store.QuotasAsync(id, ct)))
            .AddEndpointFilter(ReadersOnly).WithName("election-quotas").WithSummary("Each party list against each quota, with the numbers")
            .Produces<List<QuotaCheck>>();
        elections.MapGet("/{id:long}/assessments", async (long id, string? stage, ElectionStore store, CancellationToken ct) =>
            {
                await store.GetElectionAsync(id, ct);
                var s = stage is null ? ObservationStage.Counting
                    : WireCode.TryParse<ObservationStage>(stage, out var parsed) ? parsed : throw new ApiInputException("stage", $"must be {WireCode.Choices<ObservationStage>()}");
                return Json(await store.NegativeShareAsync(id, s, ct));
            })
            .AddEndpointFilter(ReadersOnly).WithName("election-assessments")
            .WithSummary("Share of observations of a stage (counting by default) assessed bad or very bad, by region, with the number of observations; region \"\" is all")
            .Produces<List<ObservedShare>>();
        elections.MapGet("/{id:long}/coverage", Figure((store, id, ct) => store.CoverageAsync(id, ct)))
            .AddEndpointFilter(ReadersOnly).WithName("election-coverage").WithSummary("Stations and regions visited by observers, of those known")
            .Produces<Coverage>();
        return api;
    }

    /// <summary>A read of one election's figures: 404 when the election does not exist, else the figures in the domain's JSON.</summary>
    private static Func<long, ElectionStore, CancellationToken, Task<IResult>> Figure<T>(Func<ElectionStore, long, CancellationToken, Task<T>> read) =>
        async (id, store, ct) =>
        {
            await store.GetElectionAsync(id, ct);
            return Json(await read(store, id, ct));
        };

    private static IResult Json<T>(T value, int status = StatusCodes.Status200OK) => Results.Json(value, KuagerJson.Options, statusCode: status);

    private static long? OptionalId(IFormCollection form, string field) =>
        form[field].ToString() is not { Length: > 0 } text ? null
        : long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0 ? id
        : throw new ApiInputException(field, "must be an id, a whole number");

    private static ProtocolSource Source(string? source) =>
        source is null ? ProtocolSource.Observer
        : WireCode.TryParse<ProtocolSource>(source, out var s) ? s : throw new ApiInputException("source", $"must be {WireCode.Choices<ProtocolSource>()}");

    private static async Task<T> BodyAsync<T>(HttpContext http, CancellationToken ct)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(http.Request.Body, KuagerJson.Options, ct)
                ?? throw new ApiInputException(null, "the body must be a JSON object");
        }
        catch (JsonException e)
        {
            throw new ApiInputException(e.Path is { Length: > 2 } path ? path[2..] : null, "the body is not what this endpoint reads: " + e.Message);
        }
    }

    /// <summary>An edit's body: a JSON object that names the version it was read at.</summary>
    private static async Task<JsonObject> EditAsync(HttpContext http, CancellationToken ct)
    {
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: ct);
        }
        catch (JsonException e)
        {
            throw new ApiInputException(null, "the body is not JSON: " + e.Message);
        }

        if (body is not JsonObject edit)
        {
            throw new ApiInputException(null, "the body must be a JSON object");
        }

        return edit["version"] is JsonValue v && v.TryGetValue<int>(out var version) && version > 0
            ? edit
            : throw new ApiInputException("version", "is required: the version the election was read at (GET /api/v1/elections/{id})");
    }

    private static Election ElectionOf(JsonObject json, long id)
    {
        try
        {
            return (json.Deserialize<Election>(KuagerJson.Options) ?? throw new ApiInputException(null, "the body must be a JSON object")) with { Id = id };
        }
        catch (JsonException e)
        {
            throw new ApiInputException(e.Path is { Length: > 2 } path ? path[2..] : null, "the body is not what this endpoint reads: " + e.Message);
        }
    }

    /// <summary>RFC 7396: objects merge member by member, null removes a member, anything else (arrays too) replaces it.</summary>
    private static void MergePatch(JsonObject target, JsonObject patch)
    {
        foreach (var (name, value) in patch.ToList())
        {
            if (value is null)
            {
                target.Remove(name);
            }
            else if (value is JsonObject inner && target[name] is JsonObject existing)
            {
                MergePatch(existing, inner);
            }
            else
            {
                target[name] = value.DeepClone();
            }
        }
    }

    /// <summary>Election data names observers and candidates: signed-in readers only; a visitor gets 401.</summary>
    private static async ValueTask<object?> ReadersOnly(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.Viewer().IsSignedIn)
        {
            return await next(context);
        }

        var t = http.RequestServices.GetRequiredService<TextLocalizer>();
        return Results.Problem(detail: t["elections.SignInDetail"], statusCode: StatusCodes.Status401Unauthorized, title: t["api.SignInTitle"]);
    }
}
