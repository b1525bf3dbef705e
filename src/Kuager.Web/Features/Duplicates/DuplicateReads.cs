using Kuager.Core;
using Kuager.Storage;

namespace Kuager.Web.Features.Duplicates;

/// <summary>Audits an editor's sight of confidential people among likely duplicates, as every list of people does.</summary>
public static class DuplicateReads
{
    public static Task AuditShownAsync(this RecordStore store, Viewer viewer, IEnumerable<DuplicateProfile> shown, CancellationToken ct) =>
        store.AuditReadAsync(viewer, RecordKind.Person,
            shown.Where(p => p.Confidentiality == Confidentiality.Confidential).Select(p => p.Id).Distinct().ToList(), ct);
}
