using System.Data.Common;
using Dapper;
using Kuager.Core;
using Kuager.Storage;
using Kuager.Web.Features.Events;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Kuager.Web.Features;

/// <summary>
/// What a viewer is shown of records read by a page's own queries: the records themselves through
/// <see cref="RecordStore.Read{T}"/> (confidential fields left out unless they may see them, reads audited for editors),
/// and the references to records they may not see taken out, so a confidential person among a public event's
/// participants is not even hinted at. Editors and admins see every record, so nothing is pruned for them.
/// </summary>
public static class Shown
{
    private static readonly IReadOnlySet<long> None = new HashSet<long>();

    /// <summary>
    /// Records of one kind by id, as the viewer may see them; the ids must come from a query that already kept to
    /// <see cref="Visibility.Sql"/>. The read of confidential ones by an editor or admin is audited.
    /// </summary>
    public static async Task<IReadOnlyDictionary<long, T>> RecordsAsync<T>(DbConnection connection, RecordStore store, IReadOnlyCollection<long> ids,
        Viewer viewer, CancellationToken ct) where T : class, IRecord
    {
        if (ids.Count == 0)
        {
            return new Dictionary<long, T>();
        }

        var table = RecordTables.TableOf(RecordTables.KindOf<T>());
        var rows = await connection.QueryAsync<(long Id, int Version, string Data)>(
            $"SELECT id, version, data FROM {table} WHERE id IN {RecordLinks.In(ids)} AND {Visibility.Sql(viewer)}");
        var records = rows.Select(r => store.Read<T>(r.Id, r.Version, r.Data, viewer)).ToList();
        await store.AuditReadAsync(viewer, records, ct);
        return records.ToDictionary(r => r.Id);
    }

    /// <summary>The ids among these of records that exist but the viewer may not see (deleted ones included).</summary>
    public static async Task<IReadOnlySet<long>> HiddenAsync(DbConnection connection, RecordKind kind, IEnumerable<long?> ids, Viewer viewer)
    {
        var list = ids.OfType<long>().Distinct().ToList();
        if (list.Count == 0 || viewer.Clearance == Confidentiality.Confidential)
        {
            return None;
        }

        var rows = await connection.QueryAsync<long>(
            $"SELECT id FROM {RecordTables.TableOf(kind)} WHERE id IN {RecordLinks.In(list)} AND NOT ({Visibility.Sql(viewer)})");
        return rows.ToHashSet();
    }

    /// <summary>
    /// The record without its references to records the viewer may not see: participants and parties left out,
    /// single references emptied. Null when the record cannot be shown without them (a citation of a hidden source or
    /// of a hidden record, a relationship with a hidden person): the caller answers as for a missing record.
    /// </summary>
    public static async Task<T?> WithoutHiddenLinksAsync<T>(DbConnection connection, T record, Viewer viewer) where T : class, IRecord
    {
        if (viewer.Clearance == Confidentiality.Confidential)
        {
            return record;
        }

        IRecord? shown = record switch
        {
            Event e => await EventAsync(connection, e, viewer),
            Case c => await CaseAsync(connection, c, viewer),
            Testimony t => await TestimonyAsync(connection, t, viewer),
            Citation c => (await HiddenAsync(connection, RecordKind.Source, [c.SourceId], viewer)).Count > 0
                || (await HiddenAsync(connection, c.TargetKind, [c.TargetId], viewer)).Count > 0 ? null : c,
            Relationship r => (await HiddenAsync(connection, RecordKind.Person, [r.PersonAId, r.PersonBId], viewer)).Count > 0 ? null : r,
            Place p => p with { ParentId = await KeptAsync(connection, RecordKind.Place, p.ParentId, viewer) },
            Organization o => o with { PlaceId = await KeptAsync(connection, RecordKind.Place, o.PlaceId, viewer) },
            Person p => p with { HometownId = await KeptAsync(connection, RecordKind.Place, p.HometownId, viewer) },
            _ => record,
        };
        return (T?)shown;
    }

