using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Kuager.Core;
using Kuager.Names;
using Kuager.Storage;
using Kuager.Storage.Tests;

namespace Kuager.Web.Tests.Persons;

public sealed class PersonEditTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_person_created_with_the_form_is_saved_as_a_revision(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var xinjiang = await AddXinjiangAsync(app);

        var form = await app.PageAsync("/persons/new");
        Assert.True(form.QuerySelectorAll("input[name$='].Text']").Length >= 4, "empty name rows to type into without script");
        Assert.NotNull(form.QuerySelector("label[for=birth-date]"));
        var response = await PersonForms.SubmitAsync(app.Client, "/persons/new", Form(form), new Dictionary<string, string>
        {
            ["Input.Names[0].Text"] = "Nurlan Testuly",
            ["Input.Names[0].Kind"] = "primary",
            ["Input.Names[1].Text"] = "Нұрлан Тестұлы",
            ["Input.Names[2].Text"] = "نۇرلان تېستۇلى",
            ["Input.Names[2].Script"] = "ug-Arab",
            ["Input.Gender"] = "male",
            ["Input.BirthDate"] = "spring 1979",
            ["Input.Ethnicity"] = "Kazakh",
            ["Input.Citizenships"] = "PRC, Kazakhstan",
            ["Input.Hometown"] = "China > Xinjiang",
            ["Input.Occupation"] = "driver",
            ["Input.Confidentiality"] = "confidential",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.Matches(@"^/persons/\d+\?notice=created$", location);
        var id = long.Parse(location["/persons/".Length..location.IndexOf('?', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);

        var person = (await app.Store.GetAsync<Person>(id))!;
        Assert.Matches(@"^K-\d{6}$", person.ExternalId);
        Assert.Equal(["Nurlan Testuly", "Нұрлан Тестұлы", "نۇرلان تېستۇلى"], person.Names.Select(n => n.Text).ToArray());
        Assert.Equal([Script.English, Script.KazakhCyrillic, Script.UyghurArabic], person.Names.Select(n => n.Script).ToArray());
        Assert.Equal(Gender.Male, person.Gender);
        Assert.Equal(DatePrecision.Season, person.BirthDate!.Precision);
        Assert.Equal("spring 1979", person.BirthDate.Text);
        Assert.Equal(["PRC", "Kazakhstan"], person.Citizenships);
        Assert.Equal(xinjiang, person.HometownId);
        Assert.Equal(Confidentiality.Confidential, person.Confidentiality);
        var history = await app.Store.HistoryAsync(RecordKind.Person, id);
        Assert.Equal(RevisionAction.Create, Assert.Single(history).Action);
        Assert.Equal("test-admin", history[0].Actor);

        var page = await app.PageAsync(location);
        Assert.NotNull(page.QuerySelector(".notice"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Editing_keeps_what_the_form_does_not_show_and_adds_a_revision(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var person = await app.Store.CreateAsync(Build.Person("Aigerim Editova") with
        {
            OtherIds = [new OtherId("victims-db", "77")],
            BirthDate = FuzzyDate.InYear(1980, "born around the Olympics of 1980"),
        }, "test");

        var url = $"/persons/{person.Id}/edit";
        var form = await app.PageAsync(url);
        Assert.Equal("Aigerim Editova", PersonForms.Value(form, "Input.Names[0].Text"));
        Assert.Equal("1", PersonForms.Value(form, "Input.Version"));
        var response = await PersonForms.SubmitAsync(app.Client, url, Form(form), new Dictionary<string, string>
        {
            ["Input.Occupation"] = "nurse",
            ["Input.Names[2].Text"] = "Aygerim Editova",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = (await app.Store.GetAsync<Person>(person.Id))!;
        Assert.Equal(2, saved.Version);
        Assert.Equal("nurse", saved.Occupation);
        Assert.Equal(3, saved.Names.Count);
        Assert.Equal(person.OtherIds, saved.OtherIds);
        Assert.Equal(person.BirthDate, saved.BirthDate);
        var history = await app.Store.HistoryAsync(RecordKind.Person, person.Id);
        Assert.Equal(["names", "occupation"], history[^1].Changes.Select(c => c.Field).Order().ToArray());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_stale_edit_shows_the_conflict_and_keeps_the_users_input(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var person = await app.AddPersonAsync("Stale Person");
        var url = $"/persons/{person.Id}/edit";
        var form = await app.PageAsync(url);

        // Someone else saves first.
        await app.Store.UpdateAsync(person with { Occupation = "their occupation" }, "other-volunteer");

        var response = await PersonForms.SubmitAsync(app.Client, url, Form(form), new Dictionary<string, string> { ["Input.Occupation"] = "my occupation" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var panel = page.QuerySelector("[aria-labelledby=conflict-title]")!;
        Assert.Contains("their occupation", panel.TextContent);
        Assert.Equal("my occupation", PersonForms.Value(page, "Input.Occupation"));
        Assert.Equal("2", PersonForms.Value(page, "Input.Version"));
        Assert.Equal("their occupation", (await app.Store.GetAsync<Person>(person.Id))!.Occupation);

        // Saving again applies the user's version on top of the current one.
        var again = await PersonForms.SubmitAsync(app.Client, url, Form(page));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("my occupation", (await app.Store.GetAsync<Person>(person.Id))!.Occupation);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Errors_are_shown_beside_their_fields_with_the_input_kept(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        await AddXinjiangAsync(app);
        var form = await app.PageAsync("/persons/new");
        var response = await PersonForms.SubmitAsync(app.Client, "/persons/new", Form(form), new Dictionary<string, string>
        {
            ["Input.Names[0].Text"] = "Dana Errorova",
            ["Input.BirthDate"] = "when the apricots bloomed",
            ["Input.Hometown"] = "China > Atlantis",
            ["Input.Notes"] = "kept notes",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains("1979", page.QuerySelector("#birth-date-error")!.TextContent);
        Assert.Contains("China > Atlantis", page.QuerySelector("#hometown-error")!.TextContent);
        Assert.Equal("Dana Errorova", PersonForms.Value(page, "Input.Names[0].Text"));
        Assert.Equal("when the apricots bloomed", PersonForms.Value(page, "Input.BirthDate"));
        Assert.Equal("kept notes", PersonForms.Value(page, "Input.Notes"));
        Assert.Equal(0, await app.Db.RowsAsync("persons"));

        // A domain rule (no name at all) lands beside the names.
        var noName = await PersonForms.SubmitAsync(app.Client, "/persons/new", Form(page), new Dictionary<string, string>
        {
            ["Input.Names[0].Text"] = "",
            ["Input.BirthDate"] = "1979",
            ["Input.Hometown"] = "",
        });
        var noNamePage = new HtmlParser().ParseDocument(await noName.Content.ReadAsStringAsync());
        Assert.Contains("name", noNamePage.QuerySelector("[data-valmsg-for='Input.Names']")!.TextContent);
        Assert.Equal(0, await app.Db.RowsAsync("persons"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_revision_is_undone_from_the_history(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var person = await app.AddPersonAsync("Undo Person");
        await app.Store.UpdateAsync(person with { Notes = "a mistaken note" }, "test");
        var url = $"/persons/{person.Id}";

        var page = await app.PageAsync(url);
        var response = await PersonForms.SubmitAsync(app.Client, url, UndoForm(page, version: 2));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/persons/{person.Id}?notice=undone", response.Headers.Location!.ToString());
        Assert.Equal("test person", (await app.Store.GetAsync<Person>(person.Id))!.Notes);
        var history = await app.Store.HistoryAsync(RecordKind.Person, person.Id);
        Assert.Equal(RevisionAction.Undo, history[^1].Action);

        // Undoing version 2 again would overwrite version 3, which changed the same field: refused, with the reason.
        await app.Store.UpdateAsync((await app.Store.GetAsync<Person>(person.Id))! with { Notes = "a later note" }, "test");
        page = await app.PageAsync(url);
        var refused = await PersonForms.SubmitAsync(app.Client, url, UndoForm(page, version: 2));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedPage = new HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Contains("cannot be undone", refusedPage.QuerySelector(".alert")!.TextContent);
        Assert.Equal("a later note", (await app.Store.GetAsync<Person>(person.Id))!.Notes);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_relationship_is_added_from_the_person_page(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var parent = await app.AddPersonAsync("Parent Person", "K-000900");
        var child = await app.AddPersonAsync("Child Person");
        var url = $"/persons/{parent.Id}";

        var page = await app.PageAsync(url);
        var form = (IHtmlFormElement)page.QuerySelector("form.relate-form")!;
        var response = await PersonForms.SubmitAsync(app.Client, url, form, new Dictionary<string, string>
        {
            ["Relate.Type"] = "child",
            ["Relate.Other"] = child.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var childPage = await app.PageAsync($"/persons/{child.Id}");
        Assert.NotNull(childPage.QuerySelector($"svg.family-svg a[href='/persons/{parent.Id}']"));
        Assert.Contains("parent", childPage.QuerySelector("table.relatives")!.TextContent);

        // By external id; a person that does not exist is an error beside the field.
        var missing = await PersonForms.SubmitAsync(app.Client, $"/persons/{child.Id}", (IHtmlFormElement)childPage.QuerySelector("form.relate-form")!,
            new Dictionary<string, string> { ["Relate.Type"] = "sibling", ["Relate.Other"] = "K-999999" });
        var missingPage = new HtmlParser().ParseDocument(await missing.Content.ReadAsStringAsync());
        Assert.Contains("K-999999", missingPage.QuerySelector("#relate-other-error")!.TextContent);
        Assert.Equal("K-999999", PersonForms.Value(missingPage, "Relate.Other"));

        var twice = await PersonForms.SubmitAsync(app.Client, $"/persons/{child.Id}", (IHtmlFormElement)childPage.QuerySelector("form.relate-form")!,
            new Dictionary<string, string> { ["Relate.Type"] = "parent", ["Relate.Other"] = "K-000900" });
        var twicePage = new HtmlParser().ParseDocument(await twice.Content.ReadAsStringAsync());
        Assert.Contains("already recorded", twicePage.QuerySelector("#relate-other-error")!.TextContent);
        Assert.Equal(1, await app.Db.RowsAsync("relationships"));
    }

    private static IHtmlFormElement Form(IHtmlDocument page) => (IHtmlFormElement)page.QuerySelector("form.person-form")!;

    private static IHtmlFormElement UndoForm(IHtmlDocument page, int version) =>
        (IHtmlFormElement)page.QuerySelectorAll("table.history tbody tr")
            .First(r => r.QuerySelector("td")!.TextContent.Trim() == version.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .QuerySelector("form")!;

    private static async Task<long> AddXinjiangAsync(KuagerApp app)
    {
        var china = await app.Store.CreateAsync(Build.Place("China", kind: PlaceKind.Country), "test");
        return (await app.Store.CreateAsync(Build.Place("Xinjiang", china.Id, PlaceKind.Region), "test")).Id;
    }
}
