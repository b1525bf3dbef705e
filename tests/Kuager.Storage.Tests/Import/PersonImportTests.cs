using System.Globalization;
using System.Text;
using Kuager.Core;
using Kuager.Names;
using static Kuager.Storage.Tests.Import.ExpectedError;
using static Kuager.Storage.Tests.Import.ImportFixtures;

namespace Kuager.Storage.Tests.Import;

/// <summary>
/// The person import on both providers: what a good file becomes, and that every kind of bad file is reported at
/// the row and column a person would look at, with a message that says what is wrong, and writes nothing at all.
/// </summary>
public sealed class PersonImportTests
{
    // Valid rows that a bad file carries besides its fault: one would update P-001 of the registry, one would add a
    // person with a new hometown (new places). Neither may reach the registry when the file has an error.
    private const string UpdateP001 =
        "P-001,Құнболат Ерланұлы,,m,1971,Kazakh,PRC,China > Xinjiang > Ili > Gulja,released,Released in 2020,restricted";

    private const string NewP010 = "P-010,Нұрлан Бекұлы,,m,1965,Kazakh,PRC,China > Xinjiang > Altay > Burqin,detained,,restricted";

    private const string NewP010Json =
        """{"external_id": "P-010", "name": "Нұрлан Бекұлы", "gender": "m", "birth_year": 1965, "hometown": "China > Xinjiang > Altay > Burqin", "status": "detained"}""";

    /// <summary>Each provider, with an empty registry and with one that already holds the three people of <see cref="ImportFixtures.Registry"/>.</summary>
    public static TheoryData<Provider, bool> ProvidersAndRegistries => new()
    {
        { Provider.Sqlite, false }, { Provider.Sqlite, true }, { Provider.Postgres, false }, { Provider.Postgres, true },
    };

    [Theory]
    [MemberData(nameof(ProvidersAndRegistries))]
    public async Task Every_kind_of_bad_input_is_reported_at_its_row_and_column_and_writes_nothing(Provider provider, bool registryHoldsPeople)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        if (registryHoldsPeople)
        {
            await ImportValidAsync(db, "registry.csv", Registry);
        }

