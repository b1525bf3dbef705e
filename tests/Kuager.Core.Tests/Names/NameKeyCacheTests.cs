using Kuager.Names;

namespace Kuager.Core.Tests.Names;

public sealed class NameKeyCacheTests
{
    [Theory]
    [InlineData("Кунболат Ерлан ұлы", Script.KazakhCyrillic)]
    [InlineData("Qūnbolat Erlanūly", Script.KazakhLatin)]
    [InlineData("ئىلھام توختى", Script.UyghurArabic)]
    [InlineData("伊力哈木·土赫提", Script.Chinese)]
    [InlineData("Ye. Kunbolatov", Script.English)]
    [InlineData("Abdu-Reshit Memet 1970", Script.English)]
    public void Gives_exactly_what_the_name_library_gives_and_shares_word_objects(string text, Script script)
    {
        var cache = new NameKeyCache();

        var first = cache.Of(text, script);
        var again = cache.Of(text, script);
        var plain = NameKeys.Of(text, script);

        Assert.Equal(plain.Text, first.Text);
        Assert.Equal(plain.Script, first.Script);
        Assert.Equal(plain.Parts, first.Parts);
        Assert.All(first.Parts.Zip(again.Parts).Where(p => !p.First.Text.Contains(' ', StringComparison.Ordinal)), p => Assert.Same(p.First, p.Second));
        Assert.True(cache.Count > 0);
    }
}
