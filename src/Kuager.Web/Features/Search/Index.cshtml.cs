using Dapper;
using Kuager.Core;
using Kuager.Names;
using Kuager.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kuager.Web.Features.Search;

/// <summary>One person found, with the name that matched (it may be in another script than the primary name).</summary>
public sealed record SearchHit(long Id, string ExternalId, string PrimaryName, string Status, string MatchedName, Script MatchedScript, bool IsConfidential = false);

public sealed class IndexModel(RecordStore store) : PageModel
{
    public const int Limit = 100;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Q { get; set; }

    public IReadOnlyList<SearchHit> Hits { get; private set; } = [];

    /// <summary>More people matched than are shown.</summary>
    public bool More { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Q))
        {
            return;
        }

        var viewer = HttpContext.Viewer();
        Hits = await FindAsync(store.Database, Q, Limit + 1, viewer, ct);
        More = Hits.Count > Limit;
        Hits = Hits.Take(Limit).ToList();
        await store.AuditReadAsync(viewer, RecordKind.Person, Hits.Where(h => h.IsConfidential).Select(h => h.Id).ToList(), ct);
    }

    /// <summary>
    /// A plain substring match over every written form of every name, one row per person (its first matching name).
    /// LOWER folds only ASCII on SQLite, so the name as typed is tried too. The names issue replaces this with
    /// transliteration-aware matching. Only people this viewer may see are searched.
    /// </summary>
    public static async Task<IReadOnlyList<SearchHit>> FindAsync(Database db, string query, int limit, Viewer viewer, CancellationToken ct)
    {
        var text = NameText.Normalize(query);
        await using var c = await db.OpenAsync(ct);
        var rows = await c.QueryAsync<(long Id, string ExternalId, string PrimaryName, string Status, string Matched, string Script, string Level)>(
            "SELECT p.id, p.external_id, p.primary_name, p.status, n.text, n.script, p.confidentiality FROM person_names n JOIN persons p ON p.id = n.person_id " +
            $"WHERE p.deleted_at IS NULL AND {Visibility.Sql(viewer, "p")} AND (LOWER(n.text) LIKE @lower OR n.text LIKE @typed) " +
            "AND n.position = (SELECT MIN(m.position) FROM person_names m WHERE m.person_id = n.person_id AND (LOWER(m.text) LIKE @lower OR m.text LIKE @typed)) " +
            "ORDER BY p.primary_name, p.id LIMIT @limit",
            new { lower = "%" + text.ToLowerInvariant() + "%", typed = "%" + text + "%", limit });
        return rows.Select(r => new SearchHit(r.Id, r.ExternalId, r.PrimaryName, r.Status, r.Matched,
            Scripts.TryParse(r.Script, out var script) ? script : Script.English, r.Level == WireCode.Of(Confidentiality.Confidential))).ToList();
    }
}
