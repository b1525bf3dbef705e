using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Dapper;
using Kuager.Core;
using Kuager.Storage;
using Kuager.Storage.Tests;

namespace Kuager.Web.Tests.Redaction;

/// <summary>
/// Canary strings planted in confidential records and fields of events, cases, testimonies, places, organisations,
/// sources and citations: no page, API list, record or history a visitor or researcher may open contains one, a hidden
/// record answers exactly like a missing one, and an editor sees them all with the reads audited. Both providers.
/// </summary>
public sealed class RecordRedactionTests
{
    private static readonly string[] Canaries =
    [
        "CANARYPERSON", "CANARYPLACE", "CANARYORG", "CANARYEVENTDESC", "CANARYCASE", "CANARYSUMMARY", "CANARYWITNESS", "CANARYSOURCETEXT", "CANARYQUOTE",
    ];

    private sealed record Registry(
        Person Public, Person Hidden, Place Almaty, Place HiddenPlace, Organization HiddenOrg, Event Event, Case HiddenCase, Case OpenCase,
        Testimony Testimony, Source Source, Citation Citation, Citation CaseCitation);

    private static async Task<Registry> PlantAsync(KuagerApp app)
    {
        var store = app.Store;
        var pub = await store.CreateAsync(Build.Person("Public Person") with { Confidentiality = Confidentiality.Public }, "test");
        var hidden = await store.CreateAsync(Build.Person("CANARYPERSON Hidden") with { Confidentiality = Confidentiality.Confidential }, "test");
        var almaty = await store.CreateAsync(Build.Place("Almaty") with { Confidentiality = Confidentiality.Public }, "test");
        var hiddenPlace = await store.CreateAsync(Build.Place("CANARYPLACE Camp", almaty.Id) with { Confidentiality = Confidentiality.Confidential }, "test");
        var hiddenOrg = await store.CreateAsync(new Organization { Name = "CANARYORG Bureau", PlaceId = almaty.Id, Confidentiality = Confidentiality.Confidential }, "test");
        var e = await store.CreateAsync(Build.Event("detained", pub.Id, FuzzyDate.InMonth(2018, 4)) with
        {
            PlaceId = hiddenPlace.Id,
            Participants =
            [
                new Participant(ParticipantRole.Subject, pub.Id),
                new Participant(ParticipantRole.Witness, hidden.Id),
                new Participant(ParticipantRole.Authority, OrganizationId: hiddenOrg.Id),
            ],
            Description = "CANARYEVENTDESC what happened",
            ConfidentialFields = ["description"],
            Confidentiality = Confidentiality.Public,
        }, "test");
        var hiddenCase = await store.CreateAsync(new Case
        {
            Title = "CANARYCASE appeal",
            Parties = [new CaseParty(CasePartyRole.Victim, pub.Id)],
            Confidentiality = Confidentiality.Confidential,
        }, "test");
        var openCase = await store.CreateAsync(new Case
        {
            Title = "Open appeal",
            Parties = [new CaseParty(CasePartyRole.Victim, pub.Id), new CaseParty(CasePartyRole.Other, hidden.Id)],
            LawyerPersonId = hidden.Id,
            Confidentiality = Confidentiality.Public,
        }, "test");
        var testimony = await store.CreateAsync(new Testimony
        {
            SubjectPersonId = pub.Id,
            TestifierPersonId = hidden.Id,
            Summary = "CANARYSUMMARY what she saw",
            WitnessContact = "CANARYWITNESS +7 700 000 00 00",
            Confidentiality = Confidentiality.Confidential,
        }, "test");
        var source = await store.CreateAsync(Build.Source("Public report") with
        {
            Text = "CANARYSOURCETEXT the full text",
            ConfidentialFields = ["text"],
            Confidentiality = Confidentiality.Public,
        }, "test");
        var citation = await store.CreateAsync(new Citation
        {
            SourceId = source.Id, TargetKind = RecordKind.Event, TargetId = e.Id, Level = EvidenceLevel.Documented,
            Quote = "CANARYQUOTE the words", ConfidentialFields = ["quote"], Confidentiality = Confidentiality.Public,
        }, "test");
        var caseCitation = await store.CreateAsync(new Citation
        {
            SourceId = source.Id, TargetKind = RecordKind.Case, TargetId = hiddenCase.Id, Level = EvidenceLevel.Documented, Confidentiality = Confidentiality.Public,
        }, "test");
        return new Registry(pub, hidden, almaty, hiddenPlace, hiddenOrg, e, hiddenCase, openCase, testimony, source, citation, caseCitation);
    }

