using Kuager.Names.Chinese;

namespace Kuager.Names.Transliteration;

/// <summary>
/// Writes one word, in any of the scripts Kuager meets, as lower-case ASCII Latin with the digraphs sh ch zh gh kh ng.
/// Letters are read one by one by their own script, so a word that mixes scripts still comes out whole.
/// </summary>
/// <remarks>
/// Conventions: Cyrillic follows BGN/PCGN (х kh, ж zh, ц ts, щ shch, й y, ю yu, я ya; Russian е is ye at the start of
/// a word and after a vowel); Uyghur Arabic follows ULY but writes خ as kh; the Kazakh 2021 and 2017/2018 Latin
/// letters (ä ğ ı ñ ş ū, a' g' s' c' n') and the common Turkic ç ş ğ lose their marks into digraphs; the older
/// pinyin-based Uyghur script (ə ɵ ⱪ ƣ ⱬ) is recognised by those letters and its x and q read as sh and ch.
/// Chinese characters are read by <see cref="ChineseReading"/>.
/// </remarks>
internal static class Romanizer
{
    /// <summary>Room needed in the output for a word of the given length.</summary>
    public static int Capacity(int length) => (length * 8) + 8;

    /// <summary>
    /// Romanises <paramref name="word"/> (normalised and lower-cased) into <paramref name="latin"/>. When the word has
    /// Chinese characters, their plain pinyin is also written to <paramref name="pinyin"/> (otherwise its length is 0).
    /// </summary>
    public static int Write(ReadOnlySpan<char> word, Script script, Span<char> latin, Span<char> pinyin, out int pinyinLength)
    {
        var n = 0;
        pinyinLength = 0;
        var oldUyghur = word.ContainsAny("əɵⱪƣⱬ");
        var uyghurCyrillic = script == Script.UyghurCyrillic;
        var russian = script == Script.RussianCyrillic;

        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (c is >= 'a' and <= 'z')
            {
                if (oldUyghur && c is 'x' or 'q')
                    n += Put(latin[n..], c == 'x' ? "sh" : "ch");
                else
                    latin[n++] = c;
                continue;
            }

            if (c == '\'')
            {
                n = Apostrophe(latin, n, i + 1 < word.Length ? word[i + 1] : ' ');
                continue;
            }

            if (HanziPinyin.IsHan(c))
            {
                var start = i;
                while (i + 1 < word.Length && HanziPinyin.IsHan(word[i + 1]))
                    i++;
                ChineseReading.ReadHan(word[start..(i + 1)], latin[n..], out var t, pinyin[pinyinLength..], out var p);
                n += t;
                pinyinLength += p;
                continue;
            }

            if (c is >= '\u0400' and <= '\u052F')
            {
                var prev = i > 0 ? word[i - 1] : ' ';
                n += Put(latin[n..], Cyrillic(c, prev, russian, uyghurCyrillic));
                continue;
            }

            if (c is >= '\u0600' and <= '\u06FF')
            {
                var next = i + 1 < word.Length ? word[i + 1] : ' ';
                n += Put(latin[n..], Arabic(c, next));
                continue;
            }

            n += Put(latin[n..], LatinLetter(c));
        }