    private static async Task<Event> EventAsync(DbConnection connection, Event e, Viewer viewer)
    {
        var persons = await HiddenAsync(connection, RecordKind.Person, e.Participants.Select(p => p.PersonId), viewer);
        var organizations = await HiddenAsync(connection, RecordKind.Organization, e.Participants.Select(p => p.OrganizationId), viewer);
        return e with
        {
            PlaceId = await KeptAsync(connection, RecordKind.Place, e.PlaceId, viewer),
            Participants = e.Participants.Where(p => !Hides(persons, p.PersonId) && !Hides(organizations, p.OrganizationId)).ToList(),
        };
    }

    private static async Task<Case> CaseAsync(DbConnection connection, Case c, Viewer viewer)
    {
        var persons = await HiddenAsync(connection, RecordKind.Person, c.Parties.Select(p => p.PersonId).Append(c.LawyerPersonId), viewer);
        var organizations = await HiddenAsync(connection, RecordKind.Organization, c.Parties.Select(p => p.OrganizationId).Append(c.CourtOrganizationId), viewer);
        var places = await HiddenAsync(connection, RecordKind.Place, c.Hearings.Select(h => h.PlaceId), viewer);
        return c with
        {
            Parties = c.Parties.Where(p => !Hides(persons, p.PersonId) && !Hides(organizations, p.OrganizationId)).ToList(),
            LawyerPersonId = Hides(persons, c.LawyerPersonId) ? null : c.LawyerPersonId,
            CourtOrganizationId = Hides(organizations, c.CourtOrganizationId) ? null : c.CourtOrganizationId,
            Hearings = c.Hearings.Select(h => Hides(places, h.PlaceId) ? h with { PlaceId = null } : h).ToList(),
        };
    }

    private static async Task<Testimony> TestimonyAsync(DbConnection connection, Testimony t, Viewer viewer)
    {
        var persons = await HiddenAsync(connection, RecordKind.Person, [t.SubjectPersonId, t.TestifierPersonId], viewer);
        return t with
        {
            SubjectPersonId = Hides(persons, t.SubjectPersonId) ? null : t.SubjectPersonId,
            TestifierPersonId = Hides(persons, t.TestifierPersonId) ? null : t.TestifierPersonId,
            RecordedAtPlaceId = await KeptAsync(connection, RecordKind.Place, t.RecordedAtPlaceId, viewer),
        };
    }

    private static async Task<long?> KeptAsync(DbConnection connection, RecordKind kind, long? id, Viewer viewer) =>
        id is null || (await HiddenAsync(connection, kind, [id], viewer)).Count > 0 ? null : id;

    private static bool Hides(IReadOnlySet<long> hidden, long? id) => id is { } v && hidden.Contains(v);
}

/// <summary>
/// Only editors and admins may open this page (forms that write): a visitor is sent to sign in, a signed-in reader
/// is refused. Reading pages with write buttons (undo) check <see cref="Viewer.CanEdit"/> in their handlers.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class EditorsOnlyAttribute : Attribute, IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (Editing.Refusal(context.HttpContext) is { } refusal)
        {
            context.Result = refusal;
            return;
        }

        await next();
    }
}

/// <summary>Whether a page shows a field as withheld: it is confidential on this record and the viewer may not see it.</summary>
public static class Withholding
{
    public static bool Withheld(this HttpContext http, IRecord record, string field) =>
        !http.Viewer().SeesConfidentialFields && ConfidentialFields.Of(Redaction.KindOf(record), record.ConfidentialFields).Contains(field);

    /// <summary>Whether the viewer may write: edit, new and undo buttons are shown only then.</summary>
    public static bool CanEdit(this HttpContext http) => http.Viewer().CanEdit;
}

/// <summary>The per-field confidentiality checkboxes of a form (partial _ConfidentialMarks), posted as Input.ConfidentialFields.</summary>
public sealed record ConfidentialMarks(RecordKind Kind, IReadOnlyList<string> Marked, string Name = "Input.ConfidentialFields");
