using System.Globalization;
using System.Text;

namespace Kuager.Bench.Names;

/// <summary>The writing systems (and romanisation conventions) names are written in, here and in the wild.</summary>
internal enum Spelling
{
    KazakhCyrillic,
    KazakhLatin2021,
    KyrgyzCyrillic,
    RussianCyrillic,
    RussianBgn,
    RussianIcao,

    /// <summary>English press: k for қ/q, g for ғ/gh, h for Uyghur x, Ye- at the start.</summary>
    PressK,

    /// <summary>RFE/RL and RFA style: q, gh, kh kept.</summary>
    PressQ,
    UyghurArabic,
    UyghurLatin,
    UyghurCyrillic,

    /// <summary>Chinese characters, parts joined by the middle dot.</summary>
    Chinese,

    /// <summary>The pinyin of the Chinese form (Dinigeer Yilamujiang).</summary>
    Pinyin,
}

/// <summary>How the second name part is written: the father's bare name, a Russian-style surname, or a Turkic patronymic.</summary>
internal enum Form : byte
{
    Bare,
    Ov,
    Uly,
}

/// <summary>
/// A small renderer per writing system, written for the benchmark from the public tables in docs/names.md (and
/// deliberately not from Kuager.Names): Kazakh Cyrillic to Kazakh Latin 2021, to Russian Cyrillic and on to BGN/PCGN
/// and ICAO; Uyghur Latin to Uyghur Arabic and Uyghur Cyrillic; both to English press spellings; and any part to
/// Chinese characters by syllables (a sound-to-character table in the manner of DB65/T 2189) and on to pinyin.
/// </summary>
internal static class Spellings
{
    public static string Prefix(Spelling spelling) => spelling switch
    {
        // What a record keeper would label; romanisations and Kyrgyz Cyrillic are left to script detection.
        Spelling.KazakhCyrillic => "kk-Cyrl:",
        Spelling.KazakhLatin2021 => "kk-Latn:",
        Spelling.RussianCyrillic => "ru-Cyrl:",
        Spelling.UyghurArabic => "ug-Arab:",
        Spelling.UyghurLatin => "ug-Latn:",
        Spelling.UyghurCyrillic => "ug-Cyrl:",
        Spelling.Chinese => "zh-Hans:",
        _ => "",
    };

    public static IReadOnlyList<Spelling> Of(People people) => people switch
    {
        People.Kazakh =>
        [
            Spelling.KazakhCyrillic, Spelling.KazakhLatin2021, Spelling.RussianCyrillic, Spelling.RussianBgn, Spelling.RussianIcao,
            Spelling.PressK, Spelling.PressQ, Spelling.Chinese, Spelling.Pinyin,
        ],
        People.Uyghur =>
        [
            Spelling.UyghurArabic, Spelling.UyghurLatin, Spelling.UyghurCyrillic, Spelling.RussianCyrillic, Spelling.PressK,
            Spelling.PressQ, Spelling.Chinese, Spelling.Pinyin,
        ],
        _ =>
        [
            Spelling.KyrgyzCyrillic, Spelling.RussianCyrillic, Spelling.RussianBgn, Spelling.RussianIcao, Spelling.PressK,
            Spelling.Chinese, Spelling.Pinyin,
        ],
    };

    // ---- Cyrillic (Kazakh and Kyrgyz masters) ----

    private static readonly Dictionary<char, string> KazakhToLatin2021 = Table(
        "а a ә ä б b в v г g ғ ğ д d е e ё io ж j з z и i й i к k қ q л l м m н n ң ñ о o ө ö п p р r с s т t у u ұ ū ү ü ф f " +
        "х h һ h ц ts ч ch ш ş щ şş ъ _ ы y і ı ь _ э e ю iu я ia");

    private static readonly Dictionary<char, string> KazakhToRussian = Table("ә а ғ г қ к ң н ө о ұ у ү у і и һ х");

