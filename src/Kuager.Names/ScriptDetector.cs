namespace Kuager.Names;

/// <summary>Guesses which writing system a name is written in. Pure and allocation-free: one pass over the chars.</summary>
/// <remarks>
/// Letters are counted per script family (Han, Arabic, Cyrillic, Latin) and the family with the most letters wins;
/// on a tie the rarer family wins (Han, then Arabic, then Cyrillic, then Latin), because Latin is what a name falls
/// back to when nothing else is known. No letters at all gives <see cref="Script.English"/>.
/// Within a family only letters that one orthography has and its rivals lack count as evidence: a Kazakh name
/// spelled with Russian letters only ("Серик Ахметов", "Бауыржан") cannot be told from Russian, and a Uyghur or
/// Kazakh name in press spelling ("Qaisha Aqan", "Tokayev") cannot be told from English, so those stay
/// <see cref="Script.RussianCyrillic"/> and <see cref="Script.English"/>.
/// </remarks>
public static class ScriptDetector
{
    public static Script Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        int han = 0, arabic = 0, cyrillic = 0, latin = 0;

        // Cyrillic evidence. Kazakh and Uyghur Cyrillic share ә ғ қ ң ө ү һ; only Kazakh has ұ і; only Uyghur has җ.
        int cyrShared = 0, cyrKazakhOnly = 0, cyrUyghurOnly = 0;

