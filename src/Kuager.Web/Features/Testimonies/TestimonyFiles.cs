using Kuager.Core;
using Kuager.Storage;
using Microsoft.Net.Http.Headers;

namespace Kuager.Web;

/// <summary>Downloads of the files attached to a testimony, streamed from the file store.</summary>
public static class TestimonyFiles
{
    public static IEndpointRouteBuilder MapTestimonyFiles(this IEndpointRouteBuilder app)
    {
        app.MapGet("/testimonies/{id:long}/files/{sha256}", async (long id, string sha256, RecordStore store, FileStore files, HttpContext context, CancellationToken ct) =>
        {
            // Only a file attached to this testimony: a hash alone must not open any stored file.
            var testimony = await store.GetAsync<Testimony>(id, context.Viewer(), ct);
            var file = testimony?.Files.FirstOrDefault(f => string.Equals(f.Sha256, sha256, StringComparison.Ordinal));
            if (file is null || !File.Exists(files.PathOf(file.Sha256)))
            {
                return Results.NotFound();
            }

            var mediaType = MediaTypeHeaderValue.TryParse(file.MediaType, out var parsed) ? parsed.ToString() : "application/octet-stream";
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.File(files.PathOf(file.Sha256), mediaType, file.FileName, entityTag: new EntityTagHeaderValue($"\"{file.Sha256}\""), enableRangeProcessing: true);
        });
        return app;
    }
}
