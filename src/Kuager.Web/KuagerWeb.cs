using Kuager.Storage;
using Kuager.Web.Localization;

namespace Kuager.Web;

/// <summary>The web host: wires the features together; each feature maps its own routes beside its code.</summary>
public static class KuagerWeb
{
    /// <summary>The configuration key for the database (`--Kuager:Db=...`); KUAGER_DB and ./data/kuager.db otherwise.</summary>
    public const string DatabaseKey = "Kuager:Db";

    /// <summary>The configuration key for the encryption key file; KUAGER_KEY, KUAGER_KEY_FILE or kuager.key beside the database otherwise.</summary>
    public const string KeyFileKey = "Kuager:KeyFile";

    public static WebApplication Build(string[] args, Database? database = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddKuagerWeb(database);
        var app = builder.Build();
        app.UseKuagerWeb();
        return app;
    }

    public static void AddKuagerWeb(this WebApplicationBuilder builder, Database? database = null)
    {
        // Request logs carry query strings, and a query can be a person's name: framework logging stays at warnings.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        // Data-protection keys are sealed with the instance key by DatabaseXmlRepository, not by an XML encryptor,
        // so the framework's "may be persisted unencrypted" warning does not apply.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error);
        builder.Services.AddSingleton(sp =>
        {
            var configuration = sp.GetRequiredService<IConfiguration>();
            var resolved = database ?? Database.Resolve(configuration[DatabaseKey]);
            resolved.KeyFile ??= configuration[KeyFileKey] is { Length: > 0 } keyFile ? keyFile : null;
            return resolved;
        });
        builder.Services.AddSingleton(sp => new RecordStore(sp.GetRequiredService<Database>()));
        builder.Services.AddSingleton(sp => FileStore.For(sp.GetRequiredService<Database>()));
        builder.Services.AddSingleton(sp => new ElectionStore(sp.GetRequiredService<Database>()));
        builder.Services.AddSingleton(sp => InstanceSettings.From(sp.GetRequiredService<IConfiguration>()));
        builder.Services.AddHostedService<Features.Shared.NameIndexWarmUp>();
        builder.Services.AddKuagerLocalization();
        builder.Services.AddKuagerAccounts();
        builder.Services.AddRazorPages(o => o.RootDirectory = "/Features").AddApplicationPart(typeof(KuagerWeb).Assembly).AddViewLocalization();
        builder.Services.AddProblemDetails();
        builder.Services.AddApi();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase;
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        });
    }

    public static void UseKuagerWeb(this WebApplication app)
    {
        // The schema is brought up to date before the first request, on every start.
        Migrator.MigrateAsync(app.Services.GetRequiredService<Database>()).GetAwaiter().GetResult();

        app.UseSecurityHeaders();

        // Pages fail with a generic page, never the exception (the API answers problem details of its own); a bodiless
        // error status gets the same page, so a hidden record's 404 looks exactly like a missing one's.
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages =>
        {
            pages.UseExceptionHandler("/error");
            pages.UseStatusCodePagesWithReExecute("/error/{0}");
        });

        // Routing after the error pages, so a re-executed request (/error/400 for a refused POST) is routed afresh.
        app.UseRouting();
        app.UseKuagerLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseKuagerAccounts();
        app.MapAssets();
        app.MapHealth();
        app.MapApi();
        app.MapTestimonyFiles();
        app.MapRazorPages();
    }
}
