using Dapper;
using Kuager.Core;

namespace Kuager.Storage.Search;

/// <summary>
/// Keeps text_index (migration 0008) equal to the searchable text of live testimonies and sources. Called by their
/// record tables inside the session's transaction on every create, update, undo, delete and restore; it writes only
/// what the redacted record holds, so a confidential value (encrypted at rest) never reaches the index in plain text.
/// </summary>
internal static class TextIndex
{
    /// <summary>Longest part written at once: a PostgreSQL tsvector holds at most 1 MB, and snippets read one part.</summary>
    public const int PartLength = 20_000;

    /// <summary>The fields searched, per kind (JSON names), with the record's value of each.</summary>
    public static IEnumerable<(string Field, string? Value)> Fields(Testimony t) =>
        [("summary", t.Summary), ("transcript", t.Transcript)];

    public static IEnumerable<(string Field, string? Value)> Fields(Source s) =>
        [("title", s.Title), ("publisher", s.Publisher), ("author", s.Author), ("text", s.Text)];

    /// <summary>Replaces the record's rows with those of its state after a change (null when it was deleted).</summary>
    public static async Task RewriteAsync<T>(Session session, T? before, T? after, Func<T, IEnumerable<(string Field, string? Value)>> fields)
        where T : class, IRecord
    {
        var record = after ?? before;
        if (record is null)
        {
            return;
        }

        var kind = WireCode.Of(Redaction.KindOf(record));
        await session.Connection.ExecuteAsync(
            "DELETE FROM text_index WHERE record_kind = @kind AND record_id = @id", new { kind, id = record.Id }, session.Transaction);
        if (after is null)
        {
            return;
        }

        // The redacted record: a field marked confidential (or always confidential) is empty here.
        var shown = Redaction.WithoutConfidentialFields(after);
        var rows = fields(shown)
            .Where(f => !string.IsNullOrWhiteSpace(f.Value))
            .SelectMany(f => Parts(f.Value!).Select((body, part) => new { kind, id = after.Id, field = f.Field, part, body }));
        foreach (var row in rows)
        {
            await session.Connection.ExecuteAsync(
                "INSERT INTO text_index (record_kind, record_id, field, part, body) VALUES (@kind, @id, @field, @part, @body)", row, session.Transaction);
        }
    }

    /// <summary>The text in parts of at most <see cref="PartLength"/> characters, cut at a space where there is one near the end.</summary>
    public static IEnumerable<string> Parts(string text)
    {
        var at = 0;
        while (at < text.Length)
        {
            var length = Math.Min(PartLength, text.Length - at);
            if (at + length < text.Length)
            {
                var space = text.LastIndexOf(' ', at + length - 1, Math.Min(length, 500));
                if (space > at)
                {
                    length = space - at + 1;
                }
                else if (char.IsHighSurrogate(text[at + length - 1]))
                {
                    length--;
                }
            }

            yield return text.Substring(at, length);
            at += length;
        }
    }
}
