using Kuager.Core;
using Kuager.Names;
using Kuager.Storage;
using Kuager.Storage.Tests;

namespace Kuager.Web.Tests.Persons;

public sealed class SearchTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Search_finds_a_person_by_a_name_in_another_script(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var person = await app.Store.CreateAsync(Build.Person() with
        {
            ExternalId = "K-000042",
            Names =
            [
                new PersonName("Abdurehim Misal", Script.UyghurLatin, NameKind.Primary),
                new PersonName("ئابدۇرەھىم مىسال", Script.UyghurArabic, NameKind.Alias),
                new PersonName("Абдурехим Мисал", Script.RussianCyrillic, NameKind.Alias),
            ],
        }, "test");
        await app.AddPersonAsync("Someone Unrelated");

        var arabic = await app.PageAsync("/search?q=" + Uri.EscapeDataString("ئابدۇرەھىم"));
        var row = Assert.Single(arabic.QuerySelectorAll("table.search-results tbody tr"));
        Assert.Equal($"/persons/{person.Id}", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Abdurehim Misal", row.TextContent);
        Assert.Contains("K-000042", row.TextContent);
        Assert.Contains("Unknown", row.TextContent);
        var matched = row.QuerySelector("span.matched")!;
        Assert.Equal("ئابدۇرەھىم مىسال", matched.TextContent);
        Assert.Equal("rtl", matched.GetAttribute("dir"));

        var cyrillic = await app.PageAsync("/search?q=" + Uri.EscapeDataString("Мисал"));
        Assert.Equal("Абдурехим Мисал", Assert.Single(cyrillic.QuerySelectorAll("span.matched")).TextContent);

        var latin = await app.PageAsync("/search?q=misal");
        Assert.Equal("Abdurehim Misal", Assert.Single(latin.QuerySelectorAll("span.matched")).TextContent);

        var none = await app.PageAsync("/search?q=Zzyzx");
        Assert.Empty(none.QuerySelectorAll("table.search-results"));
        Assert.Contains("Zzyzx", none.QuerySelector(".no-results")!.TextContent);
    }
}
