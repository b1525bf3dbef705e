using System.ComponentModel.DataAnnotations;
using Kuager.Core;
using Kuager.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kuager.Web.Features.Elections;

/// <summary>The elections observed, latest first; editors create one here.</summary>
public sealed class IndexModel(ElectionStore store) : PageModel
{
    public IReadOnlyList<Election> Elections { get; private set; } = [];

    [BindProperty]
    public ElectionInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (ElectionPages.Refusal(HttpContext) is { } refusal)
        {
            return refusal;
        }

        Elections = await store.ListElectionsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Editing.Refusal(HttpContext) is { } refusal)
        {
            return refusal;
        }

        if (ModelState.IsValid)
        {
            try
            {
                var created = await store.CreateElectionAsync(Input.ToElection(), Editing.Actor(HttpContext), ct);
                return Redirect($"/elections/{created.Id}");
            }
            catch (Kuager.Core.ValidationException e)
            {
                e.AddTo(ModelState, "Input");
            }
        }

        Elections = await store.ListElectionsAsync(ct);
        return Page();
    }
}

/// <summary>The create form: what an election needs to start; stages, rules and quotas are added on the election's page (or through the API).</summary>
public sealed class ElectionInput
{
    [Required]
    public string Name { get; set; } = "";

    public ElectionKind Kind { get; set; } = ElectionKind.PartyList;

    [Required]
    public DateOnly? ElectionDay { get; set; }

    public int? Seats { get; set; }

    public decimal ThresholdPercent { get; set; } = 5;

    public ThresholdDenominator ThresholdOf { get; set; } = ThresholdDenominator.All;

    public Election ToElection() => new()
    {
        Name = Name ?? "", Kind = Kind, ElectionDay = ElectionDay ?? default, Seats = Seats, ThresholdPercent = ThresholdPercent, ThresholdOf = ThresholdOf,
    };
}

/// <summary>What the election pages share.</summary>
public static class ElectionPages
{
    /// <summary>Election data names observers and candidates: a visitor is asked to sign in; any signed-in reader may read.</summary>
    public static IActionResult? Refusal(HttpContext http) => http.Viewer().IsSignedIn ? null : new ChallengeResult();

    public static string Percent(double? share) => share is { } s ? (s * 100).ToString("0.0", System.Globalization.CultureInfo.CurrentCulture) + " %" : "—";

    public static string Percent(decimal? share) => Percent(share is { } s ? (double)s : null);

    /// <summary>A unit's path for pickers and lists: "North / N-1 / 101"; "" for a unit not among <paramref name="units"/>.</summary>
    public static string PathOf(IReadOnlyList<Kuager.Storage.ElectionUnit> units, long unitId)
    {
        var byId = units.ToDictionary(u => u.Id);
        if (!byId.TryGetValue(unitId, out var unit))
        {
            return "";
        }

        var names = new List<string> { unit.Name };
        for (var u = unit; u.ParentId is { } p && byId.TryGetValue(p, out var parent); u = parent)
        {
            names.Insert(0, parent.Name);
        }

        return string.Join(" / ", names);
    }
}
