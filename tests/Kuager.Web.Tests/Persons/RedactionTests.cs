using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Dapper;
using Kuager.Core;
using Kuager.Storage;
using Kuager.Storage.Tests;
using Microsoft.Extensions.Configuration;

namespace Kuager.Web.Tests.Persons;

/// <summary>
/// Canary strings planted in records and fields a role may not see, and every read of the people pages, search,
/// the persons API, the dashboard and its charts, asserted free of them for that role.
/// </summary>
public sealed class RedactionTests
{
    private const string Confidential = "CANARYCONF";
    private const string Restricted = "CANARYRESTR";
    private const string Note = "CANARYNOTE";
    private const string Contact = "CANARYCONTACT";
    private const string Reporter = "CANARYREPORTER";
    private const string HiddenEvent = "CANARYEVENT";

    private sealed record Registry(long Public, long Restricted, long Confidential, long HiddenEvent);

    private static async Task<Registry> PlantAsync(KuagerApp app)
    {
        await using var s = await app.Store.BeginAsync("volunteer-1");
        var shown = await s.CreateAsync(Build.Person("Aruzhan Public") with
        {
            Confidentiality = Confidentiality.Public,
            Notes = Note + " seen by editors only",
            Reporter = Reporter + " Saule",
            ReporterContact = Contact + " +7 700 000 00 00",
            ConfidentialFields = ["notes"],
        });
        var restricted = await s.CreateAsync(Build.Person(Restricted + " Dilnaz") with { Confidentiality = Confidentiality.Restricted });
        var confidential = await s.CreateAsync(Build.Person(Confidential + " Zhanar") with { Confidentiality = Confidentiality.Confidential });
        await s.CreateAsync(Relationship.ChildOf(shown.Id, confidential.Id) with { Confidentiality = Confidentiality.Public });
        await s.CreateAsync(new Relationship { PersonAId = shown.Id, PersonBId = restricted.Id, Type = RelationshipType.Sibling, Confidentiality = Confidentiality.Public });
        await s.CreateAsync(Build.Event("detained", shown.Id, FuzzyDate.OnDay(2018, 5, 3)) with { Confidentiality = Confidentiality.Public });
        var hidden = await s.CreateAsync(Build.Event("released", shown.Id, FuzzyDate.InYear(2019)) with
        {
            Confidentiality = Confidentiality.Confidential,
            Description = HiddenEvent,
        });
        await s.CommitAsync();
        return new Registry(shown.Id, restricted.Id, confidential.Id, hidden.Id);
    }

    /// <summary>Every read of this area that a role can make about the planted records.</summary>
    private static IEnumerable<string> Urls(Registry r) =>
    [
        "/", "/?culture=ru", "/persons", "/persons?q=CANARY", "/persons?q=Zhanar", "/persons?ethnicity=Kazakh", "/persons?eventType=released",
        $"/persons/{r.Public}", $"/persons/{r.Restricted}", $"/persons/{r.Confidential}",
        "/search?q=CANARY", "/search?q=Zhanar", "/search?q=Dilnaz", "/search?q=a",
        "/api/v1/search?q=CANARY", "/api/v1/search?q=zhanar", "/api/v1/search?q=a&limit=50",
        "/api/v1/persons", "/api/v1/persons?q=canary", "/api/v1/persons?pageSize=500",
        $"/api/v1/persons/{r.Public}", $"/api/v1/persons/{r.Restricted}", $"/api/v1/persons/{r.Confidential}",
        $"/api/v1/persons/{r.Public}/history", $"/api/v1/persons/{r.Restricted}/history", $"/api/v1/persons/{r.Confidential}/history",
        $"/persons/{r.Public}/edit", $"/persons/{r.Confidential}/edit", "/persons/new",
    ];

    public static TheoryData<Provider, Role> RolesOnProviders()
    {
        var data = new TheoryData<Provider, Role>();
        foreach (var provider in new[] { Provider.Sqlite, Provider.Postgres })
        {
            foreach (var role in new[] { Role.Visitor, Role.Researcher, Role.Editor })
            {
                data.Add(provider, role);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RolesOnProviders))]
    public async Task No_response_holds_a_canary_the_role_may_not_see(Provider provider, Role role)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var r = await PlantAsync(app);
        var client = await app.ClientAsync(role);
        string[] forbidden = role switch
        {
            Role.Visitor => [Confidential, Restricted, Note, Contact, Reporter, HiddenEvent],
            Role.Researcher => [Confidential, Note, Contact, Reporter, HiddenEvent],
            _ => [],
        };

