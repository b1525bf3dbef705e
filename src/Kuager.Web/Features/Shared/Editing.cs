using Kuager.Core;
using Kuager.Storage;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Kuager.Web.Features;

/// <summary>What every create and edit form shares: who is editing, domain errors beside their fields, stale edits.</summary>
public static class Editing
{
    /// <summary>The person responsible for a change: the signed-in user, or "web" until accounts exist.</summary>
    public static string Actor(HttpContext context) => context.User.Identity?.Name is { Length: > 0 } name ? name : "web";

    /// <summary>
    /// Null when the viewer may write; otherwise what to answer instead: a visitor is asked to sign in, a signed-in
    /// reader is refused.
    /// </summary>
    public static Microsoft.AspNetCore.Mvc.IActionResult? Refusal(HttpContext context)
    {
        var viewer = context.Viewer();
        return viewer.CanEdit ? null
            : viewer.IsSignedIn ? new Microsoft.AspNetCore.Mvc.ForbidResult()
            : new Microsoft.AspNetCore.Mvc.ChallengeResult();
    }

    /// <summary>
    /// Puts the domain's validation errors beside the form fields they concern. Domain field names are camelCase
    /// ("birthDate", "names[1]"); <paramref name="prefix"/> is the form model's property prefix ("Input").
    /// </summary>
    public static void AddTo(this ValidationException error, ModelStateDictionary modelState, string prefix, IReadOnlyDictionary<string, string>? fieldMap = null)
    {
        foreach (var e in error.Errors)
        {
            var field = fieldMap is not null && fieldMap.TryGetValue(e.Field, out var mapped) ? mapped : Pascal(e.Field);
            modelState.AddModelError(string.IsNullOrEmpty(prefix) ? field : $"{prefix}.{field}", Localization.TextLocalizer.Shared.Localize(e));
        }
    }

    /// <summary>
    /// Saves a form's record as a revision (created when it has no id yet). A refusal goes back onto the form: rule
    /// errors beside their fields, or a stale edit as the conflict, with the form's version field released so the page
    /// can show the current version and saving again applies the user's input on top. Saved is null when refused.
    /// </summary>
    public static async Task<(T? Saved, EditConflict? Conflict)> SaveFormAsync<T>(this RecordStore store, T record, HttpContext http,
        ModelStateDictionary state, IReadOnlyDictionary<string, string>? fieldMap, CancellationToken ct, string prefix = "Input")
        where T : class, IRecord
    {
        try
        {
            return (record.Id == 0 ? await store.CreateAsync(record, Actor(http), ct) : await store.UpdateAsync(record, Actor(http), ct), null);
        }
        catch (ValidationException e)
        {
            e.AddTo(state, prefix, fieldMap);
            return (null, null);
        }
        catch (StaleEditException e)
        {
            state.Remove($"{prefix}.Version");
            return (null, EditConflict.From(e));
        }
    }

    private static string Pascal(string field) => field.Length == 0 ? field : char.ToUpperInvariant(field[0]) + field[1..];
}

/// <summary>A stale edit, for the conflict panel: what the user tried, and what others changed meanwhile (field, theirs).</summary>
public sealed record EditConflict(int YourVersion, int CurrentVersion, IReadOnlyList<FieldChange> TheirChanges)
{
    public static EditConflict From(StaleEditException e) => new(e.ExpectedVersion, e.CurrentVersion, e.TheirChanges);
}
