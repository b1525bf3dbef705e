using System.Globalization;
using System.Text.Json.Serialization;

namespace Kuager.Storage.Ingestion;

/// <summary>
/// What an ingestion reports, one entry per article: the shape `kuager ingest --json` prints and POST /api/v1/ingestion
/// answers (a contract: checks outside the repository read it).
/// </summary>
public sealed record IngestReport([property: JsonPropertyName("sources")] IReadOnlyList<IngestReport.SourceItem> Sources)
{
    public static IngestReport Of(IEnumerable<IngestedArticle> articles) => new(articles.Select(SourceItem.Of).ToList());

    public sealed record SourceItem(
        [property: JsonPropertyName("source_id")] long SourceId,
        [property: JsonPropertyName("title")] string Title,
        [property: JsonPropertyName("date")] string? Date,
        [property: JsonPropertyName("duplicate_of")] long? DuplicateOf,
        [property: JsonPropertyName("persons")] IReadOnlyList<PersonItem> Persons,
        [property: JsonPropertyName("places")] IReadOnlyList<NameItem> Places,
        [property: JsonPropertyName("organizations")] IReadOnlyList<NameItem> Organizations,
        [property: JsonPropertyName("events")] IReadOnlyList<EventItem> Events)
    {
        public static SourceItem Of(IngestedArticle a) => new(
            a.SourceId, a.Article.Title, a.Article.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), a.DuplicateOf,
            a.Persons.Select(p => new PersonItem(p.Found.Name, p.Found.Mentions, p.MatchedPersonId)).ToList(),
            a.Extraction.Places.Select(p => new NameItem(p.Name)).ToList(),
            a.Extraction.Organizations.Select(o => new NameItem(o.Name)).ToList(),
            a.Extraction.Events.Select(e => new EventItem(e.Type, e.Date?.ToCanonical(), e.Persons, e.Sentence)).ToList());
    }

    public sealed record PersonItem(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("mentions")] IReadOnlyList<string> Mentions,
        [property: JsonPropertyName("matched_person_id")] long? MatchedPersonId);

    public sealed record NameItem([property: JsonPropertyName("name")] string Name);

    public sealed record EventItem(
        [property: JsonPropertyName("type")] string Type,
        [property: JsonPropertyName("date")] string? Date,
        [property: JsonPropertyName("persons")] IReadOnlyList<string> Persons,
        [property: JsonPropertyName("sentence")] string Sentence);
}
