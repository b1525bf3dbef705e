using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Kuager.Core;
using Kuager.Ingestion;
using Kuager.Storage;
using Kuager.Storage.Ingestion;
using Kuager.Web.Features;

namespace Kuager.Web.Api;

/// <summary>Pasted text (or a file's text) to ingest, with what the user knows of its source.</summary>
public sealed record IngestBody(
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("format")] string? Format,
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("publisher")] string? Publisher,
    [property: JsonPropertyName("date")] string? Date,
    [property: JsonPropertyName("kind")] string? Kind = null,
    [property: JsonPropertyName("language")] string? Language = null);

/// <summary>A proposal in the review queue.</summary>
public sealed record ProposalItem(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("source_id")] long SourceId,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("detail")] JsonElement Detail,
    [property: JsonPropertyName("sentence")] string Sentence,
    [property: JsonPropertyName("matched_person_id")] long? MatchedPersonId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("record_kind")] string? RecordKind,
    [property: JsonPropertyName("record_id")] long? RecordId)
{
    public static ProposalItem Of(IngestProposal p)
    {
        using var detail = JsonDocument.Parse(p.Detail);
        return new(p.Id, p.SourceId, p.Kind, p.Label, detail.RootElement.Clone(), p.Sentence, p.MatchedPersonId, p.Status, p.RecordKind, p.RecordId);
    }
}

public sealed record LabelBody([property: JsonPropertyName("label")] string? Label);

public sealed record AcceptBody([property: JsonPropertyName("ids")] IReadOnlyList<long>? Ids);

/// <summary>
/// Ingestion through the API: text pasted or read from a file becomes sources and proposals (the same library and
/// storage as `kuager ingest`), and the review queue: list, accept, edit, reject, batch accept. Editors and admins only.
/// </summary>
internal static class IngestionEndpoints
{
    private const int MaxText = 5_000_000;

