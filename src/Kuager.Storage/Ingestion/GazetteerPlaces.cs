using Dapper;
using Kuager.Core;
using Kuager.Ingestion;
using Kuager.Names;

namespace Kuager.Storage.Ingestion;

/// <summary>
/// The registry place for a gazetteer place: found level by level from the top (Kazakhstan, then Zhetysu Region
/// inside it, then Zharkent inside that), a level matching when the registry place there is written in any of the
/// gazetteer's spellings ("Gulja" for Ghulja, "Xinjiang Uyghur Autonomous Region" for Xinjiang), or the one place so
/// written deeper inside the level above when the registry has a level more; missing levels are
/// created with the gazetteer's kind and spellings, each a revision with its audit entry, in the caller's session.
/// </summary>
internal static class GazetteerPlaces
{
    public static async Task<long> FindOrCreateAsync(Session session, GazetteerEntry entry)
    {
        long? parent = null;
        var parentLevel = Confidentiality.Public;
        foreach (var level in Gazetteer.Places.Lineage(entry))
        {
            var spellings = Gazetteer.Places.SpellingsOf(level);
            var wanted = spellings.Select(s => s.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
            var here = await session.Connection.QueryAsync<(long Id, string Name, string Confidentiality)>(
                parent is null
                    ? "SELECT id, name, confidentiality FROM places WHERE parent_id IS NULL AND deleted_at IS NULL ORDER BY id"
                    : "SELECT id, name, confidentiality FROM places WHERE parent_id = @parent AND deleted_at IS NULL ORDER BY id",
                new { parent }, session.Transaction);
            var candidates = here.Where(p => wanted.Contains(p.Name.Trim().ToLowerInvariant())).ToList();
            if (candidates.Count == 0 && parent is not null)
            {
                // The registry may have a level the gazetteer does not ("Kazakhstan > Almaty Region > Almaty", "Ili Kazakh
                // Autonomous Prefecture > Ghulja"): the one place of that name deeper inside is the same place.
                var prefix = await session.Connection.ExecuteScalarAsync<string>("SELECT path FROM places WHERE id = @parent", new { parent }, session.Transaction)
                    + Place.PathSeparator;
                var deeper = (await session.Connection.QueryAsync<(long Id, string Name, string Confidentiality)>(
                    "SELECT id, name, confidentiality FROM places WHERE deleted_at IS NULL AND SUBSTR(path, 1, @length) = @prefix ORDER BY id",
                    new { prefix, length = prefix.Length }, session.Transaction)).Where(p => wanted.Contains(p.Name.Trim().ToLowerInvariant())).ToList();
                if (deeper.Count == 1)
                    candidates = deeper;
            }

            if (candidates.Count > 0)
            {
                // The canonical spelling first, else the oldest place written another way.
                var chosen = candidates.FirstOrDefault(c => string.Equals(c.Name, level.Name, StringComparison.OrdinalIgnoreCase));
                if (chosen.Name is null)
                    chosen = candidates[0];
                parent = chosen.Id;
                parentLevel = WireCode.Parse<Confidentiality>(chosen.Confidentiality);
                continue;
            }

            // A new place is public geography, unless the place it is in is kept more closely.
            var created = await session.CreateAsync(new Place
            {
                ParentId = parent,
                Kind = KindOf(level.Kind),
                Names = spellings.Select(s => new PlaceName(s, ScriptDetector.Detect(s))).ToList(),
                Confidentiality = parentLevel,
            });
            parent = created.Id;
        }

        return parent!.Value;
    }

    /// <summary>The registry place for a place the extractor named: by its path, else by its canonical name; null when the gazetteer has neither.</summary>
    public static async Task<long?> FindOrCreateAsync(Session session, string? path, string? name)
    {
        var entry = (path is null ? null : Gazetteer.Places.AtPath(path)) ?? (name is null ? null : Gazetteer.Places.Named(name));
        return entry is null ? null : await FindOrCreateAsync(session, entry);
    }

    private static PlaceKind KindOf(string kind) => kind switch
    {
        "country" => PlaceKind.Country,
        "region" => PlaceKind.Region,
        "prefecture" => PlaceKind.Prefecture,
        "county" => PlaceKind.County,
        "city" => PlaceKind.City,
        "township" => PlaceKind.Township,
        "village" => PlaceKind.Village,
        "border-crossing" => PlaceKind.OtherFacility,
        _ => PlaceKind.Other,
    };
}