    /// <summary>Everything a reader can open about the planted records: pages, API lists, records and histories.</summary>
    private static IEnumerable<string> Urls(Registry r)
    {
        string[] pages =
        [
            "/events", $"/events/{r.Event.Id}", $"/events?person={r.Hidden.Id}", "/events?place=Camp",
            "/cases", "/cases?q=appeal", $"/cases/{r.OpenCase.Id}", $"/cases/{r.HiddenCase.Id}",
            "/testimonies", $"/testimonies/{r.Testimony.Id}",
            "/places", "/places?q=Camp", $"/places/{r.Almaty.Id}", $"/places/{r.HiddenPlace.Id}",
            "/organizations", $"/organizations/{r.HiddenOrg.Id}",
            "/sources", $"/sources/{r.Source.Id}",
        ];
        var api = new List<string>();
        foreach (var (route, id) in new (string, long)[]
        {
            ("events", r.Event.Id), ("cases", r.HiddenCase.Id), ("cases", r.OpenCase.Id), ("testimonies", r.Testimony.Id), ("places", r.HiddenPlace.Id),
            ("places", r.Almaty.Id), ("organizations", r.HiddenOrg.Id), ("sources", r.Source.Id), ("citations", r.Citation.Id), ("citations", r.CaseCitation.Id),
            ("persons", r.Hidden.Id),
        })
        {
            // The persons list has its own query (Api/PersonsApi.cs), tested with the person pages.
            if (route != "persons")
            {
                api.Add($"/api/v1/{route}?q=a");
                api.Add($"/api/v1/{route}");
            }

            api.Add($"/api/v1/{route}/{id}");
            api.Add($"/api/v1/{route}/{id}/history");
        }

        return pages.Concat(api).Distinct();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task No_page_or_api_answer_shows_a_visitor_or_researcher_a_canary(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var r = await PlantAsync(app);
        foreach (var role in new[] { Role.Visitor, Role.Researcher })
        {
            using var client = await app.ClientAsync(role);
            foreach (var url in Urls(r))
            {
                var response = await client.GetAsync(url);
                var body = await response.Content.ReadAsStringAsync();
                Assert.True((int)response.StatusCode is 200 or 404, $"{role} GET {url}: {(int)response.StatusCode}");
                foreach (var canary in Canaries)
                {
                    Assert.False(body.Contains(canary, StringComparison.OrdinalIgnoreCase), $"{role} GET {url} shows {canary}:\n{body}");
                }
            }

            // The confidential participant is not even "someone": no link to them, no numbered placeholder.
            var page = await app.PageAsync($"/events/{r.Event.Id}", client);
            Assert.Null(page.QuerySelector($"a[href='/persons/{r.Hidden.Id}']"));
            Assert.Null(page.QuerySelector($"a[href='/organizations/{r.HiddenOrg.Id}']"));
            Assert.Null(page.QuerySelector($"a[href='/places/{r.HiddenPlace.Id}']"));
            Assert.NotNull(page.QuerySelector($"a[href='/persons/{r.Public.Id}']"));
            Assert.NotNull(page.QuerySelector(".withheld"));
            Assert.Null(page.QuerySelector($"a[href='/events/{r.Event.Id}/edit']"));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_hidden_record_answers_exactly_like_a_missing_one(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var r = await PlantAsync(app);
        const long missing = 987654;
        foreach (var role in new[] { Role.Visitor, Role.Researcher })
        {
            using var client = await app.ClientAsync(role);
            foreach (var (route, id) in new (string, long)[]
            {
                ("cases", r.HiddenCase.Id), ("testimonies", r.Testimony.Id), ("places", r.HiddenPlace.Id), ("organizations", r.HiddenOrg.Id),
                ("citations", r.CaseCitation.Id),
            })
            {
                foreach (var suffix in new[] { "", "/history" })
                {
                    var hidden = await client.GetAsync($"/api/v1/{route}/{id}{suffix}");
                    var absent = await client.GetAsync($"/api/v1/{route}/{missing}{suffix}");
                    Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
                    Assert.Equal(HttpStatusCode.NotFound, absent.StatusCode);
                    Assert.Equal(
                        Comparable(await absent.Content.ReadAsStringAsync(), missing),
                        Comparable(await hidden.Content.ReadAsStringAsync(), id));
                }

                if (route != "citations")
                {
                    var page = await client.GetAsync($"/{route}/{id}");
                    var none = await client.GetAsync($"/{route}/{missing}");
                    Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
                    Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
                    Assert.Equal(await none.Content.ReadAsStringAsync(), await page.Content.ReadAsStringAsync());
                }
            }

            var file = await client.GetAsync($"/testimonies/{r.Testimony.Id}/files/{new string('a', 64)}");
            Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
        }
    }

    /// <summary>A problem body with the asked id and the request's own trace id taken out, which are all that may differ.</summary>
    private static string Comparable(string body, long id) =>
        Regex.Replace(Regex.Replace(body, $@"\b{id}\b", "ID"), "\"traceId\":\"[^\"]*\"", "TRACE");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_editor_sees_every_canary_and_the_reads_are_audited(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var r = await PlantAsync(app);
        using var editor = await app.ClientAsync(Role.Editor);
        var seen = new HashSet<string>();
        foreach (var url in Urls(r))
        {
            var response = await editor.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"editor GET {url}: {(int)response.StatusCode}");
            var body = await response.Content.ReadAsStringAsync();
            seen.UnionWith(Canaries.Where(c => body.Contains(c, StringComparison.Ordinal)));
        }

        Assert.Equal(Canaries.Order(), seen.Order());
        var testimony = await app.PageAsync($"/testimonies/{r.Testimony.Id}", editor);
        Assert.Contains("CANARYWITNESS", testimony.QuerySelector(".witness-contact")?.TextContent);
        Assert.NotNull(testimony.QuerySelector($"a[href='/testimonies/{r.Testimony.Id}/edit']"));

        await using var connection = await app.Store.Database.OpenAsync();
        var targets = (await connection.QueryAsync<string>(
            "SELECT target FROM audit_log WHERE action = @read AND actor = 'test-editor'", new { read = AuditActions.Read })).ToList();
        Assert.Contains($"testimony {r.Testimony.Id}", targets);
        Assert.Contains($"case {r.HiddenCase.Id}", targets);
        Assert.Contains(targets, t => t.StartsWith("event ", StringComparison.Ordinal));
        Assert.Contains(targets, t => t.StartsWith("person ", StringComparison.Ordinal) && t.Contains(r.Hidden.Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Readers_cannot_write_and_are_not_offered_to(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var r = await PlantAsync(app);
        using var visitor = await app.ClientAsync(Role.Visitor);
        using var researcher = await app.ClientAsync(Role.Researcher);
        var body = new StringContent("{\"title\": \"x\"}", System.Text.Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.Unauthorized, (await visitor.PostAsync("/api/v1/cases", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await researcher.PostAsync("/api/v1/cases", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await researcher.DeleteAsync($"/api/v1/events/{r.Event.Id}?version=1")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await researcher.GetAsync("/events/new")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await visitor.GetAsync($"/sources/{r.Source.Id}/edit")).StatusCode);
        var list = await app.PageAsync("/events", researcher);
        Assert.Null(list.QuerySelector("a[href='/events/new']"));
        Assert.Equal(1, (await app.Store.GetAsync<Event>(r.Event.Id, Viewer.Operator("test")))!.Version);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_testimony_form_saves_the_witness_contact_and_field_marks(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var subject = await app.AddPersonAsync();
        var form = await app.PageAsync("/testimonies/new");
        Assert.NotNull(form.QuerySelector("input[name='Input.WitnessContact']"));
        Assert.Equal(ConfidentialFields.Markable(RecordKind.Testimony).Count, form.QuerySelectorAll("input[name='Input.ConfidentialFields']").Length);

        var token = form.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value") ?? "";
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(subject.ExternalId), "Input.Subject" },
            { new StringContent("other"), "Input.Relation" },
            { new StringContent("written"), "Input.Medium" },
            { new StringContent("Seen at the market"), "Input.Summary" },
            { new StringContent("internal-use-only"), "Input.Consent" },
            { new StringContent("restricted"), "Input.Confidentiality" },
            { new StringContent("Telegram @witness"), "Input.WitnessContact" },
            { new StringContent("summary"), "Input.ConfidentialFields" },
        };
        var response = await app.Client.PostAsync("/testimonies/new", content);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = long.Parse(response.Headers.Location!.OriginalString.Split('/', '?')[2], CultureInfo.InvariantCulture);
        var saved = (await app.Store.GetAsync<Testimony>(id, Viewer.Operator("test")))!;
        Assert.Equal("Telegram @witness", saved.WitnessContact);
        Assert.Equal(["summary"], saved.ConfidentialFields);

        using var researcher = await app.ClientAsync(Role.Researcher);
        var page = await app.PageAsync($"/testimonies/{id}", researcher);
        Assert.DoesNotContain("Seen at the market", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("@witness", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".withheld"));
    }
}
