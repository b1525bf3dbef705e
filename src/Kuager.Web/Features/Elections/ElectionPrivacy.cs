using Kuager.Core;
using Kuager.Storage;

namespace Kuager.Web.Features.Elections;

/// <summary>
/// Election data is read by every signed-in reader, but an observer or candidate linked to a registry person carries
/// that person's confidentiality with them ("Nothing hinted at"): for a reader who may not see the person, an observer
/// event keeps its day, kind and station (the counts of expulsions and detentions stay true) but withholds the name,
/// the description and the links; a candidate keeps the name on the ballot but loses the link to the registry.
/// Editors and admins see everything, and are not checked (nor audited) record by record here.
/// </summary>
public static class ElectionPrivacy
{
    public static async Task<IReadOnlyList<ObserverEvent>> ForAsync(IReadOnlyList<ObserverEvent> events, RecordStore store, Viewer viewer, CancellationToken ct)
    {
        if (viewer.Clearance == Confidentiality.Confidential)
            return events;
        var shown = new List<ObserverEvent>(events.Count);
        foreach (var e in events)
        {
            if (e.PersonId is { } personId && await store.GetAsync<Person>(personId, viewer, ct) is null)
            {
                shown.Add(e with { Observer = string.Empty, Description = null, PersonId = null, EventId = null });
                continue;
            }

            shown.Add(e.EventId is { } eventId && await store.GetAsync<Event>(eventId, viewer, ct) is null ? e with { EventId = null } : e);
        }

        return shown;
    }

    public static async Task<IReadOnlyList<ElectionCandidate>> ForAsync(IReadOnlyList<ElectionCandidate> candidates, RecordStore store, Viewer viewer, CancellationToken ct)
    {
        if (viewer.Clearance == Confidentiality.Confidential)
            return candidates;
        var shown = new List<ElectionCandidate>(candidates.Count);
        foreach (var c in candidates)
            shown.Add(c.PersonId is { } personId && await store.GetAsync<Person>(personId, viewer, ct) is null ? c with { PersonId = null } : c);
        return shown;
    }

    /// <summary>An observer event whose observer is withheld from this reader.</summary>
    public static bool IsWithheld(ObserverEvent e) => e.Observer.Length == 0;
}
