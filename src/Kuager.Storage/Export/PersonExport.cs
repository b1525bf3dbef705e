using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Dapper;
using Kuager.Core;

namespace Kuager.Storage;

public enum ExportFormat
{
    Csv,
    Json,
}

/// <summary>
/// Writes the people of the registry in the import format, ordered by external id, so that export, import into an
/// empty registry and export again gives the same bytes. The export is what <paramref name="viewer"/> may see:
/// records above their clearance are left out and confidential fields blank unless they may see them. An
/// export holding confidential data is audited.
/// </summary>
public sealed class PersonExport(Database database, Viewer viewer)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>An export by the operator at the command line, who holds the key: everything.</summary>
    public PersonExport(Database database)
        : this(database, Viewer.Operator("cli"))
    {
    }

    /// <summary>How many of the people written were confidential or had confidential values (so the export was audited).</summary>
    public int ConfidentialCount { get; private set; }

    public async Task<int> WriteAsync(Stream output, ExportFormat format, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var places = (await connection.QueryAsync<(long Id, string Path)>($"SELECT id, path FROM places WHERE {Visibility.Sql(viewer)}"))
            .ToDictionary(p => p.Id, p => p.Path);
        ConfidentialCount = 0;
        await using var writer = new StreamWriter(output, Utf8, 1 << 16, leaveOpen: true) { NewLine = "\n" };
        var count = 0;
        if (format == ExportFormat.Csv)
        {
            await writer.WriteLineAsync(string.Join(',', PersonColumns.All));
        }
        else
        {
            await writer.WriteAsync('[');
        }

        await foreach (var (person, status) in ReadAsync(connection, ct))
        {
            if (viewer.SeesConfidentialFields && (person.Confidentiality == Confidentiality.Confidential || Redaction.HasConfidentialValues(person)))
            {
                ConfidentialCount++;
            }

            var values = Values(person, status, places);
            if (format == ExportFormat.Csv)
            {
                await writer.WriteLineAsync(string.Join(',', values.Select(v => Csv(v.Value))));
            }
            else
            {
                await writer.WriteAsync(count == 0 ? "\n  " : ",\n  ");
                await writer.WriteAsync(Json(person, values));
            }

            if (++count % 10_000 == 0)
            {
                progress?.Report(count);
            }
        }

        if (format == ExportFormat.Json)
        {
            await writer.WriteAsync(count == 0 ? "]\n" : "\n]\n");
        }

        progress?.Report(count);
        if (ConfidentialCount > 0)
        {
            await writer.FlushAsync(ct);
            await AuditLog.AppendAsync(database, viewer.Actor, AuditActions.Export, "persons",
                $"{count} people, {ConfidentialCount} with confidential data", ct);
        }

        return count;
    }

    private async IAsyncEnumerable<(Person Person, PersonStatus Status)> ReadAsync(DbConnection connection, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        // Byte order, the same on both providers, so the file does not depend on the server's collation.
        var order = database.Provider == Provider.Postgres ? "external_id COLLATE \"C\"" : "external_id";
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT id, version, data, status FROM persons WHERE deleted_at IS NULL AND {Visibility.Sql(viewer)} ORDER BY {order}";
        var keys = viewer.SeesConfidentialFields ? database.Keys : null;
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            // Without the clearance, confidential fields are left out unopened.
            var person = Reader.Materialize<Person>(keys, reader.GetInt64(0), reader.GetInt32(1), reader.GetString(2));
            yield return (person, WireCode.Parse<PersonStatus>(reader.GetString(3)));
        }
    }

    private static List<KeyValuePair<string, string?>> Values(Person p, PersonStatus status, Dictionary<long, string> places) =>
    [
        new(PersonColumns.ExternalId, p.ExternalId),
        new(PersonColumns.Name, PersonColumns.FormatName(p.PrimaryName, isPrimaryColumn: true)),
        new(PersonColumns.Names, p.Names.Count > 1 ? string.Join('|', p.Names.Skip(1).Select(n => PersonColumns.FormatName(n, false))) : null),
        new(PersonColumns.Gender, PersonColumns.FormatGender(p.Gender)),
        new(PersonColumns.BirthYear, p.BirthYear?.ToString(CultureInfo.InvariantCulture)),
        new(PersonColumns.Ethnicity, p.Ethnicity),
        new(PersonColumns.Citizenship, p.Citizenships.Count > 0 ? string.Join('|', p.Citizenships) : null),
        new(PersonColumns.Hometown, p.HometownId is { } h && places.TryGetValue(h, out var path) ? path : null),
        new(PersonColumns.Status, WireCode.Of(status)),
        new(PersonColumns.Notes, p.Notes),
        new(PersonColumns.Confidentiality, WireCode.Of(p.Confidentiality)),
        new(PersonColumns.Reporter, p.Reporter),
        new(PersonColumns.ReporterContact, p.ReporterContact),
    ];

    private static string Csv(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || value[0] == ' ' || value[^1] == ' '
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }

    private static string Json(Person p, List<KeyValuePair<string, string?>> values)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            foreach (var (key, value) in values)
            {
                if (key == PersonColumns.Names)
                {
                    json.WriteStartArray(key);
                    foreach (var n in p.Names.Skip(1))
                    {
                        json.WriteStringValue(PersonColumns.FormatName(n, false));
                    }

                    json.WriteEndArray();
                }
                else if (key == PersonColumns.BirthYear && p.BirthYear is { } year)
                {
                    json.WriteNumber(key, year);
                }
                else if (value is null)
                {
                    json.WriteNull(key);
                }
                else
                {
                    json.WriteString(key, value);
                }
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
