using Kuager.Storage;
using Kuager.Web;

// The web host on its own (dotnet run --project src/Kuager.Web -- --Kuager:Db=...); `kuager serve` uses the same Build.
WebApplication app;
try
{
    app = KuagerWeb.Build(args);
}
catch (KeyException e)
{
    // A missing or wrong key: the app refuses to start, with the same one line as the command line says.
    await Console.Error.WriteLineAsync($"kuager: {e.Message}");
    return 1;
}

await app.RunAsync();
return 0;

/// <summary>The entry point, named so that tests can host the app with WebApplicationFactory&lt;Program&gt;.</summary>
public partial class Program;