    private static readonly Dictionary<char, string> RussianToIcao = Table(
        "а a б b в v г g д d е e ё e ж zh з z и i й i к k л l м m н n о o п p р r с s т t у u ф f х kh ц ts ч ch ш sh щ shch " +
        "ъ ie ы y ь _ э e ю iu я ia");

    private static readonly Dictionary<char, string> RussianToBgn = Table(
        "а a б b в v г g д d е e ё ë ж zh з z и i й y к k л l м m н n о o п p р r с s т t у u ф f х kh ц ts ч ch ш sh щ shch " +
        "ъ _ ы y ь _ э e ю yu я ya");

    private static readonly Dictionary<char, string> CyrillicToPressK = Table(
        "а a ә a б b в v г g ғ g д d е e ё yo ж zh з z и i й y к k қ k л l м m н n ң n о o ө o п p р r с s т t у u ұ u ү u ф f " +
        "х kh һ h ц ts ч ch ш sh щ shch ъ _ ы y і i ь _ э e ю yu я ya");

    private static readonly Dictionary<char, string> CyrillicToPressQ = Table(
        "а a ә a б b в v г g ғ gh д d е e ё yo ж zh з z и i й y к k қ q л l м m н n ң ng о o ө o п p р r с s т t у u ұ u ү u " +
        "ф f х kh һ h ц ts ч ch ш sh щ shch ъ _ ы y і i ь _ э e ю yu я ya");

    // ---- Uyghur Latin master ----

    private static readonly string[] UlyUnits = ["ch", "zh", "sh", "gh", "ng", "a", "b", "d", "e", "é", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "ö", "p", "q", "r", "s", "t", "u", "ü", "v", "w", "x", "y", "z"];

    private static readonly Dictionary<string, string> UlyToArabic = UnitTable(
        "a ا e ە é ې i ى o و u ۇ ö ۆ ü ۈ b ب p پ t ت j ج ch چ x خ d د r ر z ز zh ژ s س sh ش gh غ f ف q ق k ك g گ ng ڭ l ل m م " +
        "n ن h ھ w ۋ v ۋ y ي");

    private static readonly Dictionary<string, string> UlyToCyrillic = UnitTable(
        "a а e ә é е i и o о u у ö ө ü ү b б p п t т j җ ch ч x х d д r р z з zh ж s с sh ш gh ғ f ф q қ k к g г ng ң l л m м " +
        "n н h һ w в v в y й");

    private static readonly Dictionary<char, string> UyghurCyrillicToRussian = Table("ә е җ дж ғ г қ к ң н һ х ө о ү у");

    private static readonly Dictionary<string, string> UlyToPressK = UnitTable(
        "a a e e é e i i o o u u ö o ü u b b p p t t j j ch ch x h d d r r z z zh zh s s sh sh gh g f f q k k k g g ng ng l l m m " +
        "n n h h w w v v y y");

    private static readonly Dictionary<string, string> UlyToPressQ = UnitTable(
        "a a e e é e i i o o u u ö o ü u b b p p t t j j ch ch x kh d d r r z z zh zh s s sh sh gh gh f f q q k k g g ng ng l l " +
        "m m n n h h w w v v y y");

    /// <summary>A name token written from its master spelling into another system.</summary>
    public static string Token(People people, string master, Spelling to) => people == People.Uyghur ? FromUly(master, to) : FromCyrillic(people, master, to);

    private static string FromCyrillic(People people, string master, Spelling to)
    {
        var lower = master.ToLowerInvariant();
        var capital = master.Length > 0 && char.IsUpper(master[0]);
        string result = to switch
        {
            Spelling.KazakhCyrillic or Spelling.KyrgyzCyrillic => lower,
            Spelling.KazakhLatin2021 => Map(lower, KazakhToLatin2021),
            Spelling.RussianCyrillic => Map(lower, KazakhToRussian),
            Spelling.RussianBgn => Bgn(Map(lower, KazakhToRussian)),
            Spelling.RussianIcao => Map(Map(lower, KazakhToRussian), RussianToIcao),
            Spelling.PressK => PressInitialYe(Map(people == People.Kyrgyz ? lower.Replace('ж', 'җ') : lower, CyrillicToPressK, ("җ", "j")), lower),
            Spelling.PressQ => Map(lower, CyrillicToPressQ),
            _ => throw new ArgumentOutOfRangeException(nameof(to), to, "not a spelling of Cyrillic names"),
        };
        if (capital && to == Spelling.KazakhLatin2021 && result.StartsWith('i'))
        {
            return "İ" + result[1..];
        }

        return capital ? Capitalize(result) : result;
    }

