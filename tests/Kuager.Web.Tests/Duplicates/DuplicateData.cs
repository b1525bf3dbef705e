using Kuager.Core;
using Kuager.Names;
using Kuager.Storage.Tests;

namespace Kuager.Web.Tests.Duplicates;

/// <summary>
/// People as relatives' groups report them: the same man written in Latin and Kazakh Cyrillic with birth years a year
/// apart, the same woman in Kazakh and Russian spellings, and someone unrelated. Names are set here, never the
/// builder's default alias, so only these pairs look alike.
/// </summary>
internal sealed record DuplicateData(long Ili, Person Baibolat, Person Baibolat2, Person Gulnar, Person Gulnar2, Person Serik)
{
    /// <summary>China > Xinjiang > Ili, as the form's hometown path.</summary>
    public const string IliPath = "China > Xinjiang > Ili";

    public static async Task<long> IliAsync(KuagerApp app)
    {
        var china = await app.Store.CreateAsync(Build.Place("China") with { Confidentiality = Confidentiality.Public }, "test");
        var xinjiang = await app.Store.CreateAsync(Build.Place("Xinjiang", china.Id) with { Confidentiality = Confidentiality.Public }, "test");
        var ili = await app.Store.CreateAsync(Build.Place("Ili", xinjiang.Id) with { Confidentiality = Confidentiality.Public }, "test");
        return ili.Id;
    }

    public static Person Make(string externalId, Gender gender, int born, long? hometown, params (string Text, Script Script)[] names) => new()
    {
        ExternalId = externalId,
        Names = names.Select((n, i) => new PersonName(n.Text, n.Script, i == 0 ? NameKind.Primary : NameKind.Alias)).ToList(),
        Gender = gender,
        BirthDate = FuzzyDate.InYear(born),
        Ethnicity = "Kazakh",
        HometownId = hometown,
    };

    /// <summary>Baibolat Kunbolatuly of Ili, born 1975: the person already recorded.</summary>
    public static Person FirstBaibolat(long ili) =>
        Make("K-000101", Gender.Male, 1975, ili, ("Baibolat Kunbolatuly", Script.English), ("Байболат Құнболатұлы", Script.KazakhCyrillic));

    /// <summary>Only Baibolat, for the tests of entering him again.</summary>
    public static async Task<(long Ili, Person Baibolat)> BaibolatAsync(KuagerApp app)
    {
        var ili = await IliAsync(app);
        return (ili, await app.Store.CreateAsync(FirstBaibolat(ili), "test"));
    }

    /// <summary>Two likely pairs (Baibolat twice, Gulnar twice) and one person like nobody else.</summary>
    public static async Task<DuplicateData> PlantAsync(KuagerApp app)
    {
        var ili = await IliAsync(app);
        var baibolat = await app.Store.CreateAsync(FirstBaibolat(ili), "test");
        var baibolat2 = await app.Store.CreateAsync(
            Make("K-000102", Gender.Male, 1976, ili, ("Байболат Құнболатұлы", Script.KazakhCyrillic), ("Baybolat Kunbolatuly", Script.English)) with
            {
                Occupation = "herder",
            }, "test");
        var gulnar = await app.Store.CreateAsync(
            Make("K-000201", Gender.Female, 1980, null, ("Gulnar Omarova", Script.English), ("Гүлнар Омарова", Script.KazakhCyrillic)), "test");
        var gulnar2 = await app.Store.CreateAsync(
            Make("K-000202", Gender.Female, 1980, null, ("Гульнар Омарова", Script.RussianCyrillic), ("Gulnar Omarova", Script.English)), "test");
        var serik = await app.Store.CreateAsync(
            Make("K-000301", Gender.Male, 1962, null, ("Serik Zhanuly", Script.English)) with { Ethnicity = "Uyghur" }, "test");
        return new DuplicateData(ili, baibolat, baibolat2, gulnar, gulnar2, serik);
    }
}
