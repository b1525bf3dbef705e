using System.Collections.Frozen;
using System.Security.Cryptography;

namespace Kuager.Web;

/// <summary>
/// Styles, scripts and fonts served from the assembly at /assets/NAME: the app works offline, with nothing from a
/// CDN, and wherever it is hosted from (the web project, `kuager serve`, the tests).
/// </summary>
public static class AssetEndpoints
{
    private static readonly FrozenDictionary<string, (byte[] Bytes, string Type, string ETag)> Assets = Load();

    public static IEndpointRouteBuilder MapAssets(this IEndpointRouteBuilder app)
    {
        app.MapGet("/assets/{name}", (string name, HttpContext context) =>
        {
            if (!Assets.TryGetValue(name, out var asset))
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "public, max-age=3600";
            context.Response.Headers.ETag = asset.ETag;
            return context.Request.Headers.IfNoneMatch == asset.ETag
                ? Results.StatusCode(StatusCodes.Status304NotModified)
                : Results.Bytes(asset.Bytes, asset.Type);
        });
        return app;
    }

    private static FrozenDictionary<string, (byte[], string, string)> Load()
    {
        const string prefix = "Kuager.Web.Assets.";
        var assembly = typeof(AssetEndpoints).Assembly;
        var assets = new Dictionary<string, (byte[], string, string)>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var bytes = buffer.ToArray();
            var name = resource[prefix.Length..];
            var type = Path.GetExtension(name) switch
            {
                ".css" => "text/css; charset=utf-8",
                ".js" => "text/javascript; charset=utf-8",
                ".svg" => "image/svg+xml",
                ".woff2" => "font/woff2",
                _ => "application/octet-stream",
            };
            assets[name] = (bytes, type, $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]}\"");
        }

        return assets.ToFrozenDictionary();
    }
}
