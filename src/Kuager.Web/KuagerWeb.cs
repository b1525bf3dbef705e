using Kuager.Storage;

namespace Kuager.Web;

/// <summary>The web host: wires the features together; each feature maps its own routes beside its code.</summary>
public static class KuagerWeb
{
    public static WebApplication Build(Database database, string[]? args = null)
    {
        var builder = WebApplication.CreateBuilder(args ?? []);
        // Request logs carry query strings, and a query can be a person's name: framework logging stays at warnings.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddSingleton(database);
        builder.Services.AddSingleton(new RecordStore(database));
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase;
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        });

        var app = builder.Build();
        app.MapHealth();
        app.MapDashboard();
        app.MapPersons();
        return app;
    }
}
