using Kuager.Core;
using Kuager.Storage;
using Kuager.Storage.Tests;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Kuager.Web.Tests.Security;

/// <summary>
/// Every route and API endpoint, asked by every role, over records with canaries planted: no response may carry a
/// canary its role may not see, and every write is refused to those who may not edit.
/// </summary>
public sealed class AuthorizationMatrixTests
{
    /// <summary>Routes the matrix cannot fill in, each with the test that covers it instead.</summary>
    private static readonly Dictionary<string, string> Elsewhere = new(StringComparer.Ordinal)
    {
        ["/assets/{name}"] = "static assets hold no records (SecurityHeaderTests)",
        ["/testimonies/{id:long}/files/{sha256}"] = "file downloads need a stored file (TestimonyFileAccessTests)",
    };

    private static readonly Role[] Roles = [Role.Visitor, Role.Researcher, Role.Editor, Role.Admin];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task No_response_carries_a_canary_its_role_may_not_see(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var canaries = await Canaries.PlantAsync(app.Store);
        var urls = GetUrls(app, canaries);
        Assert.True(urls.Count > 60, $"only {urls.Count} URLs found: the route enumeration is broken");

        var seenByEditors = new HashSet<string>(StringComparer.Ordinal);
        var leaks = new List<string>();
        foreach (var role in Roles)
        {
            using var client = await app.ClientAsync(role);
            var forbidden = Canaries.ForbiddenFor(role);
            foreach (var url in urls)
            {
                using var response = await client.GetAsync(url);
                var body = await response.Content.ReadAsStringAsync();
                Assert.True((int)response.StatusCode < 500, $"GET {url} as {role}: {(int)response.StatusCode}");
                leaks.AddRange(forbidden.Where(c => body.Contains(c, StringComparison.Ordinal)).Select(c => $"GET {url} as {role} shows {c}"));
                if (role >= Role.Editor)
                {
                    seenByEditors.UnionWith(Canaries.ForbiddenFor(Role.Visitor).Where(c => body.Contains(c, StringComparison.Ordinal)));
                }
            }
        }

        Assert.True(leaks.Count == 0, string.Join("\n", leaks.Distinct().Take(60)));

        // The canaries are reachable: editors see every one somewhere, so their absence elsewhere means something.
        Assert.Empty(Canaries.ForbiddenFor(Role.Visitor).Except(seenByEditors));
        await using var connection = await app.Store.Database.OpenAsync();
        var reads = await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "SELECT COUNT(*) FROM audit_log WHERE action = 'read' AND actor = 'test-editor'");
        Assert.True(reads > 0, "an editor's reads of confidential data are audited");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_write_is_refused_to_visitors_and_researchers(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var canaries = await Canaries.PlantAsync(app.Store);
        var writes = Endpoints(app)
            .Where(e => e.Methods.Any(m => m is "POST" or "PUT" or "DELETE" or "PATCH"))
            .SelectMany(e => Fill(e.Pattern, canaries).Select(url => (Method: e.Methods.First(m => m != "GET"), Url: url, e.IsApi)))
            .Distinct()
            .ToList();
        Assert.True(writes.Count > 20, $"only {writes.Count} write endpoints found");

        await using var connection = await app.Store.Database.OpenAsync();
        var before = await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "SELECT COUNT(*) FROM revisions");
        foreach (var role in new[] { Role.Visitor, Role.Researcher })
        {
            using var client = await app.ClientAsync(role);
            foreach (var (method, url, isApi) in writes)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), url)
                {
                    Content = isApi ? new StringContent("{}", System.Text.Encoding.UTF8, "application/json") : new FormUrlEncodedContent([]),
                };
                using var response = await client.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                var status = (int)response.StatusCode;
                Assert.True(status is 400 or 401 or 403 or 404 or 405 or 302,
                    $"{method} {url} as {role} answered {status}: a write must be refused");
                if (status == 302)
                {
                    Assert.Contains("/account/login", response.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
                }

                if (isApi)
                {
                    Assert.True(status == (role == Role.Visitor ? 401 : 403), $"{method} {url} as {role}: {status}");
                }

                Assert.DoesNotContain(Canaries.ForbiddenFor(role), c => body.Contains(c, StringComparison.Ordinal));
            }
        }

        Assert.Equal(before, await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "SELECT COUNT(*) FROM revisions"));
    }

    private sealed record Route(string Pattern, IReadOnlyList<string> Methods, bool IsApi);

    private static List<Route> Endpoints(KuagerApp app)
    {
        var sources = app.Services.GetServices<EndpointDataSource>();
        return sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Select(e =>
            {
                var pattern = "/" + (e.RoutePattern.RawText ?? "").TrimStart('/');
                var isPage = e.Metadata.GetMetadata<PageActionDescriptor>() is not null || e.Metadata.GetMetadata<CompiledPageActionDescriptor>() is not null;
                var methods = isPage ? ["GET", "POST"] : e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.ToList() ?? ["GET"];
                return new Route(pattern, methods, pattern.StartsWith("/api/", StringComparison.Ordinal));
            })
            .Where(r => !Elsewhere.ContainsKey(r.Pattern))
            .DistinctBy(r => (r.Pattern, string.Join(",", r.Methods)))
            .ToList();
    }

    private static List<string> GetUrls(KuagerApp app, Canaries canaries)
    {
        var urls = new List<string>();
        foreach (var route in Endpoints(app).Where(r => r.Methods.Contains("GET")))
        {
            foreach (var url in Fill(route.Pattern, canaries))
            {
                urls.Add(url);
                if (!route.Pattern.Contains('{', StringComparison.Ordinal))
                {
                    // Lists and searches asked for the canaries by name, and for the people they hide behind.
                    urls.Add(url + "?q=CANARY");
                    urls.Add(url + "?q=Zhanar");
                }
            }
        }

        return urls.Distinct().ToList();
    }

    /// <summary>The route with every id parameter filled with each planted record of the route's kind.</summary>
    private static IEnumerable<string> Fill(string pattern, Canaries canaries)
    {
        if (!pattern.Contains("{id", StringComparison.Ordinal))
        {
            return pattern.Contains('{', StringComparison.Ordinal) ? [] : [pattern];
        }

        var kind = KindOf(pattern);
        var ids = kind is { } k ? canaries.Ids[k] : canaries.Ids.Values.SelectMany(v => v).Take(5).ToList();
        var filled = ids.Select(id => pattern.Replace("{id:long}", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)).ToList();
        return filled.Where(u => !u.Contains('{', StringComparison.Ordinal));
    }

    private static RecordKind? KindOf(string pattern)
    {
        var segments = pattern.Split('/', StringSplitOptions.RemoveEmptyEntries).SkipWhile(s => s is "api" or "v1").ToList();
        var first = segments.FirstOrDefault() ?? "";
        return first switch
        {
            "persons" => RecordKind.Person,
            "places" => RecordKind.Place,
            "organizations" => RecordKind.Organization,
            "relationships" => RecordKind.Relationship,
            "events" => RecordKind.Event,
            "cases" => RecordKind.Case,
            "testimonies" => RecordKind.Testimony,
            "sources" => RecordKind.Source,
            "citations" => RecordKind.Citation,
            _ => null,
        };
    }
}
