using System.Text;
using Dapper;
using Kuager.Core;

namespace Kuager.Storage.Tests.Import;

/// <summary>
/// Fictional people for the import and export tests (they describe no real person), and helpers to write import
/// files into a test's private folder and to read back what the registry holds.
/// </summary>
public static class ImportFixtures
{
    public const string Header = "external_id,name,names,gender,birth_year,ethnicity,citizenship,hometown,status,notes,confidentiality";

    /// <summary>Every column, as export writes them: the import header and the reporter's confidential contact details.</summary>
    public const string ExportHeader = Header + ",reporter,reporter_contact";

    /// <summary>Three valid people, rows 2 to 4, one per script of the primary name.</summary>
    public const string Registry =
        Header + "\n" +
        "P-001,Құнболат Ерланұлы,ug-Arab:قۇنبولات ئېرلان|Kunbolat Erlanuly,m,1971,Kazakh,PRC,China > Xinjiang > Ili > Gulja,in-camp,Taken in spring 2018,restricted\n" +
        "P-002,ئايگۈل مەمەت,Aigul Memet|zh-Hans/official-chinese:阿依古丽·买买提,f,1983,Uyghur,PRC,China > Xinjiang > Kashgar,missing,,confidential\n" +
        "P-003,努尔江·沙肯,kk-Cyrl:Нұржан Шәкен,m,1990,Kazakh,PRC|Kazakhstan,China > Xinjiang > Ili > Emin,released,,public\n";

    /// <summary>The same three people as a JSON import file.</summary>
    public const string RegistryJson = """
        [
          {"external_id": "P-001", "name": "Құнболат Ерланұлы", "names": ["ug-Arab:قۇنبولات ئېرلان", "Kunbolat Erlanuly"], "gender": "m", "birth_year": 1971,
           "ethnicity": "Kazakh", "citizenship": "PRC", "hometown": "China > Xinjiang > Ili > Gulja", "status": "in-camp", "notes": "Taken in spring 2018", "confidentiality": "restricted"},
          {"external_id": "P-002", "name": "ئايگۈل مەمەت", "names": ["Aigul Memet", "zh-Hans/official-chinese:阿依古丽·买买提"], "gender": "f", "birth_year": 1983,
           "ethnicity": "Uyghur", "citizenship": ["PRC"], "hometown": "China > Xinjiang > Kashgar", "status": "missing", "notes": null, "confidentiality": "confidential"},
          {"external_id": "P-003", "name": "努尔江·沙肯", "names": ["kk-Cyrl:Нұржан Шәкен"], "gender": "m", "birth_year": 1990,
           "ethnicity": "Kazakh", "citizenship": ["PRC", "Kazakhstan"], "hometown": "China > Xinjiang > Ili > Emin", "status": "released", "confidentiality": "public"}
        ]
        """;

    /// <summary>Places the registry's hometowns make: China, Xinjiang, Ili, Gulja, Kashgar, Emin.</summary>
    public const int RegistryPlaces = 6;

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes a UTF-8 file (no BOM) into the test's private folder and returns its path.</summary>
    public static string Write(TestDatabase db, string fileName, string text) => WriteBytes(db, fileName, Utf8NoBom.GetBytes(text));

    public static string WriteBytes(TestDatabase db, string fileName, byte[] bytes)
    {
        var path = Path.Combine(db.WorkDirectory, fileName);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public static byte[] Utf8(string text) => Utf8NoBom.GetBytes(text);

    public static Task<ImportResult> ImportAsync(TestDatabase db, string path) =>
        new PersonImport(db.Database, new ImportOptions("import-test")).ImportFileAsync(path);

    /// <summary>Writes the text to a file and imports it.</summary>
    public static Task<ImportResult> ImportAsync(TestDatabase db, string fileName, string text) => ImportAsync(db, Write(db, fileName, text));

    /// <summary>Imports a file that must be valid, and checks that it was.</summary>
    public static async Task<ImportResult> ImportValidAsync(TestDatabase db, string fileName, string text)
    {
        var result = await ImportAsync(db, fileName, text);
        Assert.True(result.Ok, $"{fileName} should import without errors, but: {string.Join("; ", result.Errors)}");
        return result;
    }

    public static async Task<long?> PersonIdAsync(TestDatabase db, string externalId)
    {
        await using var connection = await db.Database.OpenAsync();
        return await connection.ExecuteScalarAsync<long?>("SELECT id FROM persons WHERE external_id = @externalId", new { externalId });
    }

    /// <summary>The stored person with that external id; fails the test when there is none.</summary>
    public static async Task<Person> PersonAsync(TestDatabase db, string externalId)
    {
        var id = await PersonIdAsync(db, externalId);
        Assert.True(id is not null, $"no person with external id {externalId}");
        var person = await db.Store.GetAsync<Person>(id.Value);
        Assert.NotNull(person);
        return person;
    }

    public static async Task<string?> PlacePathAsync(TestDatabase db, long? placeId)
    {
        if (placeId is null)
        {
            return null;
        }

        await using var connection = await db.Database.OpenAsync();
        return await connection.ExecuteScalarAsync<string?>("SELECT path FROM places WHERE id = @placeId", new { placeId });
    }

    /// <summary>Every place path, sorted: to see that a hometown made each level once.</summary>
    public static async Task<IReadOnlyList<string>> PlacePathsAsync(TestDatabase db)
    {
        await using var connection = await db.Database.OpenAsync();
        return (await connection.QueryAsync<string>("SELECT path FROM places")).Order(StringComparer.Ordinal).ToList();
    }

    public static async Task<long> RevisionsOfAsync(TestDatabase db, string kind, long recordId)
    {
        await using var connection = await db.Database.OpenAsync();
        return await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM revisions WHERE record_kind = @kind AND record_id = @recordId", new { kind, recordId });
    }

    public static async Task<byte[]> ExportAsync(TestDatabase db, ExportFormat format)
    {
        using var stream = new MemoryStream();
        await new PersonExport(db.Database).WriteAsync(stream, format);
        return stream.ToArray();
    }

    /// <summary>"row|column" per error, one a line, to compare a whole list at once with a readable diff.</summary>
    public static string Where(IEnumerable<ImportError> errors) => string.Join("\n", errors.Select(e => $"{e.Row}|{e.Column}"));
}

/// <summary>An error an import should report: its row, its column (null for a whole row or the whole file) and words its message must contain.</summary>
public sealed record ExpectedError(int Row, string? Column, IReadOnlyList<string> Says)
{
    public static ExpectedError At(int row, string? column, params string[] says) => new(row, column, says);

    /// <summary>Asserts that the import failed with exactly these errors, in this order, and counted nobody.</summary>
    public static void AssertReported(string because, ImportResult result, params ExpectedError[] expected)
    {
        Assert.False(result.Ok, $"{because}: the import should fail");
        Assert.Equal(
            $"{because}:\n{ImportFixtures.Where(expected.Select(e => new ImportError(e.Row, e.Column, "")))}",
            $"{because}:\n{ImportFixtures.Where(result.Errors)}");
        for (var i = 0; i < expected.Length; i++)
        {
            var message = result.Errors[i].Message;
            Assert.False(string.IsNullOrWhiteSpace(message), $"{because}: error {i + 1} has no message");
            foreach (var words in expected[i].Says)
            {
                Assert.True(message.Contains(words, StringComparison.Ordinal),
                    $"{because}: the message of error {i + 1} (row {result.Errors[i].Row}) should say \"{words}\" but is \"{message}\"");
            }
        }

        Assert.Equal(0, result.Imported);
        Assert.Equal(0, result.Updated);
    }
}