    private static string FromUly(string master, Spelling to)
    {
        var lower = master.ToLowerInvariant();
        var capital = master.Length > 0 && char.IsUpper(master[0]);
        string result = to switch
        {
            Spelling.UyghurLatin => lower,
            Spelling.UyghurArabic => UlyArabic(lower),
            Spelling.UyghurCyrillic => UlyCyrillic(lower),
            Spelling.RussianCyrillic => Map(UlyCyrillic(lower), UyghurCyrillicToRussian),
            Spelling.PressK => MapUnits(lower, UlyToPressK),
            Spelling.PressQ => MapUnits(lower, UlyToPressQ),
            _ => throw new ArgumentOutOfRangeException(nameof(to), to, "not a spelling of Uyghur names"),
        };
        return capital && to != Spelling.UyghurArabic ? Capitalize(result) : result;
    }

    /// <summary>Patronymic and surname endings, in the master spelling.</summary>
    public static string[] Tokens(People people, string given, string father, Form form, bool female) => (people, form) switch
    {
        (_, Form.Bare) => [given, father],
        (People.Uyghur, Form.Ov) => [given, father + (IsUlyVowel(father[^1]) ? "év" : "ov") + (female ? "a" : "")],
        (People.Uyghur, _) => [given, father],
        (_, Form.Ov) => [given, RussianSurname(father, female)],
        (People.Kazakh, _) => [given, father + (female ? "қызы" : "ұлы")],
        _ => [given, father, female ? "кызы" : "уулу"],
    };

    private static string RussianSurname(string father, bool female)
    {
        var stem = father;
        string ending;
        if (stem.EndsWith('й'))
        {
            stem = stem[..^1];
            ending = "ев";
        }
        else if ("аәеиоөуұүыіэюя".Contains(char.ToLowerInvariant(stem[^1]), StringComparison.Ordinal))
        {
            ending = "ев";
        }
        else
        {
            ending = "ов";
        }

        return stem + ending + (female ? "а" : "");
    }

    private static bool IsUlyVowel(char c) => "aeéioöuü".Contains(char.ToLowerInvariant(c), StringComparison.Ordinal);

    private static string Bgn(string russian)
    {
        var sb = new StringBuilder(russian.Length + 4);
        for (var i = 0; i < russian.Length; i++)
        {
            var c = russian[i];
            var afterVowel = i == 0 || "аеёиоуыэюяъь".Contains(russian[i - 1], StringComparison.Ordinal);
            if (c == 'е' && afterVowel)
            {
                sb.Append("ye");
            }
            else if (c == 'ё' && afterVowel)
            {
                sb.Append("yë");
            }
            else
            {
                sb.Append(RussianToBgn.TryGetValue(c, out var s) ? s.Replace("_", "", StringComparison.Ordinal) : c.ToString());
            }
        }

        return sb.ToString();
    }

    private static string PressInitialYe(string romanised, string cyrillic) =>
        cyrillic.StartsWith('е') && romanised.StartsWith('e') ? "y" + romanised : romanised;

    private static string UlyArabic(string uly)
    {
        var sb = new StringBuilder(uly.Length);
        var previousVowel = true;
        foreach (var unit in Units(uly))
        {
            var vowel = unit.Length == 1 && IsUlyVowel(unit[0]);
            if (vowel && previousVowel)
            {
                sb.Append('ئ');
            }

            sb.Append(UlyToArabic.TryGetValue(unit, out var s) ? s : unit);
            previousVowel = vowel;
        }

        return sb.ToString();
    }