    public static RouteGroupBuilder MapIngestion(this RouteGroupBuilder api)
    {
        api.MapPost("/ingestion", async (IngestBody body, RecordStore store, HttpContext http, CancellationToken ct) =>
            {
                if (string.IsNullOrWhiteSpace(body.Text))
                    throw new ApiInputException("text", "is required: the page's text, HTML or Markdown");
                if (body.Text.Length > MaxText)
                    throw new ApiInputException("text", $"is longer than {MaxText:N0} characters; split the page");
                var format = body.Format?.ToLowerInvariant() switch
                {
                    null or "" or "text" or "txt" => PageFormat.Text,
                    "markdown" or "md" => PageFormat.Markdown,
                    "html" or "htm" => PageFormat.Html,
                    _ => throw new ApiInputException("format", "must be text, markdown or html"),
                };
                DateOnly? date = null;
                if (!string.IsNullOrEmpty(body.Date))
                {
                    date = DateOnly.TryParseExact(body.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                        ? d
                        : throw new ApiInputException("date", $"\"{body.Date}\" is not a date; write YYYY-MM-DD, e.g. 2021-02-22");
                }

                if (body.Url is { Length: > 0 } url && !Source.IsWebAddress(url))
                    throw new ApiInputException("url", $"\"{url}\" is not a web address (http or https)");
                var kind = string.IsNullOrEmpty(body.Kind) ? TextKind.News
                    : TextKinds.Parse(body.Kind) ?? throw new ApiInputException("kind", $"must be one of {string.Join(", ", TextKinds.Codes)}");
                var language = string.IsNullOrWhiteSpace(body.Language) ? null : body.Language.Trim().ToLowerInvariant();
                if (language is not null && !Languages.Known.Contains(language))
                    throw new ApiInputException("language", $"must be one of {string.Join(", ", Languages.Known)}, or left out to tell it from the text");
                var hints = new SourceHints
                {
                    Language = language,
                    Url = string.IsNullOrEmpty(body.Url) ? null : body.Url,
                    Publisher = string.IsNullOrWhiteSpace(body.Publisher) ? null : body.Publisher.Trim(),
                    Date = date,
                    Kind = kind,
                };
                var articles = await new SourceIngestion(store.Database).IngestAsync([new IngestPage("pasted", body.Text, format)], hints, Editing.Actor(http), null, ct);
                return Results.Json(IngestReport.Of(articles), statusCode: StatusCodes.Status201Created);
            })
            .AddEndpointFilter(ApiProblems.EditorsOnly)
            .WithTags("ingestion")
            .WithName("ingest")
            .WithSummary("Ingests a pasted page: one news source per article, near-copies linked, proposals for review")
            .WithDescription("The body is {\"text\", \"format\": \"text\" | \"markdown\" | \"html\", \"url\", \"publisher\", \"date\": \"YYYY-MM-DD\", \"kind\", \"language\"} " +
                "(url, publisher, date and language (en, ru, kk, ug, zh, ky, uz) over what the page says; kind: news (default), social-media, testimony, first-person-testimony, official-document or " +
                "court-record, which sets the evidence of what is accepted; testimonies are confidential). Answers 201 with {\"sources\": [...]} as `kuager ingest --json` prints it: per article " +
                "source_id, title, date, duplicate_of, persons, places, organizations, events. 400 names the field at fault.")
            .Accepts<IngestBody>("application/json")
            .Produces<IngestReport>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        api.MapGet("/ingestion/proposals", async (string? status, long? source_id, RecordStore store, CancellationToken ct) =>
            {
                var wanted = status ?? ProposalReview.Proposed;
                if (wanted is not (ProposalReview.Proposed or ProposalReview.Accepted or ProposalReview.Rejected))
                    throw new ApiInputException("status", "must be proposed, accepted or rejected");
                var list = await new ProposalReview(store.Database).ListAsync(wanted, source_id, 500, ct);
                return Results.Ok(list.Select(ProposalItem.Of).ToList());
            })
            .AddEndpointFilter(ApiProblems.EditorsOnly)
            .WithTags("ingestion")
            .WithName("ingestion-proposals")
            .WithSummary("Lists the review queue of ingestion proposals")
            .WithDescription("Oldest first, at most 500: [{\"id\", \"source_id\", \"kind\" (person, place, organization, date, event), \"label\", " +
                "\"detail\", \"sentence\", \"matched_person_id\", \"status\", \"record_kind\", \"record_id\"}]. ?status= proposed (default), accepted " +
                "or rejected; ?source_id= one source's.")
            .Produces<List<ProposalItem>>();

        api.MapPost("/ingestion/proposals/accept", async (AcceptBody body, RecordStore store, HttpContext http, CancellationToken ct) =>
            {
                if (body.Ids is not { Count: > 0 } ids)
                    throw new ApiInputException("ids", "is required: the ids of the proposals to accept");
                var accepted = await new ProposalReview(store.Database).AcceptAsync(ids, Editing.Actor(http), ct);
                return Results.Ok(accepted.Select(ProposalItem.Of).ToList());
            })
            .AddEndpointFilter(ApiProblems.EditorsOnly)
            .WithTags("ingestion")
            .WithName("accept-proposals")
            .WithSummary("Accepts proposals, all or none")
            .WithDescription("The body is {\"ids\": [...]}. A person creates the person (or cites the registry person it matched, adding the " +
                "article's spellings it lacks to its names), an event creates the event with its people, date, place, term and amount, an " +
                "organisation creates it (or is the registry organisation of the same name), a place is the registry place at its gazetteer path " +
                "(created with its missing parents); people and events with a citation of the source at the evidence level its kind implies, " +
                "quoting the sentence. Answers 200 with the proposals as accepted; 400 when a place was renamed to one the gazetteer does not know; " +
                "404 when one does not exist (nothing is accepted); 409 when one was rejected.")
            .Accepts<AcceptBody>("application/json")
            .Produces<List<ProposalItem>>();

        api.MapPost("/ingestion/proposals/{id:long}/label", async (long id, LabelBody body, RecordStore store, HttpContext http, CancellationToken ct) =>
                Results.Ok(ProposalItem.Of(await new ProposalReview(store.Database).EditAsync(id, body.Label ?? string.Empty, Editing.Actor(http), ct))))
            .AddEndpointFilter(ApiProblems.EditorsOnly)
            .WithTags("ingestion")
            .WithName("edit-proposal")
            .WithSummary("Changes a proposal's name or event type before it is accepted")
            .WithDescription("The body is {\"label\": \"...\"}. Answers 200 with the proposal; 400 when the label is empty or not an event type code; " +
                "404 when there is no such proposal; 409 when it was already decided.")
            .Accepts<LabelBody>("application/json")
            .Produces<ProposalItem>();

        api.MapPost("/ingestion/proposals/{id:long}/reject", async (long id, RecordStore store, HttpContext http, CancellationToken ct) =>
            {
                await new ProposalReview(store.Database).RejectAsync(id, Editing.Actor(http), ct);
                return Results.NoContent();
            })
            .AddEndpointFilter(ApiProblems.EditorsOnly)
            .WithTags("ingestion")
            .WithName("reject-proposal")
            .WithSummary("Rejects a proposal")
            .WithDescription("Answers 204; 404 when there is no such proposal; 409 when it was already decided.")
            .Produces(StatusCodes.Status204NoContent);
        return api;
    }
}
