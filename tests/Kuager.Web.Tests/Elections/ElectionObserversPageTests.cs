using System.Net;
using System.Security.Cryptography;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Kuager.Core;
using Kuager.Storage;
using Kuager.Storage.Tests;
using Kuager.Web.Tests.Accounts;
using Kuager.Web.Tests.Persons;

namespace Kuager.Web.Tests.Elections;

/// <summary>
/// The observers page: accreditations within the limits (a refusal shown with the rule, nothing stored), refusals,
/// expulsions and detentions (a registry person gets the event), checklists and observations; and incident files
/// downloaded only by readers, checked against their SHA-256.
/// </summary>
public sealed class ElectionObserversPageTests
{
    private static readonly HtmlParser Parser = new();

    private static async Task<(HttpResponseMessage Answer, IHtmlDocument Page)> SubmitAsync(KuagerApp app, string url, string formSelector, Dictionary<string, string> fields)
    {
        var form = (IHtmlFormElement?)(await app.PageAsync(url)).QuerySelector(formSelector) ?? throw new InvalidOperationException($"no {formSelector} on {url}");
        var answer = await PersonForms.SubmitAsync(app.Client, url, form, fields);
        return (answer, Parser.ParseDocument(await answer.Content.ReadAsStringAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Observers_are_accredited_within_the_limits_and_a_refusal_is_shown_with_the_rule(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var plan = await ElectionsApiTests.PlanAsync(app);
        var url = $"/elections/{plan.Election}/observers";
        var station = plan.Stations[0].ToString(System.Globalization.CultureInfo.InvariantCulture);

        var (first, _) = await SubmitAsync(app, url, "#accredit-form", new()
        {
            ["Accredit.StationId"] = station, ["Accredit.Observer"] = "Asel", ["Accredit.Organisation"] = "Erkin Saylau", ["Accredit.Represents"] = "A",
        });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        // A second observer for party A at the same station breaks "one observer per candidate or party per station".
        var (second, refusedPage) = await SubmitAsync(app, url, "#accredit-form", new()
        {
            ["Accredit.StationId"] = station, ["Accredit.Observer"] = "Bota", ["Accredit.Organisation"] = "Another NGO", ["Accredit.Represents"] = "A",
        });
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        var alert = refusedPage.QuerySelector("#accredit-form [role=alert]")!;
        Assert.Contains($"station {station} already has 1 observer(s) for A; the limit is 1", alert.TextContent);
        Assert.Equal("Bota", ((IHtmlInputElement)refusedPage.QuerySelector("#accredit-form input[name='Accredit.Observer']")!).Value);
        Assert.Equal(1, await app.Db.RowsAsync("observer_accreditations"));

        // The same observer twice, and a missing organisation, are refused each with its field.
        var (twice, twicePage) = await SubmitAsync(app, url, "#accredit-form", new()
        {
            ["Accredit.StationId"] = station, ["Accredit.Observer"] = "Asel", ["Accredit.Organisation"] = "", ["Accredit.Represents"] = "B",
        });
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        var errors = twicePage.QuerySelectorAll("#accredit-form [role=alert] li").Select(li => li.TextContent).ToList();
        Assert.Contains(errors, e => e.Contains($"Asel is already accredited at station {station}", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Organisation: is required", StringComparison.Ordinal));

        // For party B the station still has room.
        var (other, _) = await SubmitAsync(app, url, "#accredit-form", new()
        {
            ["Accredit.StationId"] = station, ["Accredit.Observer"] = "Bota", ["Accredit.Organisation"] = "Another NGO", ["Accredit.Represents"] = "B",
        });
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        var rows = (await app.PageAsync(url)).QuerySelectorAll("table.accreditations tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("North / N-1 / 101", rows[0]);
        Assert.Contains("Asel", rows[0]);
        Assert.Contains("Bota", rows[1]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_detention_recorded_on_the_page_becomes_an_event_on_the_registry_person(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var plan = await ElectionsApiTests.PlanAsync(app);
        var person = await app.AddPersonAsync("Dana Observer");
        var url = $"/elections/{plan.Election}/observers";
        var station = plan.Stations[1].ToString(System.Globalization.CultureInfo.InvariantCulture);

        // Without a day nothing is recorded, and the form says which field.
        var (noDay, noDayPage) = await SubmitAsync(app, url, "#event-form", new() { ["Event.Kind"] = "Detained", ["Event.Observer"] = "Dana", ["Event.Day"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noDay.StatusCode);
        Assert.Contains("Day: is required", noDayPage.QuerySelector("#event-form [role=alert]")!.TextContent);
        Assert.Equal(0, await app.Db.RowsAsync("observer_events"));

        var (refused, _) = await SubmitAsync(app, url, "#event-form", new()
        {
            ["Event.Kind"] = "AccreditationRefused", ["Event.Observer"] = "Erlan", ["Event.Day"] = "2026-03-10", ["Event.Description"] = "No reason given",
        });
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var (detained, _) = await SubmitAsync(app, url, "#event-form", new()
        {
            ["Event.Kind"] = "Detained", ["Event.Observer"] = "Dana", ["Event.Day"] = "2026-03-15", ["Event.StationId"] = station,
            ["Event.Description"] = "Taken away during the count", ["Event.PersonId"] = person.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, detained.StatusCode);

        var page = await app.PageAsync(url);
        var rows = page.QuerySelectorAll("table.observer-events tbody tr").ToList();
        Assert.Equal(["accreditation-refused", "detained"], rows.Select(r => r.GetAttribute("data-kind")).ToList());
        Assert.Null(rows[0].QuerySelector("a"));
        Assert.Contains("North / N-1 / 102", rows[1].TextContent);
        var link = rows[1].QuerySelector("a[href^='/events/']")!.GetAttribute("href")!;
        var eventPage = await app.PageAsync(link);
        Assert.Contains("Dana Observer", eventPage.Body!.TextContent);
        Assert.Contains("Taken away during the count", eventPage.Body!.TextContent);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_checklist_is_defined_and_filled_in_for_a_station_with_every_question_answered(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var plan = await ElectionsApiTests.PlanAsync(app);
        var url = $"/elections/{plan.Election}/observers";

        // A line that is not "code | question" is refused with its number, and no checklist is stored.
        var (bad, badPage) = await SubmitAsync(app, url, "#checklist-form", new()
        {
            ["Checklist.Name"] = "Count", ["Checklist.Stage"] = "Counting", ["Checklist.Questions"] = "seals | Were the seals intact?\nno separator here",
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("line 2: write code | question", badPage.QuerySelector("#checklist-form [role=alert]")!.TextContent);
        Assert.Equal(0, await app.Db.RowsAsync("observation_forms"));

        var (saved, _) = await SubmitAsync(app, url, "#checklist-form", new()
        {
            ["Checklist.Name"] = "Count", ["Checklist.Stage"] = "Counting",
            ["Checklist.Questions"] = "seals | Were the seals intact?\r\nforced | Was anyone made to leave? | yes\r\n",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await app.PageAsync(url);
        var checklist = page.QuerySelector("article.checklist")!;
        Assert.Contains("Counting", checklist.QuerySelector("h3")!.TextContent);
        Assert.Equal(2, checklist.QuerySelectorAll("li").Length);
        Assert.Contains("“yes” is a problem", checklist.QuerySelectorAll("li")[1].TextContent);
        var formSelector = "#" + checklist.QuerySelector("form.observation-form")!.Id;

        // A question left unanswered is refused with its text; the other answer and the observer stay in the form.
        var station = plan.Stations[0].ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (missing, missingPage) = await SubmitAsync(app, url, formSelector, new()
        {
            ["Observation.StationId"] = station, ["Observation.Observer"] = "Asel", ["Observation.Answers[seals]"] = "no", ["Observation.Assessment"] = "VeryBad",
        });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("is not answered (Was anyone made to leave?)", missingPage.QuerySelector($"{formSelector} [role=alert]")!.TextContent);
        Assert.True(((IHtmlInputElement)missingPage.QuerySelector($"{formSelector} input[name='Observation.Answers[seals]'][value=no]")!).IsChecked);
        Assert.Equal("Asel", ((IHtmlInputElement)missingPage.QuerySelector($"{formSelector} input[name='Observation.Observer']")!).Value);
        Assert.Equal(0, await app.Db.RowsAsync("observations"));

        // Without an assessment it is refused too.
        var (noAssessment, _) = await SubmitAsync(app, url, formSelector, new()
        {
            ["Observation.StationId"] = station, ["Observation.Observer"] = "Asel", ["Observation.Answers[seals]"] = "no", ["Observation.Answers[forced]"] = "yes",
            ["Observation.Assessment"] = "",
        });
        Assert.Equal(HttpStatusCode.BadRequest, noAssessment.StatusCode);

        var (filled, _) = await SubmitAsync(app, url, formSelector, new()
        {
            ["Observation.StationId"] = station, ["Observation.Observer"] = "Asel", ["Observation.Answers[seals]"] = "no", ["Observation.Answers[forced]"] = "yes",
            ["Observation.Assessment"] = "VeryBad",
        });
        Assert.Equal(HttpStatusCode.Redirect, filled.StatusCode);
        var row = (await app.PageAsync(url)).QuerySelector("table.observations tbody tr")!;
        Assert.Equal("very-bad", row.GetAttribute("data-assessment"));
        Assert.Contains("seals: no", row.TextContent);
        Assert.Contains("forced: yes", row.TextContent);

        // The election's figures count it: one observed count in North, assessed negatively.
        var details = await app.PageAsync($"/elections/{plan.Election}");
        Assert.Contains("North (n = 1)", details.QuerySelector("#assessments")!.TextContent);
        Assert.Contains("1 of 3 stations and 1 of 1 regions visited", details.QuerySelector("#coverage")!.TextContent);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Readers_see_the_lists_without_forms_and_visitors_are_asked_to_sign_in(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var plan = await ElectionsApiTests.PlanAsync(app);
        var store = new ElectionStore(app.Store.Database);
        await store.AccreditAsync(plan.Stations[0], new Accreditation("Asel", "Erkin Saylau", "", "A"), "test");
        await store.AddFormAsync(plan.Election, new ObservationForm("Opening", ObservationStage.Opening, [new("box", "Was the ballot box empty?")]), "test");
        var url = $"/elections/{plan.Election}/observers";

        var (researcher, _, _) = await app.SignedInAsync(Role.Researcher);
        var page = await app.PageAsync(url, researcher);
        Assert.Contains("Asel", page.QuerySelector("table.accreditations")!.TextContent);
        Assert.Contains("Was the ballot box empty?", page.QuerySelector("article.checklist")!.TextContent);
        Assert.Null(page.QuerySelector("main form[method=post]"));
        var write = await researcher.PostAsync($"{url}?handler=Accredit", new FormUrlEncodedContent([]));
        // Refused (no antiforgery token for a form they are not shown, or forbidden): never the redirect of a saved form.
        Assert.True(write.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest
            || !(write.Headers.Location?.ToString() ?? "").Contains("/observers#", StringComparison.Ordinal), $"{(int)write.StatusCode} {write.Headers.Location}");
        Assert.Equal(1, await app.Db.RowsAsync("observer_accreditations"));

        using var visitor = await app.ClientAsync(Role.Visitor);
        var refused = await visitor.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/account/login", refused.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync("/elections/999999/observers")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Incident_files_are_served_to_readers_only_and_refused_when_they_no_longer_match_their_hash(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var plan = await ElectionsApiTests.PlanAsync(app);
        var store = new ElectionStore(app.Store.Database);
        var files = FileStore.For(app.Store.Database);
        // Unique bytes: files are kept by content, and this test alters its file on disk.
        var photo = System.Text.Encoding.UTF8.GetBytes($"photo of the station's protocol {Guid.NewGuid()}");
        var incident = await store.ReportIncidentAsync(plan.Election, new IncidentReport(plan.Stations[0], "ballot-stuffing", new DateOnly(2026, 3, 15), "Seen at 14:00",
            [new IncidentFile("protocol.jpg", "image/jpeg", new MemoryStream(photo))]), "test", files);
        var sha = Convert.ToHexStringLower(SHA256.HashData(photo));
        var url = $"/elections/{plan.Election}/incidents/{incident.Id}/files/{sha}";

        // The election page shows the whole hash beside a link to the file.
        var details = await app.PageAsync($"/elections/{plan.Election}");
        var link = details.QuerySelector($"#incidents a[href='{url}']")!;
        Assert.Equal("protocol.jpg", link.TextContent);
        Assert.Contains(sha, details.QuerySelector("#incidents")!.TextContent);

        var (researcher, _, _) = await app.SignedInAsync(Role.Researcher);
        var served = await researcher.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(photo, await served.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType!.MediaType);
        Assert.Equal("protocol.jpg", served.Content.Headers.ContentDisposition!.FileNameStar ?? served.Content.Headers.ContentDisposition.FileName);
        Assert.Equal($"sha-256=:{Convert.ToBase64String(SHA256.HashData(photo))}:", served.Headers.GetValues("Repr-Digest").Single());

        using var visitor = await app.ClientAsync(Role.Visitor);
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.GetAsync(url)).StatusCode);
        // A hash of a file that is not this incident's, or an incident of another election, opens nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await researcher.GetAsync($"/elections/{plan.Election}/incidents/{incident.Id}/files/{new string('0', 64)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await researcher.GetAsync($"/elections/{plan.Election + 1000}/incidents/{incident.Id}/files/{sha}")).StatusCode);

        // Bytes changed on disk no longer match the recorded SHA-256: refused, never served.
        await File.WriteAllBytesAsync(files.PathOf(sha), "a different photo"u8.ToArray());
        var altered = await researcher.GetAsync(url);
        Assert.Equal(HttpStatusCode.Conflict, altered.StatusCode);
        Assert.Contains($"no longer matches the SHA-256 recorded when it was reported ({sha})", await altered.Content.ReadAsStringAsync());
        File.Delete(files.PathOf(sha));
    }
}
