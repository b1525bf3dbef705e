using Kuager.Web;

// The web host on its own (dotnet run --project src/Kuager.Web -- --Kuager:Db=...); `kuager serve` uses the same Build.
var app = KuagerWeb.Build(args);
await app.RunAsync();

/// <summary>The entry point, named so that tests can host the app with WebApplicationFactory&lt;Program&gt;.</summary>
public partial class Program;