        return n;
    }

    /// <summary>The Kazakh 2017 apostrophe letters (a' g' s' c' n' o' u' i' y') and the ULY syllable break.</summary>
    private static int Apostrophe(Span<char> latin, int n, char next)
    {
        if (n == 0)
            return n;
        switch (latin[n - 1])
        {
            case 'g' or 's' or 'c' or 'z' or 'k' when next != 'h':
                latin[n++] = 'h';
                break;
            case 'n' when next != 'g':
                latin[n++] = 'g';
                break;
            case 'y' when next is not ('a' or 'e' or 'i' or 'o' or 'u'):
                latin[n - 1] = 'u'; // 2017 y' = ұ
                break;
        }

        return n;
    }

    private static int Put(Span<char> dest, string? text)
    {
        if (text is null)
            return 0;
        text.AsSpan().CopyTo(dest);
        return text.Length;
    }

    private static string? LatinLetter(char c) => c switch
    {
        'ä' or 'á' or 'à' or 'â' or 'ã' or 'å' or 'ā' or 'ǎ' or 'ą' => "a",
        'é' or 'è' or 'ê' or 'ë' or 'ė' or 'ē' or 'ě' or 'ę' or 'ə' or 'ǝ' => "e",
        'í' or 'ì' or 'î' or 'ï' or 'ī' or 'ı' or 'ǐ' or 'į' => "i",
        'ó' or 'ò' or 'ô' or 'õ' or 'ø' or 'ō' or 'ö' or 'ɵ' or 'ǒ' or 'ő' or 'œ' => "o",
        'ú' or 'ù' or 'û' or 'ū' or 'ü' or 'ǔ' or 'ǖ' or 'ǘ' or 'ǚ' or 'ǜ' or 'ű' or 'ů' or 'ų' => "u",
        'ý' or 'ÿ' => "y",
        'ç' or 'č' or 'ć' or 'ĉ' => "ch",
        'ş' or 'š' or 'ș' or 'ś' or 'ŝ' => "sh",
        'ğ' or 'ǵ' or 'ǧ' or 'ĝ' or 'ƣ' => "gh",
        'ñ' or 'ń' or 'ň' or 'ŋ' => "ng",
        'ž' or 'ź' or 'ż' or 'ⱬ' => "zh",
        'ⱪ' => "q",
        'ĵ' => "j",
        'ḥ' or 'ĥ' or 'ħ' => "h",
        'ṭ' or 'ţ' or 'ț' or 'ť' => "t",
        'đ' or 'ď' or 'ḍ' => "d",
        'ł' or 'ľ' or 'ĺ' => "l",
        'ř' or 'ŕ' => "r",
        'ß' => "ss",
        'æ' => "ae",
        'ṣ' => "s",
        'ẓ' => "z",
        _ => null,
    };

    private static string? Cyrillic(char c, char prev, bool russian, bool uyghur) => c switch
    {
        'а' => "a",
        'ә' => uyghur ? "e" : "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'ғ' or 'ҕ' => "gh",
        'д' => "d",
        'е' => russian && (prev == ' ' || IsCyrillicVowel(prev) || prev is 'ь' or 'ъ') ? "ye" : "e",
        'ё' => "yo",
        'ж' => "zh",
        'җ' or 'ҷ' => "j",
        'з' => "z",
        'и' or 'і' or 'ӣ' => "i",
        'й' => "y",
        'к' => "k",
        'қ' or 'ҡ' => "q",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'ң' or 'ҥ' => "ng",
        'о' or 'ө' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' or 'ұ' or 'ү' or 'ӯ' or 'ў' => "u",
        'ф' => "f",
        'х' => "kh",
        'һ' or 'ҳ' => "h",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ы' => "y",
        'э' or 'є' => "e",
        'ю' => "yu",
        'я' => "ya",
        'ї' => "yi",
        _ => null, // ъ ь and anything else
    };

    private static bool IsCyrillicVowel(char c) => c is 'а' or 'е' or 'ё' or 'и' or 'о' or 'у' or 'ы' or 'э' or 'ю' or 'я' or 'ә' or 'ө' or 'ұ' or 'ү' or 'і';

    private static string? Arabic(char c, char next) => c switch
    {
        'ا' or 'آ' or 'أ' => "a",
        'إ' => "i",
        'ە' or 'ة' => "e",
        // Arabic heh stands for Uyghur ە at the end of a word in some fonts and keyboards; elsewhere it is h.
        'ه' => next == ' ' ? "e" : "h",
        'ھ' or 'ح' => "h",
        'ب' => "b",
        'پ' => "p",
        'ت' or 'ط' => "t",
        'ث' or 'ص' or 'س' => "s",
        'ج' => "j",
        'چ' => "ch",
        'خ' => "kh",
        'د' => "d",
        'ذ' or 'ز' or 'ض' or 'ظ' => "z",
        'ر' => "r",
        'ژ' => "zh",
        'ش' => "sh",
        'غ' => "gh",
        'ف' => "f",
        'ق' => "q",
        'ك' or 'ک' => "k",
        'گ' => "g",
        'ڭ' => "ng",
        'ل' => "l",
        'م' => "m",
        'ن' => "n",
        'و' or 'ۆ' => "o",
        'ۇ' or 'ۈ' or 'ؤ' => "u",
        'ۋ' => "w",
        'ې' => "e",
        'ى' => "i",
        'ي' or 'ی' => "y",
        _ => null, // the hamza carrier ئ, hamza, ain, tatweel, harakat
    };
}
