using AngleSharp.Html.Dom;
using Kuager.Core;
using Kuager.Storage;
using Kuager.Storage.Tests;

namespace Kuager.Web.Tests.Persons;

public sealed class PersonListTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_filter_narrows_the_list_and_stays_selected_in_the_form(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        await using (var s = await app.Store.BeginAsync("test"))
        {
            var china = await s.CreateAsync(Build.Place("China", kind: PlaceKind.Country));
            var xinjiang = await s.CreateAsync(Build.Place("Xinjiang", china.Id, PlaceKind.Region));
            var ili = await s.CreateAsync(Build.Place("Ili", xinjiang.Id, PlaceKind.Prefecture));
            var gulja = await s.CreateAsync(Build.Place("Gulja", ili.Id, PlaceKind.City));
            var kazakhstan = await s.CreateAsync(Build.Place("Kazakhstan", kind: PlaceKind.Country));
            var almaty = await s.CreateAsync(Build.Place("Almaty", kazakhstan.Id, PlaceKind.City));

            // "Xinjiang Other" shares the start of Xinjiang's path but is not inside it.
            var lookalike = await s.CreateAsync(Build.Place("Xinjiang Other", china.Id, PlaceKind.Region));

            var alim = await s.CreateAsync(Build.Person("Alim Uyghurov") with { Ethnicity = "Uyghur", Citizenships = ["PRC"], HometownId = gulja.Id });
            var bota = await s.CreateAsync(Build.Person("Bota Kazakhova") with { Ethnicity = "Kazakh", Citizenships = ["PRC", "Kazakhstan"], HometownId = almaty.Id });
            await s.CreateAsync(Build.Person("Chingis Kazakhov") with { Ethnicity = "Kazakh", Citizenships = ["Kazakhstan"], HometownId = xinjiang.Id });
            await s.CreateAsync(Build.Person("Daniyar Other") with { Ethnicity = "Kyrgyz", Citizenships = [], HometownId = lookalike.Id });

            var detained = await s.CreateAsync(Build.Event("detained", alim.Id, FuzzyDate.InSeason(2017, Season.Spring)));
            await s.CreateAsync(Build.Event("picket", bota.Id, FuzzyDate.OnDay(2021, 2, 22)));
            var source = await s.CreateAsync(Build.Source());
            await s.CreateAsync(new Citation { SourceId = source.Id, TargetKind = RecordKind.Event, TargetId = detained.Id, Level = EvidenceLevel.FirstPersonTestimony });
            await s.CreateAsync(new Citation { SourceId = source.Id, TargetKind = RecordKind.Person, TargetId = bota.Id, Level = EvidenceLevel.SecondHand });
            await s.CommitAsync();
        }

        var xinjiangId = await PlaceIdAsync(app, "China > Xinjiang");

        Assert.Equal(["Alim Uyghurov", "Bota Kazakhova", "Chingis Kazakhov", "Daniyar Other"], await NamesAsync(app, "/persons"));
        Assert.Equal(["Alim Uyghurov"], await NamesAsync(app, "/persons?status=detained"));
        Assert.Equal(["Alim Uyghurov"], await NamesAsync(app, "/persons?ethnicity=Uyghur"));
        Assert.Equal(["Bota Kazakhova", "Chingis Kazakhov"], await NamesAsync(app, "/persons?citizenship=Kazakhstan"));
        Assert.Equal(["Alim Uyghurov", "Chingis Kazakhov"], await NamesAsync(app, $"/persons?place={xinjiangId}"));
        Assert.Equal(["Alim Uyghurov"], await NamesAsync(app, "/persons?eventType=detained"));
        Assert.Equal(["Alim Uyghurov"], await NamesAsync(app, "/persons?from=2017&to=2017"));
        Assert.Equal(["Bota Kazakhova"], await NamesAsync(app, "/persons?from=2020-01"));
        Assert.Empty(await NamesAsync(app, "/persons?eventType=detained&from=2018"));
        Assert.Equal(["Alim Uyghurov"], await NamesAsync(app, "/persons?evidence=2"));
        Assert.Equal(["Alim Uyghurov", "Bota Kazakhova"], await NamesAsync(app, "/persons?evidence=1"));
        Assert.Equal(["Chingis Kazakhov"], await NamesAsync(app, $"/persons?ethnicity=Kazakh&place={xinjiangId}"));
        Assert.Equal(["Bota Kazakhova"], await NamesAsync(app, "/persons?q=bota"));

        var page = await app.PageAsync($"/persons?ethnicity=Kazakh&place={xinjiangId}&eventType=picket&evidence=3");
        Assert.Equal("Kazakh", Selected(page, "ethnicity"));
        Assert.Equal(xinjiangId.ToString(System.Globalization.CultureInfo.InvariantCulture), Selected(page, "place"));
        Assert.Equal("picket", Selected(page, "eventType"));
        Assert.Equal("3", Selected(page, "evidence"));
        Assert.Contains("Detained", page.QuerySelector("select[name=eventType]")!.TextContent);
        Assert.Contains("Kazakhstan", page.QuerySelector("select[name=citizenship]")!.TextContent);
        Assert.Contains("0 ", page.QuerySelector("#result-count")!.TextContent);

        var unreadable = await app.PageAsync("/persons?from=whenever");
        Assert.NotNull(unreadable.QuerySelector("#from-error.field-error"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Pages_of_fifty_with_links_that_keep_the_filters(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        await using (var s = await app.Store.BeginAsync("test"))
        {
            for (var i = 0; i < 120; i++)
            {
                await s.CreateAsync(Build.Person($"Person {i:D3}") with { Ethnicity = "Kazakh" });
            }

            await s.CreateAsync(Build.Person("Someone Else") with { Ethnicity = "Uyghur" });
            await s.CommitAsync();
        }

        var first = await app.PageAsync("/persons?ethnicity=Kazakh");
        Assert.Contains("120", first.QuerySelector("#result-count")!.TextContent);
        Assert.Equal(50, Rows(first).Count);
        Assert.Equal("Person 000", Rows(first)[0]);
        Assert.Null(first.QuerySelector("a[rel=prev]"));
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        Assert.Contains("ethnicity=Kazakh", next);
        Assert.Contains("p=2", next);

        var second = await app.PageAsync(next);
        Assert.Equal("Person 050", Rows(second)[0]);
        var third = await app.PageAsync(second.QuerySelector("a[rel=next]")!.GetAttribute("href")!);
        Assert.Equal(20, Rows(third).Count);
        Assert.Equal("Person 119", Rows(third)[^1]);
        Assert.Null(third.QuerySelector("a[rel=next]"));
        Assert.Contains("p=2", third.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
    }

    private static async Task<IReadOnlyList<string>> NamesAsync(KuagerApp app, string url) => Rows(await app.PageAsync(url));

    private static List<string> Rows(IHtmlDocument page) =>
        page.QuerySelectorAll("table.persons-list tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToList();

    private static string? Selected(IHtmlDocument page, string name) =>
        page.QuerySelector($"select[name={name}] option[selected]")?.GetAttribute("value");

    private static async Task<long> PlaceIdAsync(KuagerApp app, string path)
    {
        await using var c = await app.Store.Database.OpenAsync();
        return await Dapper.SqlMapper.ExecuteScalarAsync<long>(c, "SELECT id FROM places WHERE path = @path", new { path });
    }
}
