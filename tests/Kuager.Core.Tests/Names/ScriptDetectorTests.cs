using Kuager.Names;

namespace Kuager.Core.Tests.Names;

public class ScriptDetectorTests
{
    [Theory]
    // Kazakh Cyrillic: any of ә ғ қ ң ө ұ ү һ і.
    [InlineData("Құнболат", "kk-Cyrl")]
    [InlineData("Тоқаев", "kk-Cyrl")]
    [InlineData("Бауыржан Момышұлы", "kk-Cyrl")]
    [InlineData("Ілияс Жансүгіров", "kk-Cyrl")]
    [InlineData("Әлихан Бөкейхан", "kk-Cyrl")]
    [InlineData("ҚҰНБОЛАТ", "kk-Cyrl")]
    // Only Russian letters: a Kazakh name written the Russian way cannot be told apart.
    [InlineData("Токаев", "ru-Cyrl")]
    [InlineData("Назарбаев", "ru-Cyrl")]
    [InlineData("Серик Ахметов", "ru-Cyrl")]
    [InlineData("Бауыржан", "ru-Cyrl")]
    [InlineData("Кульджа", "ru-Cyrl")]
    // Uyghur Cyrillic: җ, unless Kazakh-only letters outnumber it.
    [InlineData("Әхмәтҗан Қасими", "ug-Cyrl")]
    [InlineData("Җамал", "ug-Cyrl")]
    [InlineData("ӘХМӘТҖАН", "ug-Cyrl")]
    [InlineData("Әхмәтҗан Нұрсұлтанұлы", "kk-Cyrl")]
    public void Cyrillic(string text, string expected) => Assert.Equal(expected, ScriptDetector.Detect(text).Code());

    [Theory]
    [InlineData("ئىلھام توختى", "ug-Arab")]
    [InlineData("ئۈرۈمچى", "ug-Arab")]
    // ئىلھام in presentation forms, as pasted from some PDFs.
    [InlineData("\uFE8B\uFBE9\uFEE0\uFBAD\uFE8E\uFEE1", "ug-Arab")]
    [InlineData("伊力哈木·土赫提", "zh-Hans")]
    [InlineData("买买提", "zh-Hans")]
    [InlineData("\u3400\u4DB5", "zh-Hans")] // Ext A
    [InlineData("\U00020000\U0002A6D6", "zh-Hans")] // Ext B (surrogate pairs)
    public void ArabicAndHan(string text, string expected) => Assert.Equal(expected, ScriptDetector.Detect(text).Code());

    [Theory]
    // Kazakh Latin: ä ğ ı ñ ş ū İ (2021) or ī (BGN); ö/ü with nothing Uyghur about them.
    [InlineData("Jänibek", "kk-Latn")]
    [InlineData("Nūrsūltan Äbişūly", "kk-Latn")]
    [InlineData("Qasym-Jomart Toqaev Kemelūly", "kk-Latn")]
    [InlineData("İlyas", "kk-Latn")]
    [InlineData("Tölegen", "kk-Latn")]
    [InlineData("Tölegen Qūdaibergen", "kk-Latn")]
    [InlineData("Şärip Héyit", "kk-Latn")]
    // Uyghur Latin (ULY): é; an x that pinyin and English do not write; ö/ü with x, q or gh/ch/sh/zh.
    [InlineData("Ilham Toxti", "ug-Latn")]
    [InlineData("ILHAM TOXTI", "ug-Latn")]
    [InlineData("Ürümchi", "ug-Latn")]
    [InlineData("Ürümqi", "ug-Latn")]
    [InlineData("Abdurehim Héyit", "ug-Latn")]
    [InlineData("Shöhret Hoshur", "ug-Latn")]
    [InlineData("Xadiche", "ug-Latn")]
    [InlineData("Abduxaliq", "ug-Latn")]
    // Press spelling (plain ASCII, nothing ULY-only): English.
    [InlineData("Tokayev", "en")]
    [InlineData("Qaisha Aqan", "en")]
    [InlineData("Ilham Tohti", "en")]
    [InlineData("Urumqi", "en")]
    [InlineData("Xinjiang", "en")]
    [InlineData("Xi Jinping", "en")]
    [InlineData("Alexander", "en")]
    public void Latin(string text, string expected) => Assert.Equal(expected, ScriptDetector.Detect(text).Code());

    [Theory]
    // Decomposed (NFD) letters count like composed ones.
    [InlineData("Abdurehim He\u0301yit", "ug-Latn")]
    [InlineData("Ja\u0308nibek", "kk-Latn")]
    [InlineData("To\u0308legen", "kk-Latn")]
    public void DecomposedLatin(string text, string expected) => Assert.Equal(expected, ScriptDetector.Detect(text).Code());

    [Theory]
    // The script with the most letters wins; on a tie the non-Latin one.
    [InlineData("Ilham Tohti 伊力哈木·土赫提", "en")]
    [InlineData("伊力哈木·土赫提 Ilham", "zh-Hans")]
    [InlineData("伊力 Il", "zh-Hans")]
    [InlineData("Тоқаев (Tokaev)", "kk-Cyrl")]
    [InlineData("Тоқаев (Tokayev)", "en")]
    [InlineData("ئىلھام Ilham", "ug-Arab")]
    // No letters at all.
    [InlineData("", "en")]
    [InlineData("   ", "en")]
    [InlineData("12 · 34 - ()", "en")]
    public void MixedAndEmpty(string text, string expected) => Assert.Equal(expected, ScriptDetector.Detect(text).Code());
}
