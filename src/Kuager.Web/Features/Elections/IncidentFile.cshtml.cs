using System.Security.Cryptography;
using Kuager.Storage;
using Kuager.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace Kuager.Web.Features.Elections;

/// <summary>
/// Downloads one file of an incident, for those who may read election data. The bytes are hashed again before they
/// are sent: a file that no longer matches the SHA-256 recorded when it was reported is refused (409), never served.
/// </summary>
public sealed class IncidentFileModel(ElectionStore store, FileStore files, IStringLocalizer<TextLocalizer> texts) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id, long incident, string sha256, CancellationToken ct)
    {
        if (ElectionPages.Refusal(HttpContext) is { } refusal)
        {
            return refusal;
        }

        if (sha256.Length != 64 || await store.IncidentFileAsync(id, incident, sha256, ct) is not { } found || !System.IO.File.Exists(files.PathOf(found.File.Sha256)))
        {
            return NotFound();
        }

        var path = files.PathOf(found.File.Sha256);
        byte[] actual;
        await using (var stream = System.IO.File.OpenRead(path))
        {
            actual = await SHA256.HashDataAsync(stream, ct);
        }

        if (!string.Equals(Convert.ToHexStringLower(actual), found.File.Sha256, StringComparison.Ordinal))
        {
            return new ContentResult
            {
                StatusCode = StatusCodes.Status409Conflict, ContentType = "text/plain; charset=utf-8",
                Content = texts["elections.FileAltered", found.File.FileName, found.File.Sha256],
            };
        }

        var mediaType = MediaTypeHeaderValue.TryParse(found.MediaType, out var parsed) ? parsed.ToString() : "application/octet-stream";
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers["Repr-Digest"] = $"sha-256=:{Convert.ToBase64String(actual)}:";
        return new PhysicalFileResult(path, mediaType)
        {
            FileDownloadName = found.File.FileName, EntityTag = new EntityTagHeaderValue($"\"{found.File.Sha256}\""), EnableRangeProcessing = true,
        };
    }
}
