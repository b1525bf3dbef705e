using Kuager.Names;

namespace Kuager.Core.Tests.Names;

public class NameKeysTests
{
    private static NamePart Single(string text)
    {
        var parts = NameKeys.Of(text).Parts;
        Assert.Single(parts);
        return parts[0];
    }

    private static string Keys(string text) => string.Join(" ", NameKeys.Of(text).Parts.Select(p => p.Key));

    [Theory]
    [InlineData("Тоқаев")] // Kazakh Cyrillic
    [InlineData("Токаев")] // Russian Cyrillic
    [InlineData("Tokayev")] // BGN/PCGN, press
    [InlineData("Tokaev")] // ICAO
    [InlineData("Toqaev")] // Kazakh Latin, RFE/RL
    [InlineData("Tokajev")] // German-style й
    [InlineData("TOKAYEV")]
    public void Tokayev_in_every_system_has_one_key(string spelling) => Assert.Equal("tokaev", Single(spelling).Key);

    [Theory]
    [InlineData("Nazarbayev")]
    [InlineData("Nazarbaev")]
    [InlineData("Назарбаев")]
    public void Nazarbayev_has_one_key(string spelling) => Assert.Equal("nazarbaev", Single(spelling).Key);

    [Theory]
    [InlineData("Ilham Tohti")]
    [InlineData("Ilham Toxti")] // ULY
    [InlineData("ئىلھام توختى")] // Uyghur Arabic
    [InlineData("伊力哈木·土赫提")] // Chinese
    [InlineData("伊力哈木\u30FB土赫提")] // katakana middle dot
    [InlineData("伊力哈木\uFF0E土赫提")] // full-width full stop
    [InlineData("伊力哈木\u2027土赫提")] // hyphenation point
    [InlineData("\uFE8B\uFBE9\uFEE0\uFBAD\uFE8E\uFEE1 توختى")] // ئىلھام in Arabic presentation forms
    [InlineData("ILHAM  TOHTI")]
    public void Ilham_Tohti_has_one_key_in_every_script(string spelling) => Assert.Equal("ilham tohti", Keys(spelling));

    [Theory]
    [InlineData("Ürümqi", "urumki")]
    [InlineData("Urumqi", "urumki")]
    [InlineData("Ürümchi", "urumci")]
    [InlineData("Qaraqash", "karakax")]
    [InlineData("Yerlan", "erlan")]
    [InlineData("Ерлан", "erlan")]
    [InlineData("Erlan", "erlan")]
    [InlineData("Baibolat", "baibolat")]
    [InlineData("Baybolat", "baibolat")]
    [InlineData("Ilyas", "ilyas")]
    [InlineData("Ilias", "ilyas")]
    [InlineData("Iliyas", "ilyas")]
    [InlineData("Mämmet", "mamet")] // doubled letters are one
    [InlineData("Jänibek", "janibek")] // Kazakh 2021
    [InlineData("Жәнібек", "janibek")] // Kazakh Cyrillic
    [InlineData("Zhanibek", "janibek")] // BGN
    [InlineData("Dzhanibek", "janibek")] // via Russian
    [InlineData("Ja'nibek", "janibek")] // Kazakh 2017 apostrophe
    [InlineData("Ğaliya", "galya")]
    [InlineData("G'aliya", "galya")]
    [InlineData("Ғалия", "galya")]
    [InlineData("Ghaliya", "galya")]
    [InlineData("Şärip", "xarip")]
    [InlineData("S'a'rip", "xarip")]
    [InlineData("Шәріп", "xarip")]
    [InlineData("Sharip", "xarip")]
    [InlineData("Ñurlan", "nurlan")]
    [InlineData("Ehmetjan", "ehmetjan")] // ULY
    [InlineData("Әхмәтҗан", "ehmetjan")] // Uyghur Cyrillic (җ makes it Uyghur: ә = e)
    [InlineData("Əhmətjan", "ehmetjan")] // older pinyin-based Uyghur script
    [InlineData("ئەخمەتجان", "ehmetjan")] // Uyghur Arabic
    [InlineData("Ⱪadir", "kadir")]
    [InlineData("Qadir", "kadir")]
    [InlineData("Kadir", "kadir")]
    [InlineData("Xöhrət", "xohret")] // older script: x = sh
    [InlineData("Shöhret", "xohret")]
    [InlineData("Şöhret", "xohret")] // common Turkic
    [InlineData("Dawlet", "daulet")]
    [InlineData("Däulet", "daulet")]
    [InlineData("Дәулет", "daulet")]
    public void Spellings_fold_to_the_key(string spelling, string key) => Assert.Equal(key, Single(spelling).Key);