        // Latin evidence. See DecideLatin for how it is weighed.
        int kazakhLatin = 0, eAcute = 0, oUmlaut = 0, strongX = 0, anyX = 0, anyQ = 0, turkicQ = 0, digraphs = 0;

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];

            if (c < 0x80)
            {
                var lower = (char)(c | 0x20);
                if (lower is < 'a' or > 'z')
                    continue;

                latin++;
                var prev = i > 0 ? text[i - 1] : ' ';
                var next = i + 1 < text.Length ? text[i + 1] : ' ';
                switch (lower)
                {
                    case 'x':
                        anyX++;
                        if (IsStrongUlyX(prev, next))
                            strongX++;
                        break;
                    case 'q':
                        anyQ++;
                        // Pinyin writes q only before i or u (Urumqi, Qiao); Turkic spellings put it anywhere (Aqan, Qadir).
                        if (!IsPinyinQxVowel(next))
                            turkicQ++;
                        break;
                    case 'h':
                        if ((char)(prev | 0x20) is 'c' or 's' or 'z' or 'g')
                            digraphs++;
                        break;
                }

                continue;
            }

            if (char.IsHighSurrogate(c))
            {
                // Planes 2 and 3 (U+20000-U+3FFFF) hold only CJK ideographs (Ext B onwards). Count the pair once.
                if (c is >= '\uD840' and <= '\uD8BF')
                    han++;
                continue;
            }

            if (c is >= '\u0300' and <= '\u036F')
            {
                // A combining mark on a Latin letter: text that was never composed (NFD) still shows its letters.
                var prev = i > 0 ? text[i - 1] : ' ';
                switch (CombinedLatin(prev, c))
                {
                    case LatinMark.Kazakh:
                        kazakhLatin++;
                        break;
                    case LatinMark.EAcute:
                        eAcute++;
                        break;
                    case LatinMark.OUmlaut:
                        oUmlaut++;
                        break;
                }

                continue;
            }

            if (!char.IsLetter(c))
                continue;

            if (c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF'))
            {
                han++;
            }
            else if (c is (>= '\u0600' and <= '\u06FF') or (>= '\u0750' and <= '\u077F') or (>= '\u08A0' and <= '\u08FF')
                     or (>= '\uFB50' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFF'))
            {
                arabic++;
            }
            else if (c is >= '\u0400' and <= '\u052F')
            {
                cyrillic++;
                switch (c)
                {
                    case 'ә' or 'Ә' or 'ғ' or 'Ғ' or 'қ' or 'Қ' or 'ң' or 'Ң' or 'ө' or 'Ө' or 'ү' or 'Ү' or 'һ' or 'Һ':
                        cyrShared++;
                        break;
                    case 'ұ' or 'Ұ' or 'і' or 'І':
                        cyrKazakhOnly++;
                        break;
                    case 'җ' or 'Җ':
                        cyrUyghurOnly++;
                        break;
                }
            }
            else if (c is (>= '\u00C0' and <= '\u024F') or (>= '\u1E00' and <= '\u1EFF'))
            {
                latin++;
                switch (c)
                {
                    // ī is BGN/PCGN Kazakh for и; ULY never writes it.
                    case 'ä' or 'Ä' or 'ğ' or 'Ğ' or 'ı' or 'İ' or 'ñ' or 'Ñ' or 'ş' or 'Ş' or 'ū' or 'Ū' or 'ī' or 'Ī':
                        kazakhLatin++;
                        break;
                    case 'é' or 'É':
                        eAcute++;
                        break;
                    case 'ö' or 'Ö' or 'ü' or 'Ü':
                        oUmlaut++;
                        break;
                }
            }
        }

        if (han == 0 && arabic == 0 && cyrillic == 0 && latin == 0)
            return Script.English;
        if (han >= arabic && han >= cyrillic && han >= latin)
            return Script.Chinese;
        if (arabic >= cyrillic && arabic >= latin)
            return Script.UyghurArabic;
        if (cyrillic >= latin)
            return DecideCyrillic(cyrShared, cyrKazakhOnly, cyrUyghurOnly);

        return DecideLatin(kazakhLatin, eAcute, oUmlaut, strongX, anyX, anyQ, turkicQ, digraphs);
    }

    private static Script DecideCyrillic(int shared, int kazakhOnly, int uyghurOnly)
    {
        // җ is the one letter Uyghur Cyrillic has and Kazakh lacks; without it the shared letters cannot tell the two
        // apart, and Kazakh is by far the more common in this registry. If both sides show their own letters (a mixed
        // list), the side with more of them wins.
        if (uyghurOnly > kazakhOnly)
            return Script.UyghurCyrillic;
        return shared + kazakhOnly > 0 ? Script.KazakhCyrillic : Script.RussianCyrillic;
    }

    private static Script DecideLatin(
        int kazakhLatin, int eAcute, int oUmlaut, int strongX, int anyX, int anyQ, int turkicQ, int digraphs)
    {
        // The 2021 Kazakh alphabet has ä ğ ı ñ ş ū (and İ) which ULY never uses; ULY has é and x which Kazakh 2021
        // never uses (it writes х as h). ö/ü and q belong to both, so on their own they only say "Turkic":
        // ö/ü with ULY's x, q or digraphs (Ürümchi, Ürümqi) means ULY, and ö/ü alone (Tölegen) is taken as Kazakh.
        // Without any diacritic, an x that pinyin or English would not write (Toxti, Xadiche), or an x next to a
        // Turkic q (Abduxaliq), still marks ULY; anything else in plain ASCII is press spelling.
        var uyghur = eAcute > 0
                     || strongX > 0
                     || (anyX > 0 && turkicQ > 0)
                     || (oUmlaut > 0 && anyX + anyQ + digraphs > 0);
        var kazakh = kazakhLatin > 0;

        if (uyghur && kazakh)
            return eAcute + anyX > kazakhLatin ? Script.UyghurLatin : Script.KazakhLatin;
        if (uyghur)
            return Script.UyghurLatin;
        if (kazakh || oUmlaut > 0)
            return Script.KazakhLatin;
        return Script.English;
    }

    /// <summary>
    /// An x that only ULY writes: before a consonant inside a word (Toxti, Axmet; pinyin always puts i or u after x),
    /// or starting a word before a, e, o (Xadiche, Xelchem; pinyin has only xi-, xu-). English Baxter or Xavier are
    /// misread as ULY; such names are rare in this registry and the cost is only a transliteration guess.
    /// </summary>
    private static bool IsStrongUlyX(char prev, char next)
    {
        var lowerNext = (char)(next | 0x20);
        if (!char.IsLetter(prev))
            return lowerNext is 'a' or 'e' or 'o' || next is 'é' or 'É' or 'ö' or 'Ö' or 'ü' or 'Ü';
        return IsAsciiLetter(next) && lowerNext is not ('a' or 'e' or 'i' or 'o' or 'u' or 'y');
    }

    private static bool IsAsciiLetter(char c) => (char)(c | 0x20) is >= 'a' and <= 'z';

    /// <summary>The only vowels pinyin writes after q and x.</summary>
    private static bool IsPinyinQxVowel(char c) => (char)(c | 0x20) is 'i' or 'u';

    private enum LatinMark
    {
        None,
        Kazakh,
        EAcute,
        OUmlaut,
    }

    private static LatinMark CombinedLatin(char letter, char mark) => ((char)(letter | 0x20), mark) switch
    {
        ('a', '\u0308') or ('g', '\u0306') or ('n', '\u0303') or ('u' or 'i', '\u0304') or ('s', '\u0327') => LatinMark.Kazakh,
        ('i', '\u0307') when letter == 'I' => LatinMark.Kazakh,
        ('e', '\u0301') => LatinMark.EAcute,
        ('o' or 'u', '\u0308') => LatinMark.OUmlaut,
        _ => LatinMark.None,
    };
}
