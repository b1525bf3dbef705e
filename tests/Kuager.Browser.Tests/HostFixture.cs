using Microsoft.Playwright;

namespace Kuager.Browser.Tests;

/// <summary>
/// One app and one browser for a test class. The tests of a class never share records or cookies: each makes
/// its own people and opens its own browser context, so they pass in any order.
/// </summary>
public sealed class HostFixture : IAsyncLifetime
{
    private BrowserHost? _host;

    public BrowserHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public async Task InitializeAsync()
    {
        // Two shared cores: a page can take a few seconds under load, and expectations retry until then.
        Assertions.SetDefaultExpectTimeout(15_000);
        _host = await BrowserHost.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
