using System.Net;
using System.Text.Json;
using Kuager.Storage;
using Kuager.Storage.Tests;
using Kuager.Web;

namespace Kuager.Cli.Tests;

/// <summary>The web host that `kuager serve` starts, on a real port over a real database with the demo records.</summary>
public sealed class WebHostTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_demo_instance_serves_health_the_dashboard_people_and_the_persons_api(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        Assert.True(await DemoData.SeedIfEmptyAsync(db.Database));
        Assert.False(await DemoData.SeedIfEmptyAsync(db.Database));

        await using var app = KuagerWeb.Build(["--urls", "http://127.0.0.1:0"], db.Database);
        await app.StartAsync();
        var address = app.Urls.Single();
        using var http = new HttpClient { BaseAddress = new Uri(address) };

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);
        var dashboard = await http.GetStringAsync("/");
        Assert.Contains("Dashboard", dashboard);
        Assert.DoesNotMatch("<(script|link|img|iframe)[^>]+(src|href)=\"(https?:)?//", dashboard);

        using var list = JsonDocument.Parse(await http.GetStringAsync("/api/v1/persons?q=demobay&page=1&pageSize=2"));
        Assert.Equal(3, list.RootElement.GetProperty("total").GetInt32());
        var first = list.RootElement.GetProperty("items")[0];
        Assert.Equal(["id", "externalId", "name"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal(2, list.RootElement.GetProperty("items").GetArrayLength());

        var id = first.GetProperty("id").GetInt64();
        var page = await http.GetStringAsync($"/persons/{id}");
        Assert.Contains("FICTIONAL DEMO RECORD", page);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/persons/999999")).StatusCode);

        var uyghur = await http.GetStringAsync("/persons?q=misal");
        Assert.Contains("Abdurehim Misal", uyghur);
        var abdurehim = (await PersonIdAsync(http, "misal"))!.Value;
        Assert.Contains("dir=\"rtl\"", await http.GetStringAsync($"/persons/{abdurehim}"));
        await app.StopAsync();
    }

    private static async Task<long?> PersonIdAsync(HttpClient http, string q)
    {
        using var list = JsonDocument.Parse(await http.GetStringAsync($"/api/v1/persons?q={q}"));
        return list.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).FirstOrDefault();
    }
}
