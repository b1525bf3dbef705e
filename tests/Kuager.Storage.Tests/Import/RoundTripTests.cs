using System.Text;
using Kuager.Core;
using Kuager.Names;
using static Kuager.Storage.Tests.Import.ImportFixtures;

namespace Kuager.Storage.Tests.Import;

/// <summary>
/// Export, import into an empty registry and export again gives the same bytes, in CSV and in JSON, on both
/// providers and from one provider to the other. The people are entered through the record store, as the web
/// application does, so the export meets values the import never produced.
/// </summary>
public sealed class RoundTripTests
{
    private const string Editor = "editor";

    /// <summary>Mixed-case and non-ASCII external ids, so the order of the file depends on byte order only.</summary>
    private static readonly string[] ExternalIds = ["A-001", "A-010", "b-002", "B-020", "Ö-003", "E-004", "N-005"];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Csv_export_import_export_gives_the_same_bytes(Provider provider)
    {
        await using var source = await TestDatabase.CreateAsync(provider);
        await using var target = await TestDatabase.CreateAsync(provider);
        await SeedAsync(source);

        var first = await ExportAsync(source, ExportFormat.Csv);
        var result = await ImportAsync(target, WriteBytes(target, "export.csv", first));
        var second = await ExportAsync(target, ExportFormat.Csv);

        Assert.True(result.Ok, string.Join("; ", result.Errors));
        Assert.Equal((ExternalIds.Length, 0), (result.Imported, result.Updated));
        AssertSameBytes(first, second);
        AssertCsvHasTheHardCases(first);
        await AssertTheHardCasesWereStoredAsync(target);

        // The same people, whichever format carried them.
        AssertSameBytes(await ExportAsync(source, ExportFormat.Json), await ExportAsync(target, ExportFormat.Json));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Json_export_import_export_gives_the_same_bytes(Provider provider)
    {
        await using var source = await TestDatabase.CreateAsync(provider);
        await using var target = await TestDatabase.CreateAsync(provider);
        await SeedAsync(source);

        var first = await ExportAsync(source, ExportFormat.Json);
        var result = await ImportAsync(target, WriteBytes(target, "export.json", first));
        var second = await ExportAsync(target, ExportFormat.Json);

        Assert.True(result.Ok, string.Join("; ", result.Errors));
        Assert.Equal((ExternalIds.Length, 0), (result.Imported, result.Updated));
        AssertSameBytes(first, second);
        var text = Encoding.UTF8.GetString(first);
        Assert.StartsWith("[\n  {\"external_id\":\"A-001\"", text, StringComparison.Ordinal);
        Assert.Contains("\"birth_year\":1971", text, StringComparison.Ordinal);
        Assert.Contains("{\"external_id\":\"b-002\",\"name\":\"ug-Latn:Aigul Memet\",", text, StringComparison.Ordinal);
        await AssertTheHardCasesWereStoredAsync(target);
        AssertSameBytes(await ExportAsync(source, ExportFormat.Csv), await ExportAsync(target, ExportFormat.Csv));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Export_from_one_provider_imported_into_the_other_exports_the_same_bytes(Provider from)
    {
        var to = from == Provider.Sqlite ? Provider.Postgres : Provider.Sqlite;
        await using var source = await TestDatabase.CreateAsync(from);
        await using var csvTarget = await TestDatabase.CreateAsync(to);
        await using var jsonTarget = await TestDatabase.CreateAsync(to);
        await SeedAsync(source);

        var csv = await ExportAsync(source, ExportFormat.Csv);
        var json = await ExportAsync(source, ExportFormat.Json);
        var csvResult = await ImportAsync(csvTarget, WriteBytes(csvTarget, "export.csv", csv));
        var jsonResult = await ImportAsync(jsonTarget, WriteBytes(jsonTarget, "export.json", json));

        Assert.True(csvResult.Ok, string.Join("; ", csvResult.Errors));
        Assert.True(jsonResult.Ok, string.Join("; ", jsonResult.Errors));
        AssertSameBytes(csv, await ExportAsync(csvTarget, ExportFormat.Csv));
        AssertSameBytes(json, await ExportAsync(jsonTarget, ExportFormat.Json));
        AssertSameBytes(csv, await ExportAsync(jsonTarget, ExportFormat.Csv));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_empty_registry_exports_a_header_or_an_empty_array_that_imports_as_nothing(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        var csv = await ExportAsync(db, ExportFormat.Csv);
        var json = await ExportAsync(db, ExportFormat.Json);

        Assert.Equal(ExportHeader + "\n", Encoding.UTF8.GetString(csv));
        Assert.Equal("[]\n", Encoding.UTF8.GetString(json));
        var fromCsv = await ImportAsync(db, WriteBytes(db, "empty.csv", csv));
        var fromJson = await ImportAsync(db, WriteBytes(db, "empty.json", json));
        Assert.Equal((true, 0, 0), (fromCsv.Ok, fromCsv.Imported, fromCsv.Updated));
        Assert.Equal((true, 0, 0), (fromJson.Ok, fromJson.Imported, fromJson.Updated));
    }

    /// <summary>People as the web application would enter them, with every hard case the file format has to carry.</summary>
    private static async Task SeedAsync(TestDatabase db)
    {
        var china = await db.Store.CreateAsync(Build.Place("China", kind: PlaceKind.Country), Editor);
        var xinjiang = await db.Store.CreateAsync(Build.Place("Xinjiang", china.Id, PlaceKind.Region), Editor);
        var ili = await db.Store.CreateAsync(Build.Place("Ili Kazakh Autonomous Prefecture", xinjiang.Id, PlaceKind.Prefecture), Editor);
        var emin = await db.Store.CreateAsync(Build.Place("Emin (Durbuljin), County", ili.Id, PlaceKind.County), Editor);
        var township = await db.Store.CreateAsync(Build.Place("Sarqobda township", emin.Id, PlaceKind.Township), Editor);
        var village = await db.Store.CreateAsync(Build.Place("Village No. 3 \"Aqtal\"", township.Id, PlaceKind.Village), Editor);
        var kazakhstan = await db.Store.CreateAsync(Build.Place("Kazakhstan", kind: PlaceKind.Country), Editor);
        var almaty = await db.Store.CreateAsync(Build.Place("Алматы", kazakhstan.Id, PlaceKind.City), Editor);

        // Every column filled; a deep hometown; every kind of name; an ASCII name stored as Kazakh Latin.
        await db.Store.CreateAsync(new Person
        {
            ExternalId = "A-001",
            Names =
            [
                new PersonName("Құнболат Ерланұлы", Script.KazakhCyrillic, NameKind.Primary),
                new PersonName("قۇنبولات ئېرلان", Script.UyghurArabic, NameKind.Alias),
                new PersonName("昆波拉提·叶尔兰", Script.Chinese, NameKind.OfficialChinese),
                new PersonName("Kunbolat Yerlan", Script.English, NameKind.Birth),
                new PersonName("Ерланұлы", Script.KazakhCyrillic, NameKind.Patronymic),
                new PersonName("Qunbolat Erlanuly", Script.KazakhLatin, NameKind.Alias),
            ],
            Gender = Gender.Male,
            BirthDate = FuzzyDate.OnDay(1971, 3, 2),
            Ethnicity = "Kazakh",
            Citizenships = ["PRC", "Kazakhstan"],
            HometownId = village.Id,
            Occupation = "teacher",
            Notes = "Taken on 22 February, \"for re-education\".\r\nHis wife, in Almaty, last heard from him in 2018.\nNo news since.",
            ReportedStatus = PersonStatus.InCamp,
            Confidentiality = Confidentiality.Confidential,
        }, Editor);

        // Nothing but the name, and that name needs its script written out.
        await db.Store.CreateAsync(new Person
        {
            ExternalId = "b-002",
            Names = [new PersonName("Aigul Memet", Script.UyghurLatin, NameKind.Primary), new PersonName("Ayg'ul, Memet", Script.English, NameKind.Alias)],
        }, Editor);

        // A Chinese primary name; an alias that looks like a script prefix; several citizenships; values with commas.
        await db.Store.CreateAsync(new Person
        {
            ExternalId = "A-010",
            Names =
            [
                new PersonName("阿依努尔·沙肯", Script.Chinese, NameKind.Primary),
                new PersonName("en:Ainur", Script.English, NameKind.Alias),
                new PersonName("Айнұр Шәкенқызы", Script.KazakhCyrillic, NameKind.Alias),
                new PersonName("Aynur Shaken", Script.UyghurLatin, NameKind.Birth),
            ],
            Gender = Gender.Female,
            BirthDate = FuzzyDate.InYear(1984),
            Ethnicity = "Kazakh, Naiman",
            Citizenships = ["PRC", "Kazakhstan", "Türkiye"],
            HometownId = emin.Id,
            ReportedStatus = PersonStatus.Missing,
            Confidentiality = Confidentiality.Public,
            Reporter = "Her brother, Erlan",
            ReporterContact = "+7 701 555 0199; Telegram @erlan \"home\"",
        }, Editor);

        // Uyghur Arabic throughout; a hometown outside China; leading quote and separator characters in the notes.
        await db.Store.CreateAsync(new Person
        {
            ExternalId = "Ö-003",
            Names =
            [
                new PersonName("ئابلىمىت تۇرسۇن", Script.UyghurArabic, NameKind.Primary),
                new PersonName("Ablimit Tursun", Script.UyghurLatin, NameKind.Alias),
                new PersonName("Аблимит Турсун", Script.UyghurCyrillic, NameKind.Alias),
            ],
            Gender = Gender.Male,
            BirthDate = FuzzyDate.InMonth(1966, 7),
            Ethnicity = "Uyghur",
            Citizenships = ["Kazakhstan"],
            HometownId = almaty.Id,
            Notes = "\"Refugee\" status granted; pipe | and colon: kept; ends with a quote \"",
            ReportedStatus = PersonStatus.Refugee,
            Confidentiality = Confidentiality.Restricted,
        }, Editor);

        // A hometown higher up the tree, and no birth year.
        await db.Store.CreateAsync(new Person
        {
            ExternalId = "B-020",
            Names = [new PersonName("Ержан Тұрсынұлы", Script.KazakhCyrillic, NameKind.Primary)],
            Gender = Gender.Male,
            Ethnicity = "Kazakh",
            Citizenships = ["PRC"],
            HometownId = ili.Id,
            ReportedStatus = PersonStatus.Deported,
        }, Editor);

        // A status that comes from events, not from a report.
        var detained = await db.Store.CreateAsync(new Person
        {
            ExternalId = "E-004",
            Names = [new PersonName("Гүлнар Тоқтарқызы", Script.KazakhCyrillic, NameKind.Primary)],
            Gender = Gender.Female,
            BirthDate = FuzzyDate.InYear(1990),
            HometownId = xinjiang.Id,
        }, Editor);
        await db.Store.CreateAsync(Build.Event("detained", detained.Id, FuzzyDate.InMonth(2017, 4)), Editor);

        // A name spelled with Russian letters only, stored as Kazakh: the script must be written out.
        await db.Store.CreateAsync(new Person
        {
            ExternalId = "N-005",
            Names = [new PersonName("Серик Ахметов", Script.KazakhCyrillic, NameKind.Primary), new PersonName("Серик Ахметов", Script.RussianCyrillic, NameKind.Alias)],
            Gender = Gender.Unknown,
            Notes = "  surrounded by spaces  ",
        }, Editor);
    }

    private static void AssertCsvHasTheHardCases(byte[] csv)
    {
        var text = Encoding.UTF8.GetString(csv);
        Assert.StartsWith(ExportHeader + "\nA-001,Құнболат Ерланұлы,", text, StringComparison.Ordinal);
        Assert.Contains("kk-Latn:Qunbolat Erlanuly", text, StringComparison.Ordinal);
        Assert.Contains("zh-Hans/official-chinese:昆波拉提·叶尔兰", text, StringComparison.Ordinal);
        Assert.Contains("kk-Cyrl/patronymic:Ерланұлы", text, StringComparison.Ordinal);
        Assert.Contains("China > Xinjiang > Ili Kazakh Autonomous Prefecture > Emin (Durbuljin), County > Sarqobda township > Village No. 3 \"\"Aqtal\"\"", text, StringComparison.Ordinal);
        Assert.Contains("b-002,ug-Latn:Aigul Memet,\"Ayg'ul, Memet\",unknown,,,,,unknown,,restricted,,\n", text, StringComparison.Ordinal);
        Assert.Contains("en:en:Ainur", text, StringComparison.Ordinal);

        // Byte order of the external ids: upper-case Latin, lower-case Latin, then non-ASCII.
        var order = text.Split('\n').Skip(1).Where(l => l.Length > 0 && ExternalIds.Any(id => l.StartsWith(id + ",", StringComparison.Ordinal)))
            .Select(l => l[..l.IndexOf(',', StringComparison.Ordinal)]);
        Assert.Equal(new[] { "A-001", "A-010", "B-020", "E-004", "N-005", "b-002", "Ö-003" }, order);
    }

    /// <summary>What the receiving registry holds, not only what it exports.</summary>
    private static async Task AssertTheHardCasesWereStoredAsync(TestDatabase target)
    {
        var kunbolat = await PersonAsync(target, "A-001");
        Assert.Equal(
            new[]
            {
                new PersonName("Құнболат Ерланұлы", Script.KazakhCyrillic, NameKind.Primary),
                new PersonName("قۇنبولات ئېرلان", Script.UyghurArabic, NameKind.Alias),
                new PersonName("昆波拉提·叶尔兰", Script.Chinese, NameKind.OfficialChinese),
                new PersonName("Kunbolat Yerlan", Script.English, NameKind.Birth),
                new PersonName("Ерланұлы", Script.KazakhCyrillic, NameKind.Patronymic),
                new PersonName("Qunbolat Erlanuly", Script.KazakhLatin, NameKind.Alias),
            },
            kunbolat.Names);
        Assert.Equal("Taken on 22 February, \"for re-education\".\r\nHis wife, in Almaty, last heard from him in 2018.\nNo news since.", kunbolat.Notes);
        Assert.Equal(new[] { "PRC", "Kazakhstan" }, kunbolat.Citizenships);
        Assert.Equal(1971, kunbolat.BirthYear);
        Assert.Equal(
            "China > Xinjiang > Ili Kazakh Autonomous Prefecture > Emin (Durbuljin), County > Sarqobda township > Village No. 3 \"Aqtal\"",
            await PlacePathAsync(target, kunbolat.HometownId));
        Assert.Equal(Script.UyghurLatin, (await PersonAsync(target, "b-002")).PrimaryName.Script);
        Assert.Equal(new PersonName("en:Ainur", Script.English, NameKind.Alias), (await PersonAsync(target, "A-010")).Names[1]);
        Assert.Equal("Her brother, Erlan", (await PersonAsync(target, "A-010")).Reporter);
        Assert.Equal("+7 701 555 0199; Telegram @erlan \"home\"", (await PersonAsync(target, "A-010")).ReporterContact);
        Assert.Equal(PersonStatus.Detained, (await PersonAsync(target, "E-004")).ReportedStatus);
        var serik = await PersonAsync(target, "N-005");
        Assert.Equal(new[] { Script.KazakhCyrillic, Script.RussianCyrillic }, serik.Names.Select(n => n.Script));
        Assert.Equal(6 + 2, await target.RowsAsync("places"));
    }

    private static void AssertSameBytes(byte[] expected, byte[] actual)
    {
        if (!expected.AsSpan().SequenceEqual(actual))
        {
            // Compared as text so that a failure shows where the files part.
            Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(actual));
            Assert.Fail("the files differ in bytes that are not valid UTF-8");
        }
    }
}
