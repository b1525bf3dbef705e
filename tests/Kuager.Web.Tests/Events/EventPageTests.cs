using System.Net;
using Kuager.Core;
using Kuager.Storage;
using Kuager.Storage.Tests;

namespace Kuager.Web.Tests.Events;

/// <summary>The events list, page, forms, conflicts and undo, on both providers.</summary>
public sealed class EventPageTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_list_filters_by_type_date_and_place_newest_first(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var person = await app.AddPersonAsync();
        var kazakhstan = await app.Store.CreateAsync(Build.Place("Kazakhstan"), "test");
        var almaty = await app.Store.CreateAsync(Build.Place("Almaty", kazakhstan.Id), "test");
        var detained = await app.Store.CreateAsync(Build.Event("detained", person.Id, FuzzyDate.OnDay(2017, 2, 22)), "test");
        var released = await app.Store.CreateAsync(Build.Event("released", person.Id, FuzzyDate.InYear(2019)), "test");
        var picket = await app.Store.CreateAsync(Build.Event("picket", person.Id, FuzzyDate.InMonth(2020, 3)) with { PlaceId = almaty.Id }, "test");
        var undated = await app.Store.CreateAsync(Build.Event("contact-lost", person.Id), "test");

        var all = await app.PageAsync("/events");
        Assert.Equal([picket.Id, released.Id, detained.Id, undated.Id], EventIds(all));
        Assert.Contains("Detained", all.QuerySelector("table.events")!.TextContent);

        Assert.Equal([detained.Id], EventIds(await app.PageAsync("/events?type=detained")));
        Assert.Equal([released.Id, detained.Id], EventIds(await app.PageAsync("/events?from=2017&to=2019-12-31")));
        Assert.Equal([picket.Id], EventIds(await app.PageAsync("/events?place=almaty")));

        var unreadable = await app.PageAsync("/events?from=someday");
        Assert.NotEmpty(unreadable.QuerySelector("#from-error")!.TextContent);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_page_shows_the_date_place_participants_status_term_fine_and_sources(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var person = await app.AddPersonAsync("Serikzhan Testov");
        var police = await app.Store.CreateAsync(new Organization { Name = "Almaty police", Kind = OrganizationKind.Police }, "test");
        var almaty = await app.Store.CreateAsync(Build.Place("Almaty"), "test");
        var e = await app.Store.CreateAsync(new Event
        {
            Type = "administrative-arrest",
            Date = FuzzyDate.InSeason(2019, Season.Spring, "in spring 2019"),
            PlaceId = almaty.Id,
            Participants = [new Participant(ParticipantRole.Subject, person.Id), new Participant(ParticipantRole.Authority, OrganizationId: police.Id)],
            Description = "Held after a picket.",
            TermDays = 15,
            Amount = 50500m,
            Currency = "KZT",
        }, "test");
        var source = await app.Store.CreateAsync(Build.Source("Court notice"), "test");
        await app.Store.CreateAsync(new Citation { SourceId = source.Id, TargetKind = RecordKind.Event, TargetId = e.Id, Level = EvidenceLevel.Documented }, "test");

        var page = await app.PageAsync($"/events/{e.Id}");
        var text = page.QuerySelector("main")!.TextContent;
        Assert.Contains("Administrative arrest", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("in spring 2019", page.QuerySelector("q.date-words")!.TextContent);
        Assert.Equal("2019-spring", page.QuerySelector("code.date-value")!.TextContent);
        Assert.NotNull(page.QuerySelector($"a[href='/places/{almaty.Id}']"));
        Assert.Equal("Serikzhan Testov", page.QuerySelector($"a[href='/persons/{person.Id}']")!.TextContent);
        Assert.Equal("Almaty police", page.QuerySelector($"a[href='/organizations/{police.Id}']")!.TextContent);
        Assert.Contains("Detained", text);
        Assert.Contains("15", text);
        Assert.Contains("KZT", text);
        Assert.Contains("Held after a picket.", text);
        Assert.Equal("Court notice", page.QuerySelector($"a[href='/sources/{source.Id}']")!.TextContent);
        Assert.NotNull(page.QuerySelector("ul.sources .evidence-4"));

        var russian = await app.PageAsync($"/events/{e.Id}?culture=ru");
        Assert.Contains("Задержан(а)", russian.QuerySelector("main")!.TextContent);

        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync("/events/999999")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_new_event_for_a_person_is_created_from_the_form(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var person = await app.AddPersonAsync();
        var witness = await app.AddPersonAsync("Witness Testov");

        var form = await WebForm.LoadAsync(app, $"/events/new?person={person.Id}");
        Assert.Equal(person.ExternalId, form["Input.Participants[0].Person"]);
        Assert.Equal("subject", form["Input.Participants[0].Role"]);
        Assert.True(form.Fields.Count(f => f.Key.EndsWith(".Person", StringComparison.Ordinal)) >= 4, "three empty rows besides the subject");

        form.Set("Input.Type", "taken-to-camp").Set("Input.Date", "2017-02-22").Set("Input.Description", "Taken from home.")
            .Set("Input.Participants[1].Role", "witness").Set("Input.Participants[1].Person", witness.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var response = await form.PostAsync(app.Client);

        var id = WebForm.RedirectedId(response, "/events/");
        var saved = await app.Store.GetAsync<Event>(id);
        Assert.NotNull(saved);
        Assert.Equal("taken-to-camp", saved.Type);
        Assert.Equal("2017-02-22", saved.Date!.ToCanonical());
        Assert.Null(saved.Date.Text);
        Assert.Equal([new Participant(ParticipantRole.Subject, person.Id), new Participant(ParticipantRole.Witness, witness.Id)], saved.Participants);
        var history = await app.Store.HistoryAsync(RecordKind.Event, id);
        Assert.Equal("test-admin", Assert.Single(history).Actor);

        var page = await app.PageAsync(response.Headers.Location!.OriginalString);
        Assert.NotNull(page.QuerySelector(".notice"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_date_in_words_keeps_the_words_and_sorts_by_its_canonical_value(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var person = await app.AddPersonAsync();
        var ids = new Dictionary<string, long>();
        foreach (var words in new[] { "June or July of 2018", "~2016", "22 февраля 2018", "in spring 2017" })
        {
            var form = await WebForm.LoadAsync(app, $"/events/new?person={person.Id}");
            var response = await form.Set("Input.Type", "detained").Set("Input.Date", words).PostAsync(app.Client);
            ids[words] = WebForm.RedirectedId(response, "/events/");
        }

        var june = await app.Store.GetAsync<Event>(ids["June or July of 2018"]);
        Assert.Equal("2018-06/2018-07", june!.Date!.ToCanonical());
        Assert.Equal("June or July of 2018", june.Date.Text);
        Assert.Null((await app.Store.GetAsync<Event>(ids["~2016"]))!.Date!.Text);
        Assert.Equal("2018-02-22", (await app.Store.GetAsync<Event>(ids["22 февраля 2018"]))!.Date!.ToCanonical());

        var list = await app.PageAsync("/events");
        Assert.Equal(
            [ids["June or July of 2018"], ids["22 февраля 2018"], ids["in spring 2017"], ids["~2016"]],
            EventIds(list));
        Assert.Contains("June or July of 2018", list.QuerySelector("table.events")!.TextContent);

        var page = await app.PageAsync($"/events/{ids["in spring 2017"]}");
        Assert.Equal("in spring 2017", page.QuerySelector("q.date-words")!.TextContent);
        Assert.Equal("2017-spring", page.QuerySelector("code.date-value")!.TextContent);

        // The edit form shows the words again, and saving them unchanged keeps the date as it was.
        var edit = await WebForm.LoadAsync(app, $"/events/{ids["in spring 2017"]}/edit");
        Assert.Equal("in spring 2017", edit["Input.Date"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_edit_is_saved_as_a_new_version(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var person = await app.AddPersonAsync();
        var e = await app.Store.CreateAsync(Build.Event("fined", person.Id, FuzzyDate.InYear(2020)), "test");

        var form = await WebForm.LoadAsync(app, $"/events/{e.Id}/edit");
        Assert.Equal("1", form["Input.Version"]);
        Assert.Equal("fined", form["Input.Type"]);
        var response = await form.Set("Input.Amount", "150000.50").Set("Input.Currency", "kzt").Set("Input.Date", "2020-11").PostAsync(app.Client);

        Assert.Equal(e.Id, WebForm.RedirectedId(response, "/events/"));
        var saved = await app.Store.GetAsync<Event>(e.Id);
        Assert.Equal(2, saved!.Version);
        Assert.Equal(150000.50m, saved.Amount);
        Assert.Equal("KZT", saved.Currency);
        Assert.Equal("2020-11", saved.Date!.ToCanonical());
        Assert.Equal([new Participant(ParticipantRole.Subject, person.Id)], saved.Participants);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_stale_edit_shows_both_versions_and_keeps_the_input(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var person = await app.AddPersonAsync();
        var e = await app.Store.CreateAsync(Build.Event("detained", person.Id) with { Description = "first report" }, "test");

        var mine = await WebForm.LoadAsync(app, $"/events/{e.Id}/edit");
        await app.Store.UpdateAsync(e with { Description = "their correction" }, "colleague");
        var response = await mine.Set("Input.Description", "my addition").PostAsync(app.Client);

        var page = await WebForm.ParseAsync(response);
        var panel = page.QuerySelector("[aria-labelledby=conflict-title]");
        Assert.NotNull(panel);
        Assert.Contains("their correction", panel.TextContent);
        Assert.Contains("first report", panel.TextContent);
        Assert.Equal("my addition", WebForm.Value(page, "Input.Description"));
        Assert.Equal("2", WebForm.Value(page, "Input.Version"));
        Assert.Equal("their correction", (await app.Store.GetAsync<Event>(e.Id))!.Description);

        // Saving again applies the user's version on top of the current one.
        var again = WebForm.FromPage($"/events/{e.Id}/edit", page);
        Assert.Equal(e.Id, WebForm.RedirectedId(await again.PostAsync(app.Client), "/events/"));
        Assert.Equal("my addition", (await app.Store.GetAsync<Event>(e.Id))!.Description);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Errors_are_shown_beside_their_fields_and_nothing_is_saved(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var person = await app.AddPersonAsync();

        var form = await WebForm.LoadAsync(app, $"/events/new?person={person.Id}");
        var response = await form.Set("Input.Type", "detained").Set("Input.Date", "sometime, nobody knows")
            .Set("Input.Participants[1].Person", "NO-SUCH-ID").PostAsync(app.Client);
        var page = await WebForm.ParseAsync(response);
        Assert.NotEmpty(WebForm.ErrorBeside(page, "Input.Date"));
        Assert.NotEmpty(WebForm.ErrorBeside(page, "Input.Participants[1].Person"));
        Assert.Equal("sometime, nobody knows", WebForm.Value(page, "Input.Date"));

        // A rule of the domain (a fine needs its currency) is shown beside its field too.
        var domain = await WebForm.LoadAsync(app, $"/events/new?person={person.Id}");
        var refused = await WebForm.ParseAsync(await domain.Set("Input.Type", "fined").Set("Input.Amount", "100").PostAsync(app.Client));
        Assert.Contains("KZT", WebForm.ErrorBeside(refused, "Input.Currency"));
        Assert.Equal(0, await app.Db.RowsAsync("events"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Undo_takes_back_a_change_and_a_refused_undo_is_explained(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var person = await app.AddPersonAsync();
        var e = await app.Store.CreateAsync(Build.Event("detained", person.Id) with { Description = "one" }, "test");
        await app.Store.UpdateAsync(e with { Description = "two" }, "test");
        var history = await app.Store.HistoryAsync(RecordKind.Event, e.Id);

        var response = await WebForm.UndoAsync(app, $"/events/{e.Id}", history[1].Id);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("one", (await app.Store.GetAsync<Event>(e.Id))!.Description);

        // The undone change was changed again since: undoing it now would throw the later edit away.
        await app.Store.UpdateAsync((await app.Store.GetAsync<Event>(e.Id))! with { Description = "three" }, "test");
        var refused = await WebForm.ParseAsync(await WebForm.UndoAsync(app, $"/events/{e.Id}", history[1].Id));
        Assert.Contains("cannot be undone", refused.QuerySelector("#undo-error")!.TextContent);
        Assert.Equal("three", (await app.Store.GetAsync<Event>(e.Id))!.Description);

        // A creation is not undone from the page: that would delete the record with one click.
        var page = await app.PageAsync($"/events/{e.Id}");
        Assert.Null(page.QuerySelector($"input[name=revision][value='{history[0].Id}']"));
        Assert.NotNull(page.QuerySelector($"input[name=revision][value='{history[1].Id}']"));
    }

    private static long[] EventIds(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("table.events tbody tr td:first-child a")
            .Select(a => long.Parse(a.GetAttribute("href")!["/events/".Length..], System.Globalization.CultureInfo.InvariantCulture))
            .ToArray();
}
