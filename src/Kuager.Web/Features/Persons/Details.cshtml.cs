using Dapper;
using Kuager.Core;
using Kuager.Storage;
using Kuager.Web.Features.Duplicates;
using Kuager.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kuager.Web.Features.Persons;

/// <summary>"Child of", "sibling of": who the other person is to this one, and how to find them (id or external id).</summary>
public sealed class RelateInput
{
    /// <summary>What the other person is to this one: parent, child, sibling, spouse, other-relative, acquaintance.</summary>
    public string Type { get; set; } = "parent";

    public string? Other { get; set; }
}

public sealed class DetailsModel(RecordStore store, IStringLocalizer<TextLocalizer> t) : PageModel
{
    public static readonly string[] RelationChoices = ["parent", "child", "sibling", "spouse", "other-relative", "acquaintance"];

    private static readonly string[] Notices = ["created", "saved", "undone", "related", "merged", "unmerged", "redirected"];

    public PersonDossier? Dossier { get; private set; }

    /// <summary>A known notice code from the redirect after a change ("saved", "undone").</summary>
    public string? Notice { get; private set; }

    public string? UndoError { get; private set; }

    public StatusTimelineChart? Timeline { get; private set; }

    public FamilyGraph? Family { get; private set; }

    /// <summary>The merges this person took part in, with an undo button on the surviving record.</summary>
    public IReadOnlyList<MergeRow> Merges { get; private set; } = [];

    /// <summary>The merged record whose address brought the reader here ("redirected" notice).</summary>
    public long? MergedFrom { get; private set; }

    [BindProperty]
    public RelateInput Relate { get; set; } = new();

    /// <summary>Who is reading: edit links, forms and withheld fields are shown by this.</summary>
    public Viewer Reader => HttpContext.Viewer();

    public async Task<IActionResult> OnGetAsync(long id, string? notice, long? from, CancellationToken ct)
    {
        Notice = notice is not null && Notices.Contains(notice) ? notice : null;
        MergedFrom = Notice == "redirected" ? from : null;
        if (Notice == "redirected" && MergedFrom is null)
        {
            Notice = null;
        }

        var page = await ShowAsync(id, ct);

        // The address of a record merged into another leads to that one, saying so.
        if (Dossier is null && await MergeHistory.RedirectOfAsync(store, id, Reader, ct) is { } survivor)
        {
            return Redirect($"/persons/{survivor}?notice=redirected&from={id}");
        }

        return page;
    }

    public async Task<IActionResult> OnPostUnmergeAsync(long id, long mergeId, CancellationToken ct)
    {
        if (!Reader.CanEdit)
        {
            return Forbidden();
        }

        // Only a merge this person survived, and that still stands, is undone from here.
        var merges = await MergeHistory.OfAsync(store, id, Reader, ct);
        if (merges.FirstOrDefault(m => m.Merge.Id == mergeId) is not { CanUndo: true } || await store.GetAsync<Person>(id, Reader, ct) is null)
        {
            UndoError = t["duplicates.NoSuchMerge"];
            return await ShowAsync(id, ct);
        }

        try
        {
            await store.UnmergeAsync(mergeId, Editing.Actor(HttpContext), ct);
        }
        catch (Exception e) when (e is RevisionConflictException or ValidationException or NotFoundException)
        {
            UndoError = e is ValidationException v ? string.Join("; ", v.Errors.Select(TextLocalizer.Shared.Localize)) : e.Message;
            return await ShowAsync(id, ct);
        }

        return Redirect($"/persons/{id}?notice=unmerged");
    }

    public async Task<IActionResult> OnPostUndoAsync(long id, long revisionId, CancellationToken ct)
    {
        if (!Reader.CanEdit)
        {
            return Forbidden();
        }

        if (!await store.IsRevisionOfAsync(revisionId, RecordKind.Person, id, ct) || await store.GetAsync<Person>(id, HttpContext.Viewer(), ct) is null)
        {
            return await ShowAsync(id, ct);
        }

        try
        {
            await store.UndoAsync(revisionId, Editing.Actor(HttpContext), ct);
        }
        catch (RevisionConflictException e)
        {
            UndoError = e.Message;
            return await ShowAsync(id, ct);
        }

        // Undoing the creation deletes the person: there is no page left to return to.
        return await store.GetAsync<Person>(id, HttpContext.Viewer(), ct) is null ? Redirect("/persons") : Redirect($"/persons/{id}?notice=undone");
    }

    public async Task<IActionResult> OnPostRelateAsync(long id, CancellationToken ct)
    {
        if (!Reader.CanEdit)
        {
            return Forbidden();
        }

        if (await store.GetAsync<Person>(id, HttpContext.Viewer(), ct) is null)
        {
            return await ShowAsync(id, ct);
        }

        var other = await FindPersonAsync(Relate.Other, ct);
        if (other is null)
        {
            ModelState.AddModelError("Relate.Other", t["persons.PersonNotFound", Relate.Other ?? ""]);
        }

        if (!RelationChoices.Contains(Relate.Type))
        {
            ModelState.AddModelError("Relate.Type", t["persons.UnknownChoice"]);
        }

        if (!ModelState.IsValid || other is not { } otherId)
        {
            return await ShowAsync(id, ct);
        }

        var relationship = Relate.Type switch
        {
            "parent" => Relationship.ChildOf(id, otherId),
            "child" => Relationship.ChildOf(otherId, id),
            _ => new Relationship { PersonAId = id, PersonBId = otherId, Type = WireCode.Parse<RelationshipType>(Relate.Type) },
        };
        try
        {
            await store.CreateAsync(relationship, Editing.Actor(HttpContext), ct);
        }
        catch (ValidationException e)
        {
            e.AddTo(ModelState, "Relate", new Dictionary<string, string> { ["personAId"] = "Other", ["personBId"] = "Other", ["type"] = "Other" });
            return await ShowAsync(id, ct);
        }

        return Redirect($"/persons/{id}?notice=related");
    }

    private async Task<IActionResult> ShowAsync(long id, CancellationToken ct)
    {
        Dossier = await PersonDossier.LoadAsync(store, id, HttpContext.Viewer(), ct);
        if (Dossier is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Merges = await MergeHistory.OfAsync(store, id, HttpContext.Viewer(), ct);
        Timeline = StatusTimelineChart.Build(Dossier.StatusHistory, DateOnly.FromDateTime(DateTime.UtcNow));
        Family = FamilyGraph.Build(Dossier.Person.Id, Dossier.Person.PrimaryName.Text, Dossier.Relatives);
        return Page();
    }

    /// <summary>Changes are for editors: the same answer whether or not the person exists, so nothing is learnt from it.</summary>
    private StatusCodeResult Forbidden() => StatusCode(StatusCodes.Status403Forbidden);

    /// <summary>By external id first (the group's own key), then by the registry id.</summary>
    private async Task<long?> FindPersonAsync(string? key, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return null;
        }

        var value = key.Trim();
        var visible = Visibility.Sql(Reader, "p");
        await using var c = await store.Database.OpenAsync(ct);
        var byExternal = await c.ExecuteScalarAsync<long?>(
            $"SELECT p.id FROM persons p WHERE p.external_id = @value AND p.deleted_at IS NULL AND {visible}", new { value });
        if (byExternal is not null || !long.TryParse(value, out var number))
        {
            return byExternal;
        }

        return await c.ExecuteScalarAsync<long?>($"SELECT p.id FROM persons p WHERE p.id = @number AND p.deleted_at IS NULL AND {visible}", new { number });
    }
}
