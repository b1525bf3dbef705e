using Kuager.Core;
using Kuager.Storage;
using Kuager.Storage.Search;
using Kuager.Web.Features.Persons;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kuager.Web.Features.Search;

/// <summary>
/// Search everywhere: people by any of their names in any script (with filters on status, ethnicity, hometown, event
/// dates and evidence), and testimonies and sources by the words of their text. A plain GET form; the search box's
/// script only adds suggestions as you type.
/// </summary>
public sealed class IndexModel(RecordStore store) : PageModel
{
    public const int Limit = 50;
    public const int TextLimit = 20;

    [BindProperty(SupportsGet = true)]
    public SearchFilter Filter { get; set; } = new();

    public IReadOnlyList<PersonMatch> People { get; private set; } = [];

    public IReadOnlyList<TextHit> Texts { get; private set; } = [];

    /// <summary>Problems with the filters: field name to localisation key.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public PersonFilterChoices Choices { get; private set; } = new([], [], [], [], []);

    /// <summary>As many people matched as are shown: there may be more.</summary>
    public bool More { get; private set; }

    public bool Searched => !string.IsNullOrWhiteSpace(Filter.Q);

    public bool SeesConfidential => HttpContext.Viewer().SeesConfidentialFields;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var viewer = HttpContext.Viewer();
        Choices = await PersonList.ChoicesAsync(store.Database, viewer, ct);
        if (!Searched)
        {
            return;
        }

        var (query, errors) = Filter.ToQuery(Limit);
        Errors = errors;
        if (query is not null)
        {
            People = await PersonSearch.For(store.Database).SearchAsync(query, viewer, ct);
            More = People.Count >= Limit;
            await store.AuditReadAsync(viewer, RecordKind.Person, People.Where(p => p.Confidentiality == Confidentiality.Confidential).Select(p => p.Id).ToList(), ct);
        }

        // The filters are about people; the texts are searched by their words alone.
        Texts = await TextSearch.For(store.Database).SearchAsync(Filter.Q!, viewer, TextLimit, ct);
        await SearchAudit.TextsAsync(store, viewer, Texts, ct);
    }
}
