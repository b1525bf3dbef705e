using Kuager.Core;
using Kuager.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kuager.Web.Features.Persons;

/// <summary>What the create and the edit page share: the form, its place suggestions, and the conflict panel.</summary>
public abstract class PersonEditor(Database db) : PageModel
{
    [BindProperty]
    public PersonInput Input { get; set; } = new();

    public EditConflict? Conflict { get; protected set; }

    public IReadOnlyList<(long Id, string Path)> PlaceChoices { get; private set; } = [];

    /// <summary>The person being edited; null on the create page.</summary>
    public long? PersonId { get; protected set; }

    /// <summary>
    /// Existing people who may be the one being entered, shown above the form with a button to create anyway; null
    /// where the form does not look for them (editing).
    /// </summary>
    public IReadOnlyList<DuplicateCandidate>? Candidates { get; protected set; }

    protected Database Db => db;

    protected async Task<IActionResult> FormAsync(CancellationToken ct)
    {
        Input.WithEmptyNameRows();
        await using var connection = await db.OpenAsync(ct);
        PlaceChoices = await PersonList.PlacesAsync(connection, HttpContext.Viewer());
        return Page();
    }

    protected void AddErrors(ValidationException e) => e.AddTo(ModelState, PersonForm.Prefix, PersonForm.FieldMap());

    /// <summary>The forms are for editors; others get the same answer whether or not the person exists.</summary>
    protected IActionResult Forbidden() => StatusCode(StatusCodes.Status403Forbidden);

    protected IActionResult Missing()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        PersonId = null;
        return Page();
    }
}