    private static string UlyCyrillic(string uly)
    {
        var units = Units(uly).ToList();
        var sb = new StringBuilder(uly.Length);
        for (var i = 0; i < units.Count; i++)
        {
            if (units[i] == "y" && i + 1 < units.Count && units[i + 1] is "a" or "u")
            {
                sb.Append(units[i + 1] == "a" ? 'я' : 'ю');
                i++;
                continue;
            }

            sb.Append(UlyToCyrillic.TryGetValue(units[i], out var s) ? s : units[i]);
        }

        return sb.ToString();
    }

    private static string MapUnits(string uly, Dictionary<string, string> table)
    {
        var sb = new StringBuilder(uly.Length + 4);
        foreach (var unit in Units(uly))
        {
            sb.Append(table.TryGetValue(unit, out var s) ? s : unit);
        }

        return sb.ToString();
    }

    private static IEnumerable<string> Units(string uly)
    {
        for (var i = 0; i < uly.Length;)
        {
            var unit = UlyUnits.FirstOrDefault(u => string.CompareOrdinal(uly, i, u, 0, u.Length) == 0) ?? uly[i].ToString();
            if (unit == "ng" && i + 2 < uly.Length && IsUlyVowel(uly[i + 2]))
            {
                unit = "n"; // Rizwangül is Rizwan-gül: ULY writes ڭ before a vowel as n'g only when meant, names join n + g
            }

            yield return unit;
            i += unit.Length;
        }
    }

