using Kuager.Core;
using Kuager.Storage;
using Kuager.Storage.Search;

namespace Kuager.Web.Features.Search;

/// <summary>Where a hit leads.</summary>
public static class SearchLinks
{
    public static string Of(RecordKind kind, long id) => kind switch
    {
        RecordKind.Testimony => $"/testimonies/{id}",
        RecordKind.Source => $"/sources/{id}",
        _ => $"/{RecordTables.TableOf(kind)}/{id}",
    };
}

/// <summary>Reads of confidential records through search are audited like any other read.</summary>
public static class SearchAudit
{
    public static async Task TextsAsync(RecordStore store, Viewer viewer, IReadOnlyList<TextHit> hits, CancellationToken ct)
    {
        foreach (var kind in hits.Where(h => h.Confidentiality == Confidentiality.Confidential).GroupBy(h => h.Kind))
        {
            await store.AuditReadAsync(viewer, kind.Key, kind.Select(h => h.Id).ToList(), ct);
        }
    }
}