    [Theory]
    [InlineData("Тоқаев", "toqaev")]
    [InlineData("Токаев", "tokayev")]
    [InlineData("Щукин", "shchukin")]
    [InlineData("Юлия", "yuliya")]
    [InlineData("Әлихан", "alikhan")]
    [InlineData("Ürümchi", "urumchi")]
    [InlineData("Nūrsūltan", "nursultan")]
    [InlineData("Héyit", "heyit")]
    public void Latin_is_lower_case_ascii_with_digraphs(string spelling, string latin)
    {
        var part = Single(spelling);
        Assert.Equal(latin, part.Latin);
        Assert.All(part.Latin, c => Assert.InRange(c, 'a', 'z'));
    }

    [Theory]
    [InlineData("Kunbolatuly")]
    [InlineData("Kunbolatuli")]
    [InlineData("Kunbolatūly")]
    [InlineData("Kunbolatulı")]
    [InlineData("Құнболатұлы")]
    [InlineData("Kunbolatov")]
    [InlineData("Kunbolatova")]
    [InlineData("Кунболатов")]
    [InlineData("Kunbolatovich")]
    [InlineData("Kunbolatovna")]
    [InlineData("Kunbolatqyzy")]
    [InlineData("Kunbolatkyzy")]
    [InlineData("Kunbolatqızı")]
    [InlineData("Құнболатқызы")]
    [InlineData("Kunbolat uly")] // written as two words: one part
    [InlineData("Құнболат ұлы")]
    public void Patronymics_and_surnames_have_the_fathers_name_as_root(string spelling)
    {
        var part = Single(spelling);
        Assert.Equal(Single("Kunbolat").Key, part.Root);
    }

    [Theory]
    [InlineData("Kunbolat")]
    [InlineData("Erkin")] // -in only counts after a stem of four letters or more
    [InlineData("Madina")]
    [InlineData("Ilham")]
    public void Plain_names_have_no_root(string spelling) => Assert.Null(Single(spelling).Root);

    [Fact]
    public void Initials_are_marked()
    {
        var parts = NameKeys.Of("A. Tursun").Parts;
        Assert.Equal(2, parts.Count);
        Assert.True(parts[0].IsInitial);
        Assert.Equal("a", parts[0].Latin);
        Assert.False(parts[1].IsInitial);

        Assert.True(Single("Ж.").IsInitial);
        Assert.False(Single("沙").IsInitial); // one character, a whole syllable
    }

    [Theory]
    [InlineData("买买提·吐尔逊", "memet tursun")]
    [InlineData("麦麦提·吐尔逊", "memet tursun")] // older and newer characters
    [InlineData("阿不都热西提", "abdurexit")]
    [InlineData("阿卜都热西提", "abdurexit")]
    [InlineData("肉孜", "rozi")]
    [InlineData("若孜", "rozi")]
    [InlineData("迪丽努尔", "dilnur")]
    [InlineData("古丽娜尔", "gulnar")]
    [InlineData("努尔兰", "nurlan")]
    [InlineData("艾力", "eli")]
    public void Chinese_transcriptions_read_back_as_Turkic(string chinese, string keys) => Assert.Equal(keys, Keys(chinese));

    [Fact]
    public void Chinese_parts_keep_their_pinyin_as_the_other_reading()
    {
        var parts = NameKeys.Of("伊力哈木·土赫提").Parts;
        Assert.Equal(["ilham", "tohti"], parts.Select(p => p.Latin));
        Assert.Equal(["yilihamu", "tuheti"], parts.Select(p => p.Alt));
    }

    [Fact]
    public void A_pinyin_spelling_gets_a_Turkic_reading()
    {
        var part = Single("Yilamujiang");
        Assert.Equal("yilamujiang", part.Latin);
        Assert.Equal("ilamjan", part.Alt);

        // Turkic names that do not split into pinyin syllables get none.
        Assert.Null(Single("Ilham").Alt);
        Assert.Null(Single("Tursun").Alt);
    }

    [Fact]
    public void An_x_may_also_be_sh()
    {
        var part = Single("Karakax");
        Assert.Equal("karakax", part.Latin);
        Assert.Equal("karakash", part.Alt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("12 - ()")]
    public void No_letters_no_parts(string text) => Assert.Empty(NameKeys.Of(text).Parts);

    [Fact]
    public void Script_is_detected_or_taken_as_given()
    {
        Assert.Equal(Script.KazakhCyrillic, NameKeys.Of("Тоқаев").Script);
        var given = NameKeys.Of("Әхмәт", Script.UyghurCyrillic);
        Assert.Equal(Script.UyghurCyrillic, given.Script);
        Assert.Equal("ekhmet", given.Parts[0].Latin); // Uyghur ә = e
        Assert.Equal("akhmat", NameKeys.Of("Әхмәт", Script.KazakhCyrillic).Parts[0].Latin); // Kazakh ә = ä
    }
}