        var snapshot = Describe(await db.SnapshotAsync());
        var exported = await ExportAsync(db, ExportFormat.Csv);
        var failures = new List<string>();
        foreach (var bad in BadInputs())
        {
            try
            {
                var result = await ImportAsync(db, WriteBytes(db, bad.FileName, bad.Bytes));
                AssertReported(bad.Name, result, bad.Errors);
                Assert.Equal($"{bad.Name}: {snapshot}", $"{bad.Name}: {Describe(await db.SnapshotAsync())}");
                var now = await ExportAsync(db, ExportFormat.Csv);
                Assert.True(exported.SequenceEqual(now), $"{bad.Name}: the people in the registry changed");
            }
            catch (Exception e)
            {
                // Every case is tried, so that one failure does not hide another.
                failures.Add(e is Xunit.Sdk.XunitException ? e.Message : $"{bad.Name}: the import threw {e}");
                snapshot = Describe(await db.SnapshotAsync());
                exported = await ExportAsync(db, ExportFormat.Csv);
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {BadInputs().Count} bad files were not handled right:\n\n{string.Join("\n\n", failures)}");
    }

    /// <summary>The catalogue of bad files; every one also holds valid rows that would change the registry.</summary>
    private static List<BadInput> BadInputs()
    {
        var nextYear = DateTime.UtcNow.Year + 1;
        return
        [
            Csv("missing column name", "external_id,gender,notes\nP-001,m,Released in 2020\nP-010,m,\n",
                At(1, "name", "required column is missing")),
            Csv("missing column external_id", "Name,Gender\nНұрлан Бекұлы,m\n",
                At(1, "external_id", "required column is missing")),
            Csv("unknown column", $"{Header},nickname\n{UpdateP001},Kuka\n{NewP010},\n",
                At(1, "nickname", "unknown column \"nickname\"")),
            Csv("non-numeric birth year", Rows(UpdateP001, Line(birthYear: "nineteen eighty-eight"), NewP010),
                At(3, "birth_year", "\"nineteen eighty-eight\" is not a year")),
            Csv("birth year too early", Rows(UpdateP001, Line(birthYear: "1850"), NewP010),
                At(3, "birth_year", "1850 is not a plausible birth year")),
            Csv("birth year in the future", Rows(UpdateP001, Line(birthYear: nextYear.ToString(CultureInfo.InvariantCulture)), NewP010),
                At(3, "birth_year", $"{nextYear} is not a plausible birth year")),
            Csv("bad gender", Rows(UpdateP001, Line(gender: "x"), NewP010),
                At(3, "gender", "\"x\" is not a gender", "m, f or unknown")),
            Csv("bad status", Rows(UpdateP001, Line(status: "jailed"), NewP010),
                At(3, "status", "\"jailed\" is not a status", "in-camp")),
            Csv("bad confidentiality", Rows(UpdateP001, Line(confidentiality: "secret"), NewP010),
                At(3, "confidentiality", "\"secret\" is not a confidentiality level", "public")),
            Csv("empty name", Rows(UpdateP001, Line(name: ""), NewP010),
                At(3, "name", "is required")),
            Csv("empty external_id", Rows(UpdateP001, Line(id: " "), NewP010),
                At(3, "external_id", "is required")),
            Csv("script prefix without a name", Rows(UpdateP001, Line(name: "kk-Cyrl:"), NewP010),
                At(3, "name", "has a script but no name")),
            Csv("unknown kind of name", Rows(UpdateP001, Line(names: "kk-Cyrl/nickname:Әлиш"), NewP010),
                At(3, "names", "\"nickname\" is not a kind of name")),
            Csv("hometown with an empty level", Rows(UpdateP001, Line(hometown: "China >  > Tacheng"), NewP010),
                At(3, "hometown", "has an empty level")),
            Csv("duplicate external_id", Rows(NewP010, UpdateP001, NewP010.Replace("Нұрлан Бекұлы", "Нұрлан Бекович", StringComparison.Ordinal)),
                At(4, "external_id", "\"P-010\" already appears in row 2")),
            new("invalid UTF-8 (a Latin-1 letter) after a multi-line field", "latin1.csv",
                [
                    .. Utf8(Rows(UpdateP001, Line(notes: "\"Seen in Urumqi\nin 2019\""))),
                    .. Utf8("P-012,Sarsenbay"), 0xE4, .. Utf8(",,m,1970,Kazakh,PRC,,detained,,restricted\n"),
                    .. Utf8(NewP010 + "\n"),
                ],
                [At(4, null, "not valid UTF-8")]),
            new("invalid UTF-8 (a stray byte) in the header", "stray.csv", [.. Utf8("external_id,na"), 0xFF, .. Utf8("me\nP-010,Нұрлан Бекұлы\n")],
                [At(1, null, "not valid UTF-8")]),
            new("empty file", "empty.csv", [], [At(1, null, "empty")]),
            new("file with only a byte order mark", "bom-only.csv", [0xEF, 0xBB, 0xBF], [At(1, null, "empty")]),
            Csv("last row cut short (too few fields)", $"{Header}\n{UpdateP001}\n{NewP010}\nP-011,Әлия Серікқызы,,f",
                At(4, null, "has 4 fields but the header has 11", "cut short")),
            Csv("last row cut short (quoted field never closed)",
                $"{Header}\n{UpdateP001}\n{NewP010}\nP-011,Әлия Серікқызы,,f,1988,Kazakh,PRC,,missing,\"Last seen at the Khorgos crossing,",
                At(4, null, "never closed")),
            Csv("row with too many fields", Rows(UpdateP001, Line(notes: "Seen in Gulja, then moved"), NewP010),
                At(3, null, "has 12 fields but the header has 11", "double quotes")),
            Csv("several errors",
                $"{Header}\n" +
                $"{Line(id: "P-011", gender: "x")}\n" +
                $"{UpdateP001}\n" +
                $"{Line(id: "P-012", birthYear: "19x5", status: "jailed")}\n" +
                $"{Line(id: "P-011", name: "Әлия Серікқызы")}\n" +
                $"{NewP010}\n" +
                "P-013,Ерлан",
                At(2, "gender", "\"x\""), At(4, "birth_year", "\"19x5\""), At(4, "status", "\"jailed\""),
                At(5, "external_id", "already appears in row 2"), At(7, null, "has 2 fields")),

            Json("JSON with an unknown field", $"[\n  {NewP010Json},\n  {{\"external_id\": \"P-001\", \"name\": \"Құнболат Ерланұлы\", \"nickname\": \"Kuka\"}}\n]\n",
                At(2, "nickname", "unknown field \"nickname\"")),
            Json("invalid JSON (a missing comma)", $"[\n  {NewP010Json}\n  {{\"external_id\": \"P-001\", \"name\": \"Құнболат Ерланұлы\"}}\n]\n",
                At(3, null, "not valid JSON", "line 3")),
            Json("JSON cut short", $"[\n  {NewP010Json},\n  {{\"external_id\": \"P-001\", \"name\": \"Құнболат",
                At(3, null, "not valid JSON")),
            Json("JSON whose root is not an array", NewP010Json,
                At(1, null, "expected a JSON array")),
            Json("JSON item that is not an object", $"[{NewP010Json}, \"P-011\"]",
                At(2, null, "item 2 is not an object")),
            Json("JSON with bad values",
                "[{\"external_id\": \"P-011\", \"name\": \"Әлия Серікқызы\", \"gender\": \"x\"}, " +
                "{\"external_id\": \"P-012\", \"name\": \"Ерлан Асқарұлы\", \"birth_year\": 1850}, " +
                "{\"external_id\": \"P-013\", \"name\": \"Ержан Тұрсын\", \"birth_year\": \"nineteen\"}, " +
                "{\"external_id\": \"P-014\", \"name\": \"Гүлнар Тоқтарқызы\", \"confidentiality\": \"secret\", \"status\": \"jailed\"}, " +
                $"{NewP010Json}]",
                At(1, "gender", "\"x\" is not a gender"), At(2, "birth_year", "1850 is not a plausible birth year"),
                At(3, "birth_year", "\"nineteen\" is not a year"), At(4, "status", "\"jailed\" is not a status"),
                At(4, "confidentiality", "\"secret\" is not a confidentiality level")),
            Json("JSON with a duplicate external_id", $"[{NewP010Json}, {{\"external_id\": \"P-001\", \"name\": \"Құнболат Ерланұлы\"}}, {NewP010Json}]",
                At(3, "external_id", "\"P-010\" already appears in row 1")),
            Json("JSON name that is not a string", "[{\"external_id\": \"P-011\", \"name\": \"Әлия Серікқызы\", \"names\": [\"Aliya\", 5]}]",
                At(1, "names", "each name is a string")),
            Json("JSON value that is an object", "[{\"external_id\": \"P-011\", \"name\": {\"kk-Cyrl\": \"Әлия\"}}]",
                At(1, "name", "expected text or a number")),
            new("empty JSON file", "empty.json", [], [At(1, null, "empty")]),

            // The bad byte is in item 2, on line 2: the row is 2 whether items or lines are counted.
            new("JSON with invalid UTF-8", "latin1.json",
                [.. Utf8($"[{NewP010Json},\n  {{\"external_id\": \"P-012\", \"name\": \"Sarsenbay"), 0xE4, .. Utf8("\"}\n]\n")],
                [At(2, null, "not valid UTF-8")]),
        ];
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_full_file_is_imported_with_every_column(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        var result = await ImportValidAsync(db, "registry.csv", Registry);

        Assert.Equal((3, 0), (result.Imported, result.Updated));
        var p1 = await PersonAsync(db, "P-001");
        Assert.Equal(
            new[]
            {
                new PersonName("Құнболат Ерланұлы", Script.KazakhCyrillic, NameKind.Primary),
                new PersonName("قۇنبولات ئېرلان", Script.UyghurArabic, NameKind.Alias),
                new PersonName("Kunbolat Erlanuly", Script.English, NameKind.Alias),
            },
            p1.Names);
        Assert.Equal(Gender.Male, p1.Gender);
        Assert.Equal(1971, p1.BirthYear);
        Assert.Equal("Kazakh", p1.Ethnicity);
        Assert.Equal(new[] { "PRC" }, p1.Citizenships);
        Assert.Equal("China > Xinjiang > Ili > Gulja", await PlacePathAsync(db, p1.HometownId));
        Assert.Equal(PersonStatus.InCamp, p1.ReportedStatus);
        Assert.Equal("Taken in spring 2018", p1.Notes);
        Assert.Equal(Confidentiality.Restricted, p1.Confidentiality);
        Assert.Equal(1, p1.Version);

        var p2 = await PersonAsync(db, "P-002");
        Assert.Equal(new PersonName("阿依古丽·买买提", Script.Chinese, NameKind.OfficialChinese), p2.Names[2]);
        Assert.Equal((Gender.Female, PersonStatus.Missing, Confidentiality.Confidential), (p2.Gender, p2.ReportedStatus, p2.Confidentiality));
        Assert.Null(p2.Notes);

        var p3 = await PersonAsync(db, "P-003");
        Assert.Equal(new PersonName("努尔江·沙肯", Script.Chinese, NameKind.Primary), p3.PrimaryName);
        Assert.Equal(new[] { "PRC", "Kazakhstan" }, p3.Citizenships);
        Assert.Equal(Confidentiality.Public, p3.Confidentiality);

        var counts = await Stats.CountAsync(db.Database);
        Assert.Equal((3, RegistryPlaces), (counts.Persons, counts.Places));
        Assert.Equal(4, await db.RowsAsync("person_citizenships"));
        Assert.Equal(3 + RegistryPlaces, await db.RowsAsync("revisions"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_byte_order_mark_is_tolerated_and_header_names_match_in_any_case_and_order(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        byte[] file =
        [
            0xEF, 0xBB, 0xBF,
            .. Utf8("Notes, Gender ,NAME,External_ID,Birth_Year,CONFIDENTIALITY\r\n" +
                    "\"Reported by her brother, in Almaty\",F,Әлия Серікқызы,K-1,1988,Public\r\n" +
                    "Reported at the consulate,M,Ерлан Асқарұлы,K-2,1979,restricted\r\n"),
        ];

        var result = await ImportAsync(db, WriteBytes(db, "bom.csv", file));

        Assert.True(result.Ok, string.Join("; ", result.Errors));
        Assert.Equal((2, 0), (result.Imported, result.Updated));
        var aliya = await PersonAsync(db, "K-1");
        Assert.Equal(new PersonName("Әлия Серікқызы", Script.KazakhCyrillic, NameKind.Primary), Assert.Single(aliya.Names));
        Assert.Equal((Gender.Female, 1988, "Reported by her brother, in Almaty", Confidentiality.Public),
            (aliya.Gender, aliya.BirthYear, aliya.Notes, aliya.Confidentiality));
        var yerlan = await PersonAsync(db, "K-2");
        Assert.Equal((Gender.Male, 1979, PersonStatus.Unknown, Confidentiality.Restricted),
            (yerlan.Gender, yerlan.BirthYear, yerlan.ReportedStatus, yerlan.Confidentiality));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Quoted_fields_keep_commas_quotes_and_line_breaks(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        const string file =
            "external_id,name,names,gender,notes\n" +
            "Q-1,\"Серікбай, Ержан\",,m,\"He said \"\"come back\"\" on the phone, then the line went dead\"\n" +
            "Q-2,Гүлнар Тоқтарқызы,,f,\"First line\nsecond line\nthird line\"\n" +
            "Q-3,Ахмет Ұлан,\"kk-Cyrl/birth:Ахмет, Ұлан|Ahmet Ulan\",m,\"Line one\r\nline two\"\n";

        var result = await ImportValidAsync(db, "quoted.csv", file);

        Assert.Equal(3, result.Imported);
        var q1 = await PersonAsync(db, "Q-1");
        Assert.Equal("Серікбай, Ержан", q1.PrimaryName.Text);
        Assert.Equal("He said \"come back\" on the phone, then the line went dead", q1.Notes);
        Assert.Equal("First line\nsecond line\nthird line", (await PersonAsync(db, "Q-2")).Notes);
        var q3 = await PersonAsync(db, "Q-3");
        Assert.Equal("Line one\r\nline two", q3.Notes);
        Assert.Equal(
            new[]
            {
                new PersonName("Ахмет Ұлан", Script.KazakhCyrillic, NameKind.Primary),
                new PersonName("Ахмет, Ұлан", Script.KazakhCyrillic, NameKind.Birth),
                new PersonName("Ahmet Ulan", Script.English, NameKind.Alias),
            },
            q3.Names);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Rows_after_a_multi_line_field_are_numbered_by_record_as_a_spreadsheet_shows_them(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        const string file =
            "external_id,name,gender,notes\n" +
            "R-1,Гүлнар Тоқтарқызы,f,\"First line\nsecond line\nthird line\"\n" + // row 2, lines 2-4
            "R-2,Серікбай Ержан,x,\n" + // row 3, line 5
            "R-3,Ахмет Ұлан,m,\"one\r\ntwo\"\n" + // row 4, lines 6-7
            "R-4,Ерлан Асқарұлы,m,ok\n" + // row 5, line 8
            "R-5,Әсел Нұрқызы,q,\"\"\n" + // row 6, line 9
            "R-6,Ержан Бекұлы"; // row 7, line 10: cut short
        var before = Describe(await db.SnapshotAsync());

        var result = await ImportAsync(db, "multiline.csv", file);

        AssertReported("multi-line fields", result, At(3, "gender", "\"x\""), At(6, "gender", "\"q\""), At(7, null, "has 2 fields"));
        Assert.Equal(before, Describe(await db.SnapshotAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Blank_lines_are_skipped_but_keep_their_row_numbers(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        const string file = "external_id,name,gender\n\nB-1,Айжан Серікқызы,f\n\r\n\nB-2,Ержан Бекұлы,{0}\n\n";

        var bad = await ImportAsync(db, "blank-bad.csv", string.Format(CultureInfo.InvariantCulture, file, "x"));
        var good = await ImportAsync(db, "blank.csv", string.Format(CultureInfo.InvariantCulture, file, "m"));

        AssertReported("blank lines", bad, At(6, "gender", "\"x\""));
        Assert.True(good.Ok, string.Join("; ", good.Errors));
        Assert.Equal(2, good.Imported);
        Assert.Equal(2, await db.RowsAsync("persons"));
        Assert.Equal(Gender.Male, (await PersonAsync(db, "B-2")).Gender);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Names_take_a_script_and_kind_prefix_and_the_script_is_detected_without_one(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        const string file =
            "external_id,name,names\n" +
            "N-1,kk-Latn:Qaisha Aqan,\"zh-Hans/official-chinese:阿依夏·阿坎|ug-Arab/birth:قايشا ئاقان|kk-Cyrl/patronymic:Ақанқызы|" +
            "ug-Latn:Qaysha Aqan|Қайша Ақан|قايشا ئاقانوۋا|艾克夏|Nickname: Kaka\"\n" +
            "N-2,Жанар Исақызы,KK-CYRL/BIRTH:Жанар Исаева| ug-Arab : جانار \n" +
            "N-3,ئابلىمىت تۇرسۇن,\n" +
            "N-4,阿布都热依木,\n" +
            "N-5,Abdurehim Tursun,\n";

        await ImportValidAsync(db, "names.csv", file);

        Assert.Equal(
            new[]
            {
                new PersonName("Qaisha Aqan", Script.KazakhLatin, NameKind.Primary),
                new PersonName("阿依夏·阿坎", Script.Chinese, NameKind.OfficialChinese),
                new PersonName("قايشا ئاقان", Script.UyghurArabic, NameKind.Birth),
                new PersonName("Ақанқызы", Script.KazakhCyrillic, NameKind.Patronymic),
                new PersonName("Qaysha Aqan", Script.UyghurLatin, NameKind.Alias),
                new PersonName("Қайша Ақан", Script.KazakhCyrillic, NameKind.Alias),
                new PersonName("قايشا ئاقانوۋا", Script.UyghurArabic, NameKind.Alias),
                new PersonName("艾克夏", Script.Chinese, NameKind.Alias),
                new PersonName("Nickname: Kaka", Script.English, NameKind.Alias),
            },
            (await PersonAsync(db, "N-1")).Names);
        Assert.Equal(
            new[]
            {
                new PersonName("Жанар Исақызы", Script.KazakhCyrillic, NameKind.Primary),
                new PersonName("Жанар Исаева", Script.KazakhCyrillic, NameKind.Birth),
                new PersonName("جانار", Script.UyghurArabic, NameKind.Alias),
            },
            (await PersonAsync(db, "N-2")).Names);
        Assert.Equal(Script.UyghurArabic, (await PersonAsync(db, "N-3")).PrimaryName.Script);
        Assert.Equal(Script.Chinese, (await PersonAsync(db, "N-4")).PrimaryName.Script);
        Assert.Equal(Script.English, (await PersonAsync(db, "N-5")).PrimaryName.Script);
        Assert.Equal(9 + 3 + 1 + 1 + 1, await db.RowsAsync("person_names"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Hometowns_create_each_place_once_and_reuse_places_across_rows_and_imports(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Store.CreateAsync(Build.Place("Kazakhstan", kind: PlaceKind.Country), "editor");

        await ImportValidAsync(db, "hometowns.csv",
            "external_id,name,hometown\n" +
            "H-1,Айжан Серікқызы,China > Xinjiang > Ili > Gulja\n" +
            "H-2,Ержан Бекұлы,China > Xinjiang > Ili > Gulja\n" +
            "H-3,Нұрлан Асқарұлы,China > Xinjiang > Ili > Emin\n" +
            "H-4,Әсел Нұрқызы,Kazakhstan > Almaty\n" +
            "H-5,Ерлан Тұрсын,\n");

        Assert.Equal(
            new[]
            {
                "China", "China > Xinjiang", "China > Xinjiang > Ili", "China > Xinjiang > Ili > Emin", "China > Xinjiang > Ili > Gulja",
                "Kazakhstan", "Kazakhstan > Almaty",
            },
            await PlacePathsAsync(db));
        Assert.Equal(7, await db.RowsAsync("places"));
        var gulja = (await PersonAsync(db, "H-1")).HometownId;
        Assert.NotNull(gulja);
        Assert.Equal(gulja, (await PersonAsync(db, "H-2")).HometownId);
        Assert.Equal("Kazakhstan > Almaty", await PlacePathAsync(db, (await PersonAsync(db, "H-4")).HometownId));
        Assert.Null((await PersonAsync(db, "H-5")).HometownId);
        var almaty = (await db.Store.GetAsync<Place>((await PersonAsync(db, "H-4")).HometownId!.Value))!;
        Assert.Equal("Almaty", almaty.Name);
        Assert.Equal("Kazakhstan", (await db.Store.GetAsync<Place>(almaty.ParentId!.Value))!.Name);

        await ImportValidAsync(db, "hometowns-2.csv",
            "external_id,name,hometown\n" +
            "H-6,Гүлнар Тоқтарқызы,China>Xinjiang>Ili>Gulja\n" +
            "H-7,Ахмет Ұлан, China > Xinjiang > Kashgar \n");

        Assert.Equal(8, await db.RowsAsync("places"));
        Assert.Contains("China > Xinjiang > Kashgar", await PlacePathsAsync(db));
        Assert.Equal(gulja, (await PersonAsync(db, "H-6")).HometownId);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Importing_the_same_file_again_updates_everyone_and_changes_nothing(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await ImportValidAsync(db, "registry.csv", Registry);
        var snapshot = Describe(await db.SnapshotAsync());
        var exported = await ExportAsync(db, ExportFormat.Csv);

        var again = await ImportValidAsync(db, "registry-again.csv", Registry);
        var asJson = await ImportValidAsync(db, "registry.json", RegistryJson);

        Assert.Equal((0, 3), (again.Imported, again.Updated));
        Assert.Equal((0, 3), (asJson.Imported, asJson.Updated));
        Assert.Equal(snapshot, Describe(await db.SnapshotAsync()));
        Assert.Equal(3 + RegistryPlaces, await db.RowsAsync("revisions"));
        Assert.Equal(exported, await ExportAsync(db, ExportFormat.Csv));
        foreach (var id in new[] { "P-001", "P-002", "P-003" })
        {
            Assert.Equal(1, (await PersonAsync(db, id)).Version);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Importing_with_a_changed_field_updates_it_with_exactly_one_revision(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await ImportValidAsync(db, "registry.csv", Registry);
        var revisions = await db.RowsAsync("revisions");
        var changed = Registry.Replace("missing,,confidential", "missing,Her sister reported her missing in 2019,confidential", StringComparison.Ordinal);
        Assert.NotEqual(Registry, changed);

        var result = await ImportValidAsync(db, "registry-changed.csv", changed);

        Assert.Equal((0, 3), (result.Imported, result.Updated));
        Assert.Equal(revisions + 1, await db.RowsAsync("revisions"));
        var aigul = await PersonAsync(db, "P-002");
        Assert.Equal("Her sister reported her missing in 2019", aigul.Notes);
        Assert.Equal(2, aigul.Version);
        var history = await db.Store.HistoryAsync(RecordKind.Person, aigul.Id);
        Assert.Equal(new[] { RevisionAction.Create, RevisionAction.Update }, history.Select(h => h.Action));
        Assert.Equal("notes", Assert.Single(history[1].Changes).Field);
        Assert.Equal("import-test", history[1].Actor);
        Assert.Equal(1, await RevisionsOfAsync(db, "person", (await PersonAsync(db, "P-001")).Id));
        Assert.Equal(1, await RevisionsOfAsync(db, "person", (await PersonAsync(db, "P-003")).Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_file_with_only_some_columns_changes_only_those_columns(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await ImportValidAsync(db, "registry.csv", Registry);
        var before = await PersonAsync(db, "P-001");

        var result = await ImportValidAsync(db, "status.csv", "external_id,name,status\nP-001,Құнболат Ерланұлы,released\n");

        Assert.Equal((0, 1), (result.Imported, result.Updated));
        var after = await PersonAsync(db, "P-001");
        Assert.Equal(PersonStatus.Released, after.ReportedStatus);
        Assert.Equal(2, after.Version);
        Assert.Equal((before.Gender, before.BirthYear, before.Ethnicity, before.HometownId, before.Notes, before.Confidentiality),
            (after.Gender, after.BirthYear, after.Ethnicity, after.HometownId, after.Notes, after.Confidentiality));
        Assert.Equal(before.Names, after.Names);
        Assert.Equal(before.Citizenships, after.Citizenships);
        Assert.Equal(2, await RevisionsOfAsync(db, "person", after.Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_header_only_file_or_an_empty_array_imports_nobody_without_error(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await ImportValidAsync(db, "registry.csv", Registry);
        var snapshot = Describe(await db.SnapshotAsync());

        foreach (var (name, text) in new[]
                 {
                     ("header-only.csv", "external_id,name\n"), ("header-no-newline.csv", Header), ("header-crlf.csv", Header + "\r\n\r\n"),
                     ("empty-array.json", "[]"), ("empty-array-lines.json", "[\n]\n"),
                 })
        {
            var result = await ImportAsync(db, name, text);
            Assert.True(result.Ok, $"{name}: {string.Join("; ", result.Errors)}");
            Assert.Equal((name, 0, 0), (name, result.Imported, result.Updated));
        }

        Assert.Equal(snapshot, Describe(await db.SnapshotAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_JSON_file_takes_names_as_an_array_and_birth_year_as_a_number(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        const string file = """
            [
              {"external_id": "J-1", "name": "Жанар Исақызы", "names": ["ug-Arab:جانار ئىسا", "zh-Hans/official-chinese:加娜尔·伊萨", "Zhanar Isakyzy"],
               "gender": "f", "birth_year": 1979, "ethnicity": "Kazakh", "citizenship": ["PRC", "Kazakhstan"],
               "hometown": "China > Xinjiang > Tacheng > Dorbiljin", "status": "imprisoned", "notes": "Sentenced, term unknown", "confidentiality": "confidential"},
              {"External_ID": "J-2", "Name": "مەمەتجان ئابلا", "birth_year": "1990", "notes": null, "names": null}
            ]
            """;

        var result = await ImportValidAsync(db, "people.json", file);

        Assert.Equal((2, 0), (result.Imported, result.Updated));
        var zhanar = await PersonAsync(db, "J-1");
        Assert.Equal(
            new[]
            {
                new PersonName("Жанар Исақызы", Script.KazakhCyrillic, NameKind.Primary),
                new PersonName("جانار ئىسا", Script.UyghurArabic, NameKind.Alias),
                new PersonName("加娜尔·伊萨", Script.Chinese, NameKind.OfficialChinese),
                new PersonName("Zhanar Isakyzy", Script.English, NameKind.Alias),
            },
            zhanar.Names);
        Assert.Equal((Gender.Female, 1979, "Kazakh", PersonStatus.Imprisoned, "Sentenced, term unknown", Confidentiality.Confidential),
            (zhanar.Gender, zhanar.BirthYear, zhanar.Ethnicity, zhanar.ReportedStatus, zhanar.Notes, zhanar.Confidentiality));
        Assert.Equal(new[] { "PRC", "Kazakhstan" }, zhanar.Citizenships);
        Assert.Equal("China > Xinjiang > Tacheng > Dorbiljin", await PlacePathAsync(db, zhanar.HometownId));
        var memetjan = await PersonAsync(db, "J-2");
        Assert.Equal(new PersonName("مەمەتجان ئابلا", Script.UyghurArabic, NameKind.Primary), Assert.Single(memetjan.Names));
        Assert.Equal(1990, memetjan.BirthYear);
        Assert.Null(memetjan.Notes);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_file_larger_than_one_batch_is_imported_whole_or_not_at_all(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        const int count = 4500; // the import writes in batches of 4000 inside its one transaction
        string[] towns = ["China > Xinjiang > Ili > Gulja", "China > Xinjiang > Altay > Burqin", "Kazakhstan > Almaty"];
        string People(string prefix, int badRow)
        {
            var text = new StringBuilder("external_id,name,names,gender,birth_year,hometown\n");
            for (var i = 1; i <= count; i++)
            {
                var row = i + 1;
                text.Append(CultureInfo.InvariantCulture,
                    $"{prefix}-{i:D5},Сынақ Адамұлы {i},ug-Arab:سىناق {i},{(row == badRow ? "x" : i % 2 == 0 ? "f" : "m")},{1940 + (i % 70)},{towns[i % 3]}\n");
            }

            return text.ToString();
        }

        var good = await ImportValidAsync(db, "big.csv", People("A", 0));
        var snapshot = Describe(await db.SnapshotAsync());
        var bad = await ImportAsync(db, "big-bad.csv", People("B", 4400));

        Assert.Equal((count, 0), (good.Imported, good.Updated));
        Assert.Equal(count, await db.RowsAsync("persons"));
        Assert.Equal(2 * count, await db.RowsAsync("person_names"));
        Assert.Equal(8, await db.RowsAsync("places"));
        Assert.Equal(count + 8, await db.RowsAsync("revisions"));
        Assert.Equal("Сынақ Адамұлы 4321", (await PersonAsync(db, "A-04321")).PrimaryName.Text);
        AssertReported("an error after the first batch", bad, At(4400, "gender", "\"x\""));
        Assert.Equal(snapshot, Describe(await db.SnapshotAsync()));
        Assert.Null(await PersonIdAsync(db, "B-00001"));
    }

    private static string Describe(IReadOnlyDictionary<string, long> snapshot) =>
        string.Join(", ", snapshot.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}"));

    /// <summary>A data row for the full header, valid unless a value is changed.</summary>
    private static string Line(string id = "P-011", string name = "Әлия Серікқызы", string names = "", string gender = "f", string birthYear = "1988",
        string ethnicity = "Kazakh", string citizenship = "PRC", string hometown = "China > Xinjiang > Tacheng > Dorbiljin", string status = "missing",
        string notes = "", string confidentiality = "restricted") =>
        string.Join(',', id, name, names, gender, birthYear, ethnicity, citizenship, hometown, status, notes, confidentiality);

    private static string Rows(params string[] rows) => Header + "\n" + string.Join("\n", rows) + "\n";

    private static BadInput Csv(string name, string text, params ExpectedError[] errors) =>
        new(name, Slug(name) + ".csv", Utf8(text), errors);

    private static BadInput Json(string name, string text, params ExpectedError[] errors) =>
        new(name, Slug(name) + ".json", Utf8(text), errors);

    private static string Slug(string name) => new(name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());

    private sealed record BadInput(string Name, string FileName, byte[] Bytes, ExpectedError[] Errors);
}
