using Kuager.Storage;
using Kuager.Storage.Tests;

namespace Kuager.Web.Tests;

public sealed class SecurityHeaderTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_response_forbids_framing_sniffing_inline_code_and_leaking_addresses(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var person = await app.AddPersonAsync();
        foreach (var url in new[] { "/", "/persons", $"/persons/{person.Id}", "/persons/new", "/api/v1/persons", "/api/v1/nothing-here", "/assets/site.css", "/health" })
        {
            var response = await app.Client.GetAsync(url);
            var headers = response.Headers;
            var csp = string.Join(";", headers.GetValues("Content-Security-Policy"));
            Assert.DoesNotContain("unsafe-inline", csp);
            Assert.DoesNotContain("unsafe-eval", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Contains("script-src 'self'", csp);
            Assert.Equal("nosniff", Assert.Single(headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("DENY", Assert.Single(headers.GetValues("X-Frame-Options")));
            Assert.Equal("no-referrer", Assert.Single(headers.GetValues("Referrer-Policy")));
        }
    }
}
