using Kuager.Core;
using Kuager.Names;
using Kuager.Storage;
using Kuager.Storage.Tests;

namespace Kuager.Web.Tests.Places;

public sealed class PlaceEditTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_place_is_created_inside_its_parent_with_names_in_several_scripts(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var china = await app.Store.CreateAsync(Build.Place("China", null, PlaceKind.Country), "test");
        var xinjiang = await app.Store.CreateAsync(Build.Place("Xinjiang", china.Id, PlaceKind.Region), "test");

        var form = await RecordForm.LoadAsync(app, $"/places/new?parent={xinjiang.Id}");
        Assert.Equal("China > Xinjiang", form["Input.ParentPath"]);
        var location = await form.SaveAsync(
            ("Input.Names[0].Text", "Ghulja"), ("Input.Names[1].Text", "غۇلجا"), ("Input.Names[2].Text", "伊宁"),
            ("Input.Kind", "detention-centre"), ("Input.Latitude", "43,91"), ("Input.Longitude", "81.32"), ("Input.Confidentiality", "restricted"));

        var id = long.Parse(location.Split('/')[2].Split('?')[0], System.Globalization.CultureInfo.InvariantCulture);
        var place = await app.Store.GetAsync<Place>(id);
        Assert.NotNull(place);
        Assert.Equal(xinjiang.Id, place.ParentId);
        Assert.Equal(PlaceKind.DetentionCentre, place.Kind);
        Assert.Equal([Script.English, Script.UyghurArabic, Script.Chinese], place.Names.Select(n => n.Script));
        Assert.Equal(43.91, place.Latitude);
        Assert.Equal(81.32, place.Longitude);
        Assert.Equal(Confidentiality.Restricted, place.Confidentiality);
        Assert.Equal("test-admin", (await app.Store.HistoryAsync(RecordKind.Place, id)).Single().Actor);

        var page = await app.PageAsync(location);
        Assert.Contains("Ghulja", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Places", "China", "Xinjiang", "Ghulja"], page.QuerySelectorAll("nav.breadcrumbs li").Select(li => li.TextContent.Trim()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Editing_a_place_moves_and_renames_it_and_undo_takes_it_back(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var china = await app.Store.CreateAsync(Build.Place("China", null, PlaceKind.Country), "test");
        var camp = await app.Store.CreateAsync(Build.Place("Camp No. 3", china.Id, PlaceKind.Camp), "test");

        var form = await RecordForm.LoadAsync(app, $"/places/{camp.Id}/edit");
        Assert.Equal("1", form["Input.Version"]);
        Assert.Equal("camp", form["Input.Kind"]);
        await form.SaveAsync(("Input.Names[0].Text", "Camp No. 4"));

        var edited = await app.Store.GetAsync<Place>(camp.Id);
        Assert.Equal("Camp No. 4", edited!.Name);
        Assert.Equal(2, edited.Version);
        Assert.Equal(PlaceKind.Camp, edited.Kind);

        var update = (await app.Store.HistoryAsync(RecordKind.Place, camp.Id))[^1];
        var undo = await RecordForm.UndoAsync(app, $"/places/{camp.Id}", update.Id);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, undo.StatusCode);
        Assert.Equal("Camp No. 3", (await app.Store.GetAsync<Place>(camp.Id))!.Name);
        var page = await app.PageAsync(undo.Headers.Location!.OriginalString);
        Assert.Equal(3, page.QuerySelectorAll("section.history tbody tr").Length);
        Assert.NotNull(page.QuerySelector("section.history .notice"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_stale_edit_shows_the_conflict_and_keeps_the_input(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var place = await app.Store.CreateAsync(Build.Place("Kuytun"), "test");

        var form = await RecordForm.LoadAsync(app, $"/places/{place.Id}/edit");
        await app.Store.UpdateAsync(place with { Kind = PlaceKind.City }, "someone else");
        var page = await form.RefusedAsync(("Input.Names[0].Text", "Kuitun"));

        Assert.NotNull(page.QuerySelector("#conflict-title"));
        Assert.Contains("Kind", page.QuerySelector("section.alert table")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Kuitun", RecordForm.Value(page, "Input.Names[0].Text"));
        Assert.Equal("2", RecordForm.Value(page, "Input.Version"));
        Assert.Equal("Kuytun", (await app.Store.GetAsync<Place>(place.Id))!.Name);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Errors_are_shown_beside_their_fields(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);

        var form = await RecordForm.LoadAsync(app, "/places/new?culture=en");
        var page = await form.RefusedAsync(("Input.Names[0].Text", ""), ("Input.Latitude", "north"), ("Input.ParentPath", "Atlantis > Nowhere"));
        Assert.Contains("north", RecordForm.ErrorBeside(page, "Input.Latitude"), StringComparison.Ordinal);
        Assert.Contains("Atlantis", RecordForm.ErrorBeside(page, "Input.ParentPath"), StringComparison.Ordinal);

        page = await form.RefusedAsync(("Input.Names[0].Text", ""));
        Assert.NotEmpty(RecordForm.ErrorBeside(page, "Input.Names"));

        page = await form.RefusedAsync(("Input.Names[0].Text", "Emin"), ("Input.Latitude", "95"), ("Input.Longitude", "80"));
        Assert.NotEmpty(RecordForm.ErrorBeside(page, "Input.Latitude"));
        Assert.Equal("Emin", RecordForm.Value(page, "Input.Names[0].Text"));
        Assert.Equal(0, await CountPlacesAsync(app));
    }

    private static async Task<long> CountPlacesAsync(KuagerApp app) => (await Stats.CountAsync(app.Store.Database)).Places;
}
