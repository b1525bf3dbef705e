using Kuager.Names;

namespace Kuager.Core.Tests.Names;

public class NameTextTests
{
    [Theory]
    [InlineData("  Ilham   Tohti  ", "Ilham Tohti")]
    [InlineData("Ilham\tTohti\r\n", "Ilham Tohti")]
    [InlineData("Ilham\u00A0Tohti", "Ilham Tohti")] // no-break space
    [InlineData("伊力哈木\u3000土赫提", "伊力哈木 土赫提")] // ideographic space
    [InlineData("", "")]
    [InlineData(" \t\n ", "")]
    public void Whitespace_is_trimmed_and_collapsed(string text, string expected) =>
        Assert.Equal(expected, NameText.Normalize(text));

    [Theory]
    [InlineData("O\u2019Brien", "O'Brien")]
    [InlineData("O\u2018Brien", "O'Brien")]
    [InlineData("Ma\u02BCrip", "Ma'rip")]
    [InlineData("Ma`rip", "Ma'rip")]
    [InlineData("Ma\u00B4rip", "Ma'rip")] // NFKC alone would make this a space and a combining accent
    [InlineData("Ma'rip", "Ma'rip")]
    public void Apostrophes_are_unified(string text, string expected) =>
        Assert.Equal(expected, NameText.Normalize(text));

    [Theory]
    [InlineData("伊力哈木\u30FB土赫提", "伊力哈木·土赫提")] // katakana middle dot
    [InlineData("伊力哈木\u2027土赫提", "伊力哈木·土赫提")] // hyphenation point
    [InlineData("伊力哈木\uFF0E土赫提", "伊力哈木·土赫提")] // full-width full stop (NFKC alone would give '.')
    [InlineData("伊力哈木\u2022土赫提", "伊力哈木·土赫提")] // bullet
    [InlineData("伊力哈木\uFF65土赫提", "伊力哈木·土赫提")] // half-width katakana middle dot, via NFKC
    [InlineData("伊力哈木·土赫提", "伊力哈木·土赫提")]
    public void Middle_dots_are_unified(string text, string expected) =>
        Assert.Equal(expected, NameText.Normalize(text));

    [Theory]
    [InlineData("Il\u200Bham", "Ilham")]
    [InlineData("Il\u200Cham\u200D", "Ilham")]
    [InlineData("\uFEFFIlham", "Ilham")]
    [InlineData("\u200Fئىلھام توختى\u200E", "ئىلھام توختى")]
    [InlineData("\u202Bئىلھام\u202C Tohti", "ئىلھام Tohti")]
    [InlineData("\u202Aa\u202Db\u202E", "ab")]
    [InlineData("Ilham \u200B Tohti", "Ilham Tohti")]
    [InlineData(" \u200B ", "")]
    public void Invisible_characters_are_removed(string text, string expected) =>
        Assert.Equal(expected, NameText.Normalize(text));

    [Theory]
    // ئىلھام in presentation forms folds to the base letters.
    [InlineData("\uFE8B\uFBE9\uFEE0\uFBAD\uFE8E\uFEE1", "ئىلھام")]
    [InlineData("\uFF29\uFF4C\uFF48\uFF41\uFF4D", "Ilham")] // full-width Latin
    [InlineData("Abdurehim He\u0301yit", "Abdurehim Héyit")] // composed
    [InlineData("He\u200B\u0301yit", "Héyit")] // composed even with an invisible char in between
    public void Nfkc_is_applied(string text, string expected) =>
        Assert.Equal(expected, NameText.Normalize(text));

    [Theory]
    [InlineData("ILHAM tohti")]
    [InlineData("Тоқаев Қасым-Жомарт")]
    [InlineData("Jänibek Ürümchi")]
    [InlineData("ئىلھام توختى")]
    public void Clean_text_is_unchanged_and_case_is_kept(string text) =>
        Assert.Equal(text, NameText.Normalize(text));
}
