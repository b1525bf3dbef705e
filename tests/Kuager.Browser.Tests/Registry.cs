using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kuager.Browser.Tests;

/// <summary>What a volunteer does in the registry, through the UI, in the words the English pages use.</summary>
internal static partial class Registry
{
    /// <summary>Fills /persons/new with the given names (first is the primary name) and saves; returns the new id.</summary>
    public static async Task<long> AddPersonAsync(IPage page, IReadOnlyList<string> names, string? occupation = null)
    {
        await page.GotoAsync("/persons/new");
        for (var i = 0; i < names.Count; i++)
        {
            await page.GetByLabel($"Name {i + 1}", new() { Exact = true }).FillAsync(names[i]);
        }

        if (occupation is not null)
        {
            await page.GetByLabel("Occupation", new() { Exact = true }).FillAsync(occupation);
        }

        await SaveAsync(page);
        await Expect(page).ToHaveURLAsync(PersonCreated());
        return IdIn(page.Url, "persons");
    }

    public static Task SaveAsync(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

    /// <summary>The value cell of a row of the person page's facts table ("Occupation" → its cell).</summary>
    public static ILocator Fact(IPage page, string label) =>
        page.GetByRole(AriaRole.Row)
            .Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = label, Exact = true }) })
            .GetByRole(AriaRole.Cell);

    /// <summary>A section of a page by its heading (sections are labelled by their h2).</summary>
    public static ILocator Section(IPage page, string heading) => page.GetByRole(AriaRole.Region, new() { Name = heading, Exact = true });

    public static long IdIn(string url, string collection)
    {
        var match = Regex.Match(url, $@"/{collection}/(\d+)");
        Assert.True(match.Success, $"{url} is not a /{collection}/ID address");
        return long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"/persons/\d+\?notice=created$")]
    private static partial Regex PersonCreated();
}
