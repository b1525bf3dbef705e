using Kuager.Core;
using Kuager.Storage;
using Kuager.Web.Features.Places;
using Kuager.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kuager.Web.Features.Organizations;

public sealed class OrganizationInput
{
    public int Version { get; set; }

    public string? Name { get; set; }

    /// <summary>Other names and spellings, one a line.</summary>
    public string? OtherNames { get; set; }

    public string Kind { get; set; } = WireCode.Of(OrganizationKind.Other);

    public string? PlacePath { get; set; }

    public string? Notes { get; set; }

    public string Confidentiality { get; set; } = WireCode.Of(Core.Confidentiality.Public);

    public static OrganizationInput From(Organization o, string? placePath) => new()
    {
        Version = o.Version,
        Name = o.Name,
        OtherNames = string.Join('\n', o.OtherNames),
        Kind = WireCode.Of(o.Kind),
        PlacePath = placePath,
        Notes = o.Notes,
        Confidentiality = WireCode.Of(o.Confidentiality),
    };
}

/// <summary>The create and edit pages of an organisation share this: the form, its checks, and saving through the record store.</summary>
public abstract class OrganizationFormPage(RecordStore store, IStringLocalizer<TextLocalizer> texts) : PageModel
{
    private static readonly Dictionary<string, string> FieldMap = new() { ["placeId"] = "PlacePath" };

    [BindProperty]
    public OrganizationInput Input { get; set; } = new();

    public EditConflict? Conflict { get; protected set; }

    public abstract string FormAction { get; }

    protected RecordStore Store => store;

    /// <summary>Checks the form and saves; returns the saved organisation, or null when the page must be shown again.</summary>
    protected async Task<Organization?> SaveAsync(Organization? current, CancellationToken ct)
    {
        var (placeId, placeFound) = await PlaceQueries.FindByPathAsync(store.Database, Input.PlacePath, ct);
        if (!placeFound)
        {
            ModelState.AddModelError("Input.PlacePath", texts["places.NoSuchPlace", Input.PlacePath ?? ""]);
        }

        if (!WireCode.TryParse<OrganizationKind>(Input.Kind, out var kind))
        {
            ModelState.AddModelError("Input.Kind", texts["places.NotAChoice"]);
        }

        if (!WireCode.TryParse<Confidentiality>(Input.Confidentiality, out var confidentiality))
        {
            ModelState.AddModelError("Input.Confidentiality", texts["places.NotAChoice"]);
        }

        if (!ModelState.IsValid)
        {
            return null;
        }

        var name = Input.Name?.Trim() ?? "";
        var organization = (current ?? new Organization { Name = name }) with
        {
            Version = Input.Version,
            Name = name,
            OtherNames = (Input.OtherNames ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct().ToList(),
            Kind = kind,
            PlaceId = placeId,
            Notes = string.IsNullOrWhiteSpace(Input.Notes) ? null : Input.Notes.Trim(),
            Confidentiality = confidentiality,
        };
        var (saved, conflict) = await store.SaveFormAsync(organization, HttpContext, ModelState, FieldMap, ct);
        if (conflict is not null)
        {
            Conflict = conflict;
            Input.Version = conflict.CurrentVersion;
        }

        return saved;
    }
}
