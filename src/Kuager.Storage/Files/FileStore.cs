using System.Security.Cryptography;
using Dapper;
using Kuager.Core;

namespace Kuager.Storage;

/// <summary>
/// Attached files, kept by content: the SHA-256 of the bytes names the file (files/ab/abcdef...), so the same
/// video attached twice is stored once and any change to a stored file can be detected.
/// </summary>
public sealed class FileStore(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>Beside the SQLite file, or KUAGER_FILES / ./data/files for PostgreSQL.</summary>
    public static FileStore For(Database db) =>
        new(Environment.GetEnvironmentVariable("KUAGER_FILES") is { Length: > 0 } env ? env
            : db.FilePath is { } file ? Path.Combine(Path.GetDirectoryName(file)!, "files")
            : Path.Combine("data", "files"));

    public string PathOf(string sha256) => Path.Combine(Root, sha256[..2], sha256);

    /// <summary>Stores the bytes (written to a temporary file, hashed, then moved into place) and records them in the session.</summary>
    public async Task<StoredFile> StoreAsync(Session session, Stream content, string fileName, string mediaType, CancellationToken ct = default)
    {
        Directory.CreateDirectory(Root);
        var temp = Path.Combine(Root, $".upload-{Guid.NewGuid():N}");
        string sha;
        long size;
        try
        {
            await using (var file = File.Create(temp))
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[81920];
                int read;
                size = 0;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                    size += read;
                }

                sha = Convert.ToHexStringLower(hash.GetHashAndReset());
            }

            var target = PathOf(sha);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (File.Exists(target))
            {
                File.Delete(temp);
            }
            else
            {
                File.Move(temp, target);
            }
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }

        var stored = new StoredFile(sha, size, string.IsNullOrWhiteSpace(mediaType) ? "application/octet-stream" : mediaType, Path.GetFileName(fileName));
        await session.Connection.ExecuteAsync(
            "INSERT INTO files (sha256, size, media_type, stored_at) VALUES (@Sha256, @Size, @MediaType, @at) ON CONFLICT (sha256) DO NOTHING",
            new { stored.Sha256, stored.Size, stored.MediaType, at = Clock.Stamp(session.Now) }, session.Transaction);
        return stored;
    }

    public Stream Open(string sha256) => File.OpenRead(PathOf(sha256));

    internal static async Task RequireStoredAsync(Session session, StoredFile file, string field, Rules rules)
    {
        var size = await session.Connection.ExecuteScalarAsync<long?>(
            "SELECT size FROM files WHERE sha256 = @Sha256", new { file.Sha256 }, session.Transaction);
        rules.When(size is null, field, "file {0} has not been uploaded", file.Sha256)
            .When(size is not null && size != file.Size, field, "file {0} is {1} bytes, not {2}", file.Sha256, size, file.Size);
    }
}
