using Dapper;
using Kuager.Ingestion;

namespace Kuager.Storage.Ingestion;

/// <summary>The registry's names for the extractor, read from the persisted name index (name_parts) of people not deleted.</summary>
internal static class KnownNamesQuery
{
    /// <summary>Text holding Arabic-script letters or Chinese characters, where names have no capitals to find them by.</summary>
    public static bool NeedsKnownNames(string text) => text.Any(c => c is >= '\u0600' and <= '\u06FF' or >= '\u4E00' and <= '\u9FFF');

    public static async Task<KnownNames> LoadAsync(Database database, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<(long PersonId, long Position, string Key)>(new CommandDefinition(
            """
            SELECT n.person_id, n.position, n.name_key FROM name_parts n JOIN persons p ON p.id = n.person_id AND p.deleted_at IS NULL
            ORDER BY n.person_id, n.position, n.ordinal
            """, cancellationToken: ct));
        var names = new List<IReadOnlyList<string>>();
        List<string>? current = null;
        (long, long) at = (-1, -1);
        foreach (var (person, position, key) in rows)
        {
            if ((person, position) != at)
            {
                current = [];
                names.Add(current);
                at = (person, position);
            }

            // A one-letter part is an initial: the text never writes it in these scripts.
            if (key.Length > 1)
                current!.Add(key);
        }

        return KnownNames.FromKeys(names);
    }
}