    private static string Map(string text, Dictionary<char, string> table, params (string From, string To)[] extra)
    {
        var sb = new StringBuilder(text.Length + 4);
        foreach (var c in text)
        {
            var extraHit = extra.FirstOrDefault(e => e.From[0] == c);
            if (extraHit.From is not null)
            {
                sb.Append(extraHit.To);
            }
            else if (table.TryGetValue(c, out var s))
            {
                sb.Append(s == "_" ? "" : s);
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    public static string Capitalize(string s)
    {
        if (s.Length == 0)
        {
            return s;
        }

        // Kazakh Latin 2021 writes і as I ı (and и as İ i, see FromCyrillic).
        return (s[0] == 'ı' ? "I" : char.ToUpperInvariant(s[0]).ToString()) + s[1..];
    }

    private static Dictionary<char, string> Table(string pairs)
    {
        var parts = pairs.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var table = new Dictionary<char, string>();
        for (var i = 0; i + 1 < parts.Length; i += 2)
        {
            table[parts[i][0]] = parts[i + 1];
        }

        return table;
    }

    private static Dictionary<string, string> UnitTable(string pairs)
    {
        var parts = pairs.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < parts.Length; i += 2)
        {
            table[parts[i]] = parts[i + 1];
        }

        return table;
    }

    // ---- Chinese transcription, by syllables ----

    // Syllable (in a plain Latin sound form) : character : pinyin. Standalone consonants (no vowel after) take the
    // character that transcriptions use for a final consonant (Murat 木拉提, Alim 阿力木, Serik 赛力克, Askar 阿斯卡尔).
    private const string SyllableTable =
        "a:阿:a e:艾:ai i:依:yi o:奥:ao u:吾:wu an:安:an en:恩:en in:因:yin on:翁:weng un:温:wen " +
        "ba:巴:ba be:别:bie bi:比:bi bo:波:bo bu:布:bu ban:班:ban ben:本:ben bin:宾:bin bon:邦:bang bun:奔:ben " +
        "pa:帕:pa pe:佩:pei pi:皮:pi po:坡:po pu:普:pu pan:潘:pan pen:喷:pen pin:品:pin " +
        "ta:塔:ta te:铁:tie ti:提:ti to:托:tuo tu:吐:tu tan:坦:tan ten:腾:teng tin:汀:ting ton:通:tong tun:吞:tun " +
        "da:达:da de:德:de di:迪:di do:多:duo du:都:du dan:丹:dan den:登:deng din:丁:ding don:东:dong dun:顿:dun " +
        "ka:卡:ka ke:克:ke ki:克:ke ko:科:ke ku:库:ku kan:坎:kan ken:肯:ken kin:金:jin kon:孔:kong kun:坤:kun " +
        "ga:尕:ga ge:格:ge gi:吉:ji go:果:guo gu:古:gu gan:甘:gan gen:根:gen gin:金:jin gon:贡:gong gun:衮:gun " +
        "ha:哈:ha he:合:he hi:希:xi ho:霍:huo hu:胡:hu han:汗:han hen:痕:hen hin:欣:xin hon:洪:hong hun:浑:hun " +
        "ja:加:jia je:杰:jie ji:吉:ji jo:卓:zhuo ju:居:ju jan:江:jiang jen:金:jin jin:金:jin jon:琼:qiong jun:俊:jun " +
        "cha:恰:qia che:切:qie chi:其:qi cho:乔:qiao chu:丘:qiu chan:强:qiang chen:琴:qin chin:钦:qin chun:群:qun " +
        "sha:沙:sha she:谢:xie shi:希:xi sho:硕:shuo shu:舒:shu shan:山:shan shen:申:shen shin:新:xin shun:顺:shun " +
        "sa:萨:sa se:赛:sai si:斯:si so:索:suo su:苏:su san:散:san sen:森:sen sin:辛:xin son:松:song sun:孙:sun " +
        "za:扎:zha ze:则:ze zi:孜:zi zo:卓:zhuo zu:祖:zu zan:赞:zan zen:怎:zen zin:津:jin zun:尊:zun " +
        "la:拉:la le:勒:le li:力:li lo:洛:luo lu:鲁:lu lan:兰:lan len:伦:lun lin:林:lin lon:隆:long lun:伦:lun " +
        "ra:热:re re:热:re ri:日:ri ro:若:ruo ru:肉:rou ran:然:ran ren:仁:ren rin:林:lin ron:荣:rong run:润:run " +
        "ma:马:ma me:麦:mai mi:米:mi mo:莫:mo mu:木:mu man:曼:man men:门:men min:明:ming mon:蒙:meng mun:蒙:meng " +
        "na:纳:na ne:乃:nai ni:尼:ni no:诺:nuo nu:努:nu nan:南:nan nen:嫩:nen nin:宁:ning non:农:nong nun:农:nong " +
        "ya:亚:ya ye:叶:ye yi:依:yi yo:约:yue yu:尤:you yan:焉:yan yen:因:yin yun:云:yun " +
        "wa:瓦:wa we:维:wei wi:维:wei wo:沃:wo wu:乌:wu wan:万:wan wen:文:wen " +
        "fa:法:fa fe:菲:fei fi:菲:fei fo:佛:fo fu:甫:fu fan:帆:fan " +
        "b:布:bu p:普:pu t:提:ti d:德:de k:克:ke g:格:ge h:赫:he j:吉:ji ch:奇:qi sh:什:shi s:斯:si z:孜:zi l:力:li r:尔:er " +
        "m:木:mu n:恩:en y:依:yi w:乌:wu f:甫:fu";

    // Characters that appear only in the hand-written transcriptions and the typo variants.
    private const string ExtraPinyin =
        "包:bao 凯:kai 列:lie 那:na 拜:bai 里:li 丽:li 娜:na 伊:yi 逊:xun 买:mai 不:bu 玉:yu 素:su 夏:xia 土:tu 娅:ya 铁:tie " +
        "卜:bu 利:li 莉:li 可:ke 儿:er 穆:mu";

    private static readonly Dictionary<string, (string Char, string Pinyin)> Syllables = ParseSyllables();

    public static readonly Dictionary<char, string> Pinyin = ParsePinyin();

    /// <summary>Look-alike characters that real records swap (older and newer transcriptions, homophones).</summary>
    public static readonly Dictionary<char, char> ChineseVariants = new()
    {
        ['买'] = '麦', ['麦'] = '买', ['不'] = '卜', ['卜'] = '不', ['肉'] = '若', ['若'] = '肉', ['依'] = '伊', ['伊'] = '依',
        ['力'] = '利', ['利'] = '力', ['丽'] = '莉', ['克'] = '可', ['尔'] = '儿',
    };

    private static Dictionary<string, (string, string)> ParseSyllables()
    {
        var table = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var entry in SyllableTable.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var f = entry.Split(':');
            table[f[0]] = (f[1], f[2]);
        }

        return table;
    }

    private static Dictionary<char, string> ParsePinyin()
    {
        var pinyin = new Dictionary<char, string>();
        foreach (var (ch, py) in ParseSyllables().Values)
        {
            pinyin.TryAdd(ch[0], py);
        }

        foreach (var entry in ExtraPinyin.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var f = entry.Split(':');
            pinyin.TryAdd(f[0][0], f[1]);
        }

        return pinyin;
    }

    private static readonly Dictionary<char, string> CyrillicSound = Table(
        "а a ә a б b в w г g ғ g д d е e ё yo ж j з z и i й y к k қ k л l м m н n ң n о o ө u п p р r с s т t у u ұ u ү u ф f " +
        "х h һ h ц s ч ch ш sh щ sh ъ _ ы e і i ь _ э e ю yu я ya");

    private static readonly Dictionary<string, string> UlySound = UnitTable(
        "a a e e é e i i o o u u ö u ü u b b p p t t j j ch ch x h d d r r z z zh j s s sh sh gh g f f q k k k g g ng n l l m m " +
        "n n h h w w v w y y");

    /// <summary>A bare name part in Chinese characters: the hand-written transcription, or one made by syllables.</summary>
    public static string ChinesePart(People people, NamePartEntry part)
    {
        if (part.Chinese is { } known)
        {
            return known;
        }

        var sound = people == People.Uyghur ? MapUnits(part.Master.ToLowerInvariant(), UlySound) : Map(part.Master.ToLowerInvariant(), CyrillicSound);
        var sb = new StringBuilder();
        var tail = "";
        if (sound.Length > 4 && sound.EndsWith("gul", StringComparison.Ordinal))
        {
            sound = sound[..^3];
            tail = "古丽";
        }

        var i = 0;
        while (i < sound.Length)
        {
            var consonant = Consonant(sound, i);
            var at = i + consonant.Length;
            var vowel = at < sound.Length && IsVowel(sound[at]) ? sound[at].ToString() : "";
            if (consonant.Length > 0 && vowel.Length == 0)
            {
                sb.Append(Syllables.TryGetValue(consonant, out var alone) ? alone.Char : "");
                i = at;
                continue;
            }

            var syllable = consonant + vowel;
            var end = at + 1;
            // A final n closes the syllable when no vowel follows it (Nur-lan, not Nu-rla-n).
            if (end < sound.Length && sound[end] == 'n' && (end + 1 == sound.Length || !IsVowel(sound[end + 1])) &&
                Syllables.ContainsKey(syllable + "n"))
            {
                syllable += "n";
                end++;
            }

            if (Syllables.TryGetValue(syllable, out var hit))
            {
                sb.Append(part.Female && syllable == "na" ? "娜" : hit.Char);
            }
            else
            {
                sb.Append(Syllables.TryGetValue(consonant, out var c) ? c.Char : "").Append(Syllables[vowel].Char);
            }

            i = end;
        }

        return sb.Append(tail).ToString();
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static string Consonant(string sound, int i)
    {
        if (i >= sound.Length || IsVowel(sound[i]))
        {
            return "";
        }

        if (i + 1 < sound.Length && sound[i + 1] == 'h' && sound[i] is 's' or 'c')
        {
            return sound.Substring(i, 2);
        }

        return sound[i].ToString();
    }

    /// <summary>The pinyin of a Chinese name part, syllables run together and capitalised (阿依古丽 Ayiguli).</summary>
    public static string PinyinOf(string chinese)
    {
        var sb = new StringBuilder();
        foreach (var c in chinese)
        {
            if (!Pinyin.TryGetValue(c, out var py))
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"no pinyin for {c} (U+{(int)c:X4}) in the benchmark's table"));
            }

            sb.Append(py);
        }

        return Capitalize(sb.ToString());
    }
}
