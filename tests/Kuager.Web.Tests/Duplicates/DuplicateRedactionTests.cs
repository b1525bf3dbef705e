using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Dapper;
using Kuager.Core;
using Kuager.Storage;
using Kuager.Storage.Tests;
using Kuager.Web.Tests.Persons;
using Kuager.Web.Tests.Security;

namespace Kuager.Web.Tests.Duplicates;

/// <summary>
/// Canaries in records and confidential fields, and a second record of the public person whose notes and reporter are
/// confidential: no duplicates page or answer carries a canary its reader may not see, and none carries a confidential
/// field's value at all (a likely match shows names, birth year and reasons, never notes, reporters or contacts).
/// </summary>
public sealed class DuplicateRedactionTests
{
    [Theory]
    [MemberData(nameof(RedactionTests.RolesOnProviders), MemberType = typeof(RedactionTests))]
    public async Task No_duplicates_answer_carries_a_canary_its_reader_may_not_see(Provider provider, Role role)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var canaries = await Canaries.PlantAsync(app.Store);
        var pub = canaries.PublicPersonId;
        var again = await app.Store.CreateAsync(Build.Person("Publicname Aigerim", "PUB-2") with { Confidentiality = Confidentiality.Public }, "test");
        var (low, high) = (Math.Min(pub, again.Id), Math.Max(pub, again.Id));

        var bodies = new List<string>();
        var forbidden = Canaries.ForbiddenFor(role);
        var never = Canaries.ConfidentialFieldValues;
        using var client = await app.ClientAsync(role);
        foreach (var url in new[] { "/duplicates", $"/duplicates/{low}/{high}", "/api/v1/duplicates" })
        {
            using var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            // Pages send a visitor to sign in and refuse a researcher; the API answers 401 and 403.
            var refused = (int)response.StatusCode is 401 or 403 || response.Headers.Location?.AbsolutePath == "/account/login";
            Assert.True(role >= Role.Editor ? response.StatusCode == HttpStatusCode.OK : refused, $"GET {url} as {role}: {(int)response.StatusCode}");
            bodies.Add(body);
        }

        var person = "{\"externalId\": \"PUB-3\", \"gender\": \"female\", \"birthDate\": \"1980\", \"ethnicity\": \"Kazakh\", " +
            "\"names\": [{\"text\": \"Publicname Aigerim\", \"script\": \"en\", \"kind\": \"primary\"}]}";
        foreach (var url in new[] { "/api/v1/persons", "/api/v1/persons/duplicates" })
        {
            using var response = await client.PostAsync(url, new StringContent(person, Encoding.UTF8, "application/json"));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(role >= Role.Editor ? (int)response.StatusCode is 200 or 409 : (int)response.StatusCode is 401 or 403,
                $"POST {url} as {role}: {(int)response.StatusCode}");
            bodies.Add(body);
        }

        if (role >= Role.Editor)
        {
            // The form as an editor fills it in: the likely matches shown above it, and as they are typed.
            var form = (IHtmlFormElement)(await app.PageAsync("/persons/new", client)).QuerySelector("form.person-form")!;
            var typed = new Dictionary<string, string> { ["Input.Names[0].Text"] = "Publicname Aigerim", ["Input.Gender"] = "female", ["Input.BirthDate"] = "1980" };
            foreach (var url in new[] { "/persons/new", "/persons/new?handler=Candidates" })
            {
                using var response = await PersonForms.SubmitAsync(client, url, form, typed);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                bodies.Add(await response.Content.ReadAsStringAsync());
            }
        }

        var all = string.Join("\n", bodies);
        Assert.DoesNotContain(forbidden, c => all.Contains(c, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(never, c => all.Contains(c, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(canaries.Ids[RecordKind.Person].Count + 1, await app.Db.RowsAsync("persons"));

        if (role >= Role.Editor)
        {
            // The pair is there to be seen, so the canaries' absence means something; the editor's sight of it is audited.
            var queue = new HtmlParser().ParseDocument(bodies[0]);
            Assert.NotNull(queue.QuerySelector($"tr[data-pair='{low}-{high}']"));
            Assert.Contains("Publicname Aigerim", bodies[1], StringComparison.Ordinal);
            Assert.Contains($"\"id\":{pub}", bodies[3], StringComparison.Ordinal);
            await using var connection = await app.Store.Database.OpenAsync();
            var audited = await connection.QueryAsync<string>("SELECT target FROM audit_log WHERE action = 'read' AND actor = 'test-editor'");
            Assert.NotEmpty(audited);
        }
    }
}
