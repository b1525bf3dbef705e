using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kuager.Browser.Tests;

/// <summary>
/// The registry's core flows through the real UI, as a volunteer does them: clicks and typing in Chromium, the
/// app on a real port. Every test records its own person, so the tests share the host but nothing else.
/// </summary>
public sealed class RegistryFlowTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private const string Kazakh = "Айгерім Сәрсенқызы";
    private const string Uyghur = "ئايگۈل ئەمەت";

    private BrowserHost Host => fixture.Host;

    [Fact]
    public async Task A_person_is_recorded_with_Kazakh_Cyrillic_and_Uyghur_Arabic_names()
    {
        var page = await Host.SignedInPageAsync();

        var id = await Registry.AddPersonAsync(page, [Kazakh, Uyghur]);

        Assert.EndsWith($"/persons/{id}?notice=created", page.Url);
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The person has been recorded.");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Kazakh);
        var names = Registry.Section(page, "Names");
        var uyghur = names.GetByText(Uyghur, new() { Exact = true });
        await Expect(uyghur).ToHaveAttributeAsync("dir", "rtl");
        await Expect(uyghur).ToHaveAttributeAsync("lang", "ug-Arab");
        var kazakh = names.GetByText(Kazakh, new() { Exact = true });
        await Expect(kazakh).ToHaveAttributeAsync("lang", "kk-Cyrl");
        await Expect(kazakh).Not.ToHaveAttributeAsync("dir", "rtl");
        await Expect(names.GetByRole(AriaRole.Row).Filter(new() { HasText = Uyghur })).ToContainTextAsync("Uyghur Arabic");
        await Expect(names.GetByRole(AriaRole.Row).Filter(new() { HasText = Kazakh })).ToContainTextAsync("Kazakh Cyrillic");
        // The browser lays the Uyghur name out right to left, not just the attribute.
        Assert.Equal("rtl", await uyghur.EvaluateAsync<string>("e => getComputedStyle(e).direction"));
    }

    [Fact]
    public async Task An_event_dated_in_words_shows_on_the_status_timeline_and_in_the_events_list()
    {
        var page = await Host.SignedInPageAsync();
        var id = await Registry.AddPersonAsync(page, ["Бақытжан Серікұлы", "ئەركىن ساۋۇت"]);
        var externalId = await Registry.Fact(page, "External id").InnerTextAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Status over time" })).ToHaveCountAsync(0);

        // The person page offers no "add event" link (reported); the event form is opened with the person, as such a link would.
        await page.GotoAsync($"/events/new?person={id}");
        await Expect(page.GetByLabel("Person, row 1", new() { Exact = true })).ToHaveValueAsync(externalId);
        await page.GetByLabel("Type", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Value = "detained" });
        await page.GetByLabel("Date", new() { Exact = true }).FillAsync("in spring 2017");
        await page.GetByLabel("Description", new() { Exact = true }).FillAsync("Taken from home by the police, according to his brother.");
        await Registry.SaveAsync(page);

        await Expect(page).ToHaveURLAsync(new Regex(@"/events/\d+\?saved=1$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Detained");
        await Expect(page.Locator("q.date-words")).ToHaveTextAsync("in spring 2017");
        await BrowserHost.ScreenshotAsync(page, "flow-event");

        await page.GetByRole(AriaRole.Link, new() { Name = "Бақытжан Серікұлы" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($@"/persons/{id}$"));
        await Expect(page.Locator(".status-now")).ToContainTextAsync("Detained");
        var timeline = page.GetByRole(AriaRole.Img, new() { Name = "Status over time" });
        await Expect(timeline).ToBeVisibleAsync();
        await Expect(timeline).ToHaveAccessibleNameAsync(new Regex("Detained \\(.*2017"));
        await Expect(timeline.Locator("g.segment")).ToHaveCountAsync(1);
        await Expect(timeline.Locator("g.segment rect")).ToBeVisibleAsync();
        var row = Registry.Section(page, "Events").GetByRole(AriaRole.Row).Filter(new() { HasText = "Detained" });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator("q")).ToHaveTextAsync("in spring 2017");
        await Expect(row.GetByRole(AriaRole.Link, new() { Name = "Detained" })).ToHaveAttributeAsync("href", new Regex(@"^/events/\d+$"));
        await BrowserHost.ScreenshotAsync(page, "flow-person-with-event");
    }

    [Fact]
    public async Task A_testimony_with_an_uploaded_file_shows_the_files_SHA_256()
    {
        var page = await Host.SignedInPageAsync();
        var id = await Registry.AddPersonAsync(page, ["Гүлнар Омарқызы"]);
        var video = Encoding.UTF8.GetBytes("Fictional test recording, made up for the browser tests.\n" + Guid.NewGuid());
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(video));

        await page.GotoAsync($"/testimonies/new?person={id}");
        await page.GetByLabel("Relation to the subject", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Value = "sibling" });
        // GetByRole: the language switcher is a navigation labelled "Language" too.
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Language", Exact = true }).FillAsync("kk");
        await page.GetByLabel("Summary", new() { Exact = true }).FillAsync("Her sister says she was taken to a camp and has not called since.");
        await page.GetByLabel("Add files (video, audio, documents)").SetInputFilesAsync(new FilePayload
        {
            Name = "statement.mp4",
            MimeType = "video/mp4",
            Buffer = video,
        });
        await Registry.SaveAsync(page);

        await Expect(page).ToHaveURLAsync(new Regex(@"/testimonies/\d+\?saved=1$"));
        var file = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "statement.mp4" });
        await Expect(file.GetByRole(AriaRole.Cell).Last).ToHaveTextAsync(sha256);
        await Expect(file).ToContainTextAsync("video/mp4");
        await BrowserHost.ScreenshotAsync(page, "flow-testimony");

        // The file comes back byte for byte.
        var href = await file.GetByRole(AriaRole.Link, new() { Name = "statement.mp4" }).GetAttributeAsync("href");
        Assert.NotNull(href);
        var download = await page.APIRequest.GetAsync(href);
        Assert.True(download.Ok, $"GET {href}: {download.Status}");
        Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(await download.BodyAsync())));

        // The person page lists it with the same hash.
        await page.GotoAsync($"/persons/{id}");
        await Expect(Registry.Section(page, "Testimonies").Locator("code")).ToHaveTextAsync(sha256);
    }

    [Fact]
    public async Task The_language_links_change_the_labels_and_the_choice_is_remembered()
    {
        var page = await Host.SignedInPageAsync();
        var id = await Registry.AddPersonAsync(page, ["Ерлан Қуатұлы"]);
        await page.GotoAsync($"/events/new?person={id}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("New event");

        await page.GetByRole(AriaRole.Link, new() { Name = "Русский" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ru");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Новое событие");
        await Expect(page.GetByLabel("Дата", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Сохранить" })).ToBeVisibleAsync();
        // The link kept the page's own query: the person is still filled in.
        await Expect(page.GetByLabel("Человек, строка 1", new() { Exact = true })).Not.ToBeEmptyAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Люди", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/persons$"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ru");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Люди");
        await Expect(page.GetByLabel("Национальность")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Қазақша" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "kk");
        await page.GetByRole(AriaRole.Link, new() { Name = "Жаңа адам" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/persons/new$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Жаңа адам");
        await Expect(page.GetByLabel("Жынысы", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Кәсібі", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Сақтау" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Қазақша" })).ToHaveAttributeAsync("aria-current", "true");

        // A fresh tab in the same browser opens in Kazakh too: the choice is in a cookie, not in the address.
        var tab = await page.Context.NewPageAsync();
        await tab.GotoAsync($"/persons/{id}");
        await Expect(tab.Locator("html")).ToHaveAttributeAsync("lang", "kk");
        await Expect(Registry.Section(tab, "Есімдері")).ToBeVisibleAsync();
        await Expect(tab.GetByRole(AriaRole.Link, new() { Name = "Өзгерту" })).ToBeVisibleAsync();
        await BrowserHost.ScreenshotAsync(tab, "flow-person-kk");

        await tab.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Expect(tab.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(Registry.Section(tab, "Names")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_edit_is_undone_from_the_person_pages_history()
    {
        var page = await Host.SignedInPageAsync();
        var id = await Registry.AddPersonAsync(page, ["Серік Жанұлы"], occupation: "Teacher");
        await Expect(Registry.Fact(page, "Occupation")).ToHaveTextAsync("Teacher");

        await page.GetByRole(AriaRole.Link, new() { Name = "Edit", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($@"/persons/{id}/edit$"));
        await Expect(page.GetByLabel("Occupation", new() { Exact = true })).ToHaveValueAsync("Teacher");
        await page.GetByLabel("Occupation", new() { Exact = true }).FillAsync("Shepherd");
        await page.GetByLabel("Notes", new() { Exact = true }).FillAsync("Reported by his cousin in Almaty.");
        await Registry.SaveAsync(page);

        await Expect(page).ToHaveURLAsync(new Regex($@"/persons/{id}\?notice=saved$"));
        await Expect(Registry.Fact(page, "Occupation")).ToHaveTextAsync("Shepherd");
        var history = Registry.Section(page, "History");
        await Expect(history.GetByRole(AriaRole.Row)).ToHaveCountAsync(3);

        await history.GetByRole(AriaRole.Button, new() { Name = "Undo version 2", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($@"/persons/{id}\?notice=undone$"));
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The change has been undone (as a new revision).");
        await Expect(Registry.Fact(page, "Occupation")).ToHaveTextAsync("Teacher");
        await Expect(Registry.Fact(page, "Notes")).ToBeEmptyAsync();
        // The undo is itself a revision: header + versions 3, 2 and 1.
        await Expect(history.GetByRole(AriaRole.Row)).ToHaveCountAsync(4);
        await Expect(history.GetByRole(AriaRole.Row).Nth(1).GetByRole(AriaRole.Cell).First).ToHaveTextAsync("3");
    }

    [Fact]
    public async Task A_stale_edit_from_another_desk_shows_the_conflict_and_overwrites_nothing()
    {
        var a = await Host.SignedInPageAsync();
        var b = await Host.SignedInPageAsync();
        var id = await Registry.AddPersonAsync(a, ["Жанар Бекқызы"], occupation: "Teacher");
        await a.GotoAsync($"/persons/{id}/edit");
        await b.GotoAsync($"/persons/{id}/edit");

        await a.GetByLabel("Occupation", new() { Exact = true }).FillAsync("Herder");
        await Registry.SaveAsync(a);
        await Expect(a).ToHaveURLAsync(new Regex($@"/persons/{id}\?notice=saved$"));

        await b.GetByLabel("Occupation", new() { Exact = true }).FillAsync("Driver");
        await b.GetByLabel("Notes", new() { Exact = true }).FillAsync("Seen in Ghulja in 2019.");
        await Registry.SaveAsync(b);

        var conflict = b.GetByRole(AriaRole.Alert);
        await Expect(conflict).ToBeVisibleAsync();
        await Expect(conflict.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Someone else saved this record first");
        await Expect(conflict).ToContainTextAsync("based on version 1; the record is now at version 2");
        var theirChange = conflict.GetByRole(AriaRole.Row).Filter(new() { HasText = "Herder" });
        await Expect(theirChange).ToContainTextAsync("Teacher");
        // B's own version is still in the form, to compare and save again.
        await Expect(b.GetByLabel("Occupation", new() { Exact = true })).ToHaveValueAsync("Driver");
        await Expect(b.GetByLabel("Notes", new() { Exact = true })).ToHaveValueAsync("Seen in Ghulja in 2019.");
        await BrowserHost.ScreenshotAsync(b, "flow-conflict");

        await a.ReloadAsync();
        await Expect(Registry.Fact(a, "Occupation")).ToHaveTextAsync("Herder");
        await Expect(Registry.Fact(a, "Notes")).ToBeEmptyAsync();
        await Expect(Registry.Section(a, "History").GetByRole(AriaRole.Row)).ToHaveCountAsync(3);

        // Saving again, having seen A's change, applies B's version on top as a new revision.
        await Registry.SaveAsync(b);
        await Expect(b).ToHaveURLAsync(new Regex($@"/persons/{id}\?notice=saved$"));
        await Expect(Registry.Fact(b, "Occupation")).ToHaveTextAsync("Driver");
        await Expect(Registry.Section(b, "History").GetByRole(AriaRole.Row)).ToHaveCountAsync(4);
    }
}
