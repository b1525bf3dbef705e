using Kuager.Core;
using Kuager.Names;
using Kuager.Storage;
using Kuager.Storage.Tests;

namespace Kuager.Web.Tests.Places;

public sealed class PlacePageTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_browser_starts_from_the_top_level_places(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var r = await SmallRegistry.SeedAsync(app);

        var page = await app.PageAsync("/places?culture=en");

        var links = page.QuerySelectorAll("table.places tbody a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        Assert.Equal([("China", $"/places/{r.China.Id}"), ("Kazakhstan", $"/places/{r.Kazakhstan.Id}")], links);

        var found = await app.PageAsync("/places?q=emin");
        Assert.Contains(found.QuerySelectorAll("table.places tbody a"), a => a.TextContent == "China > Xinjiang > Ili > Emin");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_place_page_shows_its_path_children_and_what_happened_under_it(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var r = await SmallRegistry.SeedAsync(app);

        var page = await app.PageAsync($"/places/{r.Xinjiang.Id}?culture=en");

        Assert.Equal(["Places", "China", "Xinjiang"], page.QuerySelectorAll("nav.breadcrumbs li").Select(li => li.TextContent.Trim()));
        Assert.Equal($"/places/{r.China.Id}", page.QuerySelectorAll("nav.breadcrumbs a")[1].GetAttribute("href"));
        Assert.Equal(["Altay", "Ili"], page.QuerySelectorAll("ul.place-children a").Select(a => a.TextContent));

        // Events at Emin, at the village under it and at Altay; not the one in Almaty nor the undated one without a place.
        var events = page.QuerySelectorAll("#events tbody tr").ToList();
        Assert.Equal(3, events.Count);
        Assert.Contains("(3)", page.QuerySelector("#events h2")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2019-03", events[0].QuerySelector("td")!.TextContent);
        Assert.Contains(events, e => e.TextContent.Contains("Aset Emintest", StringComparison.Ordinal) && e.TextContent.Contains("Emin", StringComparison.Ordinal));
        Assert.Contains(events, e => e.QuerySelector("a")?.GetAttribute("href") == $"/events/{r.JanuaryAtEmin.Id}");

        Assert.Contains("(3)", page.QuerySelector("#people h2")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Aset Emintest", "Bota Villagetest", "Dilnur Altaytest"], page.QuerySelectorAll("#people tbody a").Select(a => a.TextContent));
        Assert.Equal(["Ili Prefecture Police"], page.QuerySelectorAll("#organizations li a").Select(a => a.TextContent));

        var almaty = await app.PageAsync($"/places/{r.Almaty.Id}?culture=en");
        Assert.Equal(["Erlan Almatytest"], almaty.QuerySelectorAll("#people tbody a").Select(a => a.TextContent));
        Assert.Single(almaty.QuerySelectorAll("#events tbody tr"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task People_under_a_place_are_paged(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var ili = await app.Store.CreateAsync(Build.Place("Ili"), "test");
        for (var i = 0; i < 55; i++)
        {
            await app.Store.CreateAsync(Build.Person($"Person {i:D2}") with { HometownId = ili.Id }, "test");
        }

        var first = await app.PageAsync($"/places/{ili.Id}");
        Assert.Contains("55", first.QuerySelector("#people h2")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(50, first.QuerySelectorAll("#people tbody tr").Length);
        var next = first.QuerySelectorAll("#people .pager a").Single().GetAttribute("href")!.Split('#')[0];
        var second = await app.PageAsync(next);
        Assert.Equal(["Person 50", "Person 51", "Person 52", "Person 53", "Person 54"], second.QuerySelectorAll("#people tbody a").Select(a => a.TextContent));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Uyghur_names_of_a_place_are_shown_right_to_left(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var place = await app.Store.CreateAsync(new Place { Names = [new PlaceName("Ghulja", Script.English), new PlaceName("غۇلجا", Script.UyghurArabic)] }, "test");

        var page = await app.PageAsync($"/places/{place.Id}");

        var uyghur = page.QuerySelectorAll("span[lang='ug-Arab']").Single();
        Assert.Equal("rtl", uyghur.GetAttribute("dir"));
        Assert.Equal("غۇلجا", uyghur.TextContent);
    }
}