        var seen = new System.Text.StringBuilder();
        foreach (var url in Urls(r))
        {
            var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            seen.Append(body);
            foreach (var canary in forbidden)
            {
                Assert.False(body.Contains(canary, StringComparison.OrdinalIgnoreCase), $"{role} GET {url} ({(int)response.StatusCode}) shows {canary}");
            }
        }

        if (role == Role.Editor)
        {
            // Editors see everything, and their reads of confidential data are in the audit log.
            foreach (var canary in new[] { Confidential, Restricted, Note, Contact, Reporter })
            {
                Assert.Contains(canary, seen.ToString(), StringComparison.Ordinal);
            }

            await using var c = await app.Store.Database.OpenAsync();
            var reads = (await c.QueryAsync<string>("SELECT target FROM audit_log WHERE action = 'read' AND actor = 'test-editor'")).ToList();
            Assert.Contains(reads, t => t.StartsWith("person ", StringComparison.Ordinal) && t.Contains(r.Confidential.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
            Assert.Contains(reads, t => t == $"person {r.Public}");
        }
    }

    [Theory]
    [MemberData(nameof(RolesOnProviders))]
    public async Task A_person_the_role_may_not_see_answers_like_a_missing_one(Provider provider, Role role)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var r = await PlantAsync(app);
        var client = await app.ClientAsync(role);

        var missing = await client.GetAsync("/persons/987654");
        var confidential = await client.GetAsync($"/persons/{r.Confidential}");
        var restricted = await client.GetAsync($"/persons/{r.Restricted}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(role == Role.Editor ? HttpStatusCode.OK : HttpStatusCode.NotFound, confidential.StatusCode);
        Assert.Equal(role == Role.Visitor ? HttpStatusCode.NotFound : HttpStatusCode.OK, restricted.StatusCode);
        if (role != Role.Editor)
        {
            Assert.Equal(MainOf(await missing.Content.ReadAsStringAsync()), MainOf(await confidential.Content.ReadAsStringAsync()));
            var apiMissing = await client.GetAsync("/api/v1/persons/987654");
            var apiHidden = await client.GetAsync($"/api/v1/persons/{r.Confidential}");
            Assert.Equal(apiMissing.StatusCode, apiHidden.StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(RolesOnProviders))]
    public async Task The_person_page_shows_only_visible_relatives_and_events_and_withholds_fields(Provider provider, Role role)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var r = await PlantAsync(app);
        var client = await app.ClientAsync(role);
        var person = (await app.Store.GetAsync<Person>(r.Public, Viewer.Operator("test")))!;
        await app.Store.UpdateAsync(person with { Occupation = "driver" }, "volunteer-1");

        var page = await app.PageAsync($"/persons/{r.Public}?culture=en", client);
        var graph = page.QuerySelectorAll("svg.family-svg a.node").Select(a => a.GetAttribute("href")).ToList();
        var table = page.QuerySelectorAll("table.relatives a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(role == Role.Editor, graph.Contains($"/persons/{r.Confidential}"));
        Assert.Equal(role != Role.Visitor, graph.Contains($"/persons/{r.Restricted}"));
        Assert.Equal(graph.Order(), table.Order());
        Assert.Equal(role == Role.Editor, page.QuerySelectorAll("table.events a").Any(a => a.GetAttribute("href") == $"/events/{r.HiddenEvent}"));

        // The notes are marked confidential, the reporter's fields always are.
        var withheld = page.QuerySelectorAll("table.facts .withheld").Length;
        Assert.Equal(role == Role.Editor ? 0 : 3, withheld);
        Assert.Equal(role == Role.Editor, page.QuerySelector("table.facts .confidential-mark") is not null);

        // Only editors are offered changes.
        Assert.Equal(role == Role.Editor, page.QuerySelector($"a[href='/persons/{r.Public}/edit']") is not null);
        Assert.Equal(role == Role.Editor, page.QuerySelector("form.relate-form") is not null);
        Assert.Equal(role == Role.Editor, page.QuerySelector("table.history form") is not null);
    }

    [Theory]
    [MemberData(nameof(RolesOnProviders))]
    public async Task Lists_search_and_totals_count_only_visible_people(Provider provider, Role role)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        await PlantAsync(app);
        var client = await app.ClientAsync(role);
        var visible = role switch { Role.Visitor => 1, Role.Researcher => 2, _ => 3 };

        var list = await app.PageAsync("/persons?culture=en", client);
        Assert.Equal(visible, list.QuerySelectorAll("table.persons-list tbody tr").Length);
        Assert.Contains(visible.ToString(System.Globalization.CultureInfo.InvariantCulture), list.QuerySelector("#result-count")!.TextContent);

        var api = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/api/v1/persons"));
        Assert.Equal(visible, api.RootElement.GetProperty("total").GetInt64());
        Assert.Equal(visible, api.RootElement.GetProperty("items").GetArrayLength());

        // Each planted person has the alias "Айгерім Тестова": search finds only the ones this role may see.
        var search = await app.PageAsync("/search?q=" + Uri.EscapeDataString("Айгерім"), client);
        Assert.Equal(visible, search.QuerySelectorAll("table.search-results tbody tr").Length);
        // The suggestions (the search API) find them by the same alias, in its script.
        var suggest = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/api/v1/search?q=" + Uri.EscapeDataString("Айгерім")));
        Assert.Equal(visible, suggest.RootElement.GetArrayLength());

        Assert.Equal(role == Role.Editor, list.QuerySelector("a[href='/persons/new']") is not null);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Visitors_see_fewer_than_5_for_small_counts_on_the_dashboard(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        await PlantAsync(app);

        var visitor = await app.PageAsync("/?culture=en", await app.ClientAsync(Role.Visitor));
        Assert.Equal("fewer than 5", visitor.QuerySelector("#count-persons b")!.TextContent.Trim());
        Assert.Equal("fewer than 5", visitor.QuerySelector("#count-events b")!.TextContent.Trim());
        Assert.Equal("0", visitor.QuerySelector("#count-cases b")!.TextContent.Trim());
        foreach (var chart in new[] { "chart-status", "chart-ethnicity", "chart-prefecture", "chart-events" })
        {
            var cells = visitor.QuerySelectorAll($"#{chart} table td.num").Select(td => td.TextContent.Trim()).ToList();
            Assert.NotEmpty(cells);
            Assert.All(cells, c => Assert.Equal("fewer than 5", c));
            Assert.Contains("fewer than 5", visitor.QuerySelector($"#{chart} svg")!.TextContent);
        }

        // No exact bar for a hidden count: the picture tells no more than the table.
        Assert.Empty(visitor.QuerySelectorAll("#chart-status rect.chart-bar, #chart-ethnicity rect.chart-bar, #chart-prefecture rect.chart-bar"));
        Assert.Empty(visitor.QuerySelectorAll("#chart-events polyline"));

        var researcher = await app.PageAsync("/?culture=en", await app.ClientAsync(Role.Researcher));
        Assert.Equal("2", researcher.QuerySelector("#count-persons b")!.TextContent.Trim());
        var editor = await app.PageAsync("/?culture=en", await app.ClientAsync(Role.Editor));
        Assert.Equal("3", editor.QuerySelector("#count-persons b")!.TextContent.Trim());
        Assert.Equal("2", editor.QuerySelector("#count-events b")!.TextContent.Trim());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_form_saves_reporter_fields_and_confidential_marks_and_starts_at_the_default_level(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var client = await app.ClientAsync(Role.Editor);

        var form = await app.PageAsync("/persons/new", client);
        Assert.Equal("restricted", PersonForms.Value(form, "Input.Confidentiality"));
        var marks = form.QuerySelectorAll("input[type=checkbox][name='Input.ConfidentialFields']").Select(i => i.GetAttribute("value")!).ToList();
        Assert.Equal(ConfidentialFields.Markable(RecordKind.Person).Order(), marks.Order());

        var fields = PersonForms.Fields((IHtmlFormElement)form.QuerySelector("form.person-form")!);
        fields.RemoveAll(f => f.Key is "Input.Names[0].Text" or "Input.Reporter" or "Input.ReporterContact" or "Input.Occupation");
        fields.Add(new("Input.Names[0].Text", "Marat Formuly"));
        fields.Add(new("Input.Occupation", "engineer"));
        fields.Add(new("Input.Reporter", "His cousin"));
        fields.Add(new("Input.ReporterContact", "cousin@example.org"));
        fields.Add(new("Input.ConfidentialFields", "occupation"));
        fields.Add(new("Input.ConfidentialFields", "birthDate"));
        var response = await client.PostAsync("/persons/new", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = long.Parse(response.Headers.Location!.OriginalString.Split('/', '?')[2], System.Globalization.CultureInfo.InvariantCulture);

        var saved = (await app.Store.GetAsync<Person>(id, Viewer.Operator("test")))!;
        Assert.Equal(Confidentiality.Restricted, saved.Confidentiality);
        Assert.Equal("His cousin", saved.Reporter);
        Assert.Equal("cousin@example.org", saved.ReporterContact);
        Assert.Equal(new[] { "birthDate", "occupation" }, saved.ConfidentialFields.Order());

        var edit = await app.PageAsync($"/persons/{id}/edit", client);
        Assert.Equal("cousin@example.org", PersonForms.Value(edit, "Input.ReporterContact"));
        Assert.True(edit.QuerySelector("input[name='Input.ConfidentialFields'][value=occupation]")!.HasAttribute("checked"));
        Assert.False(edit.QuerySelector("input[name='Input.ConfidentialFields'][value=notes]")!.HasAttribute("checked"));

        var researcher = await app.PageAsync($"/persons/{id}?culture=en", await app.ClientAsync(Role.Researcher));
        Assert.DoesNotContain("engineer", researcher.QuerySelector("table.facts")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("cousin", researcher.Source.Text, StringComparison.Ordinal);
        Assert.Contains("withheld", researcher.QuerySelector("table.facts")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RolesOnProviders))]
    public async Task Only_editors_may_open_or_post_the_person_forms(Provider provider, Role role)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var r = await PlantAsync(app);
        var client = await app.ClientAsync(role);
        // Visitors are sent to sign in, signed-in readers refused; editors get the form.
        var expected = role switch
        {
            Role.Editor => HttpStatusCode.OK,
            Role.Visitor => HttpStatusCode.Redirect,
            _ => HttpStatusCode.Forbidden,
        };

        Assert.Equal(expected, (await client.GetAsync("/persons/new")).StatusCode);
        Assert.Equal(expected, (await client.GetAsync($"/persons/{r.Public}/edit")).StatusCode);
        if (role != Role.Editor)
        {
            // The same answer whether or not the person exists or may be seen.
            var hidden = await client.GetAsync($"/persons/{r.Confidential}/edit");
            var missing = await client.GetAsync("/persons/987654/edit");
            Assert.Equal(expected, hidden.StatusCode);
            Assert.Equal(expected, missing.StatusCode);
            Assert.Equal(await missing.Content.ReadAsStringAsync(), await hidden.Content.ReadAsStringAsync());
            Assert.Equal(missing.Headers.Location?.AbsolutePath, hidden.Headers.Location?.AbsolutePath);
        }
    }

    [Fact]
    public void The_default_confidentiality_comes_from_configuration()
    {
        static InstanceSettings From(string? value) => InstanceSettings.From(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [InstanceSettings.DefaultConfidentialityKey] = value }).Build());

        Assert.Equal(Confidentiality.Restricted, From(null).DefaultConfidentiality);
        Assert.Equal(Confidentiality.Public, From("public").DefaultConfidentiality);
        Assert.Equal(Confidentiality.Confidential, From("confidential").DefaultConfidentiality);
        var e = Assert.Throws<InvalidOperationException>(() => From("secret"));
        Assert.Contains(InstanceSettings.DefaultConfidentialityKey, e.Message, StringComparison.Ordinal);
        Assert.Contains("secret", e.Message, StringComparison.Ordinal);
    }

    /// <summary>The page's main content, without what differs between any two responses (tokens, the request's URL).</summary>
    private static string MainOf(string html) => new HtmlParser().ParseDocument(html).QuerySelector("main")?.InnerHtml ?? html;
}
