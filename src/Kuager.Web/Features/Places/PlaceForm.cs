using System.Globalization;
using Kuager.Core;
using Kuager.Names;
using Kuager.Storage;
using Kuager.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kuager.Web.Features.Places;

public sealed class PlaceNameInput
{
    public string? Text { get; set; }

    /// <summary>A script code ("kk-Cyrl"); empty: detect it from the text.</summary>
    public string? Script { get; set; }
}

/// <summary>What the place form posts. Coordinates are text, read with a dot or a comma whatever the page's language.</summary>
public sealed class PlaceInput
{
    public int Version { get; set; }

    public List<PlaceNameInput> Names { get; set; } = [];

    public string Kind { get; set; } = WireCode.Of(PlaceKind.Other);

    public string? ParentPath { get; set; }

    public string? Latitude { get; set; }

    public string? Longitude { get; set; }

    public string Confidentiality { get; set; } = WireCode.Of(Core.Confidentiality.Public);

    public static PlaceInput From(Place p, string? parentPath) => new()
    {
        Version = p.Version,
        Names = p.Names.Select(n => new PlaceNameInput { Text = n.Text, Script = n.Script.Code() }).ToList(),
        Kind = WireCode.Of(p.Kind),
        ParentPath = parentPath,
        Latitude = p.Latitude?.ToString("R", CultureInfo.InvariantCulture),
        Longitude = p.Longitude?.ToString("R", CultureInfo.InvariantCulture),
        Confidentiality = WireCode.Of(p.Confidentiality),
    };

    /// <summary>Blank rows for more names: one more than are filled in, and at least three rows.</summary>
    public void Pad()
    {
        var filled = Names.Count(n => !string.IsNullOrWhiteSpace(n.Text));
        Names = Names.Where(n => !string.IsNullOrWhiteSpace(n.Text)).ToList();
        while (Names.Count < Math.Max(3, filled + 1))
        {
            Names.Add(new PlaceNameInput());
        }
    }
}

/// <summary>The create and edit pages of a place share this: the form, its checks, and saving through the record store.</summary>
public abstract class PlaceFormPage(RecordStore store, IStringLocalizer<TextLocalizer> texts) : PageModel
{
    private static readonly Dictionary<string, string> FieldMap = new() { ["names"] = "Names", ["parentId"] = "ParentPath" };

    [BindProperty]
    public PlaceInput Input { get; set; } = new();

    public EditConflict? Conflict { get; protected set; }

    /// <summary>Where the form posts back to.</summary>
    public abstract string FormAction { get; }

    protected RecordStore Store => store;

    /// <summary>Checks the form and saves; returns the saved place, or null when the page must be shown again.</summary>
    protected async Task<Place?> SaveAsync(Place? current, CancellationToken ct)
    {
        var (parentId, parentFound) = await PlaceQueries.FindByPathAsync(store.Database, Input.ParentPath, ct);
        if (!parentFound)
        {
            ModelState.AddModelError("Input.ParentPath", texts["places.NoSuchPlace", Input.ParentPath ?? ""]);
        }

        var latitude = Coordinates.Parse(Input.Latitude, "Input.Latitude", ModelState, texts);
        var longitude = Coordinates.Parse(Input.Longitude, "Input.Longitude", ModelState, texts);
        if (!WireCode.TryParse<PlaceKind>(Input.Kind, out var kind))
        {
            ModelState.AddModelError("Input.Kind", texts["places.NotAChoice"]);
        }

        if (!WireCode.TryParse<Confidentiality>(Input.Confidentiality, out var confidentiality))
        {
            ModelState.AddModelError("Input.Confidentiality", texts["places.NotAChoice"]);
        }

        var names = Input.Names
            .Where(n => !string.IsNullOrWhiteSpace(n.Text))
            .Select(n => new PlaceName(n.Text!.Trim(), Scripts.TryParse(n.Script, out var script) ? script : ScriptDetector.Detect(n.Text!)))
            .ToList();
        if (names.Count == 0)
        {
            ModelState.AddModelError("Input.Names", texts["places.NameRequired"]);
        }

        if (!ModelState.IsValid)
        {
            return null;
        }

        var place = (current ?? new Place { Names = names }) with
        {
            Version = Input.Version,
            Names = names,
            Kind = kind,
            ParentId = parentId,
            Latitude = latitude,
            Longitude = longitude,
            Confidentiality = confidentiality,
        };
        var (saved, conflict) = await store.SaveFormAsync(place, HttpContext, ModelState, FieldMap, ct);
        if (conflict is not null)
        {
            Conflict = conflict;
            Input.Version = conflict.CurrentVersion;
        }

        return saved;
    }
}

/// <summary>Latitude and longitude as typed: "43.25" or "43,25", in any page language.</summary>
public static class Coordinates
{
    public static double? Parse(string? text, string field, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, IStringLocalizer texts)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (double.TryParse(text.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        modelState.AddModelError(field, texts["places.NotACoordinate", text]);
        return null;
    }
}
