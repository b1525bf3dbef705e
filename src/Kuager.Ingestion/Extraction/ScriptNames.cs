using System.Text.RegularExpressions;
using Kuager.Names;

namespace Kuager.Ingestion;

/// <summary>
/// Names written without capital letters, in the Uyghur Arabic script or in Chinese characters. Such words are
/// taken for a person's name only next to a name cue: in quotes or parentheses, after "named"/"called"/"по имени",
/// after a relative's word ("her brother", "ئاكام", "哥哥"), before a speech verb, or (in Chinese) written with the
/// middle dot of transliterated names ("阿不都热依木·吐尔逊"); or without any cue when the name is a registry person's
/// (<see cref="KnownNames"/>). The script is checked with the name library's detector,
/// and the name is grouped with its Latin spellings through the library's keys (which transliterate).
/// </summary>
internal static partial class ScriptNames
{
    public static IEnumerable<(string Name, int Start, int End)> In(string text, KnownNames known)
    {
        if (!HasArabicOrHan().IsMatch(text))
            yield break;
        var taken = new List<(int Start, int End)>();
        foreach (Match m in ArabicRun().Matches(text))
        {
            if (ScriptDetector.Detect(m.Value) != Script.UyghurArabic)
                continue;

            // "ئاكام ئابدۇرېھىم تۇرسۇن ...": the relative's word heads the run; the name is the (at most two) words after it.
            var cue = UyghurCueWord().Match(m.Value);
            if (cue.Success)
            {
                var rest = m.Value[cue.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2).ToList();
                if (rest.Count > 0)
                {
                    var from = m.Index + m.Value.IndexOf(rest[0], cue.Length, StringComparison.Ordinal);
                    var named = string.Join(' ', rest);
                    taken.Add((from, from + named.Length));
                    yield return (named, from, from + named.Length);
                }

                continue;
            }

            var before = text[..m.Index];
            var after = text[(m.Index + m.Length)..];
            if (Enclosed(before, after) || LatinCue().IsMatch(before) || UyghurCueBefore().IsMatch(before) || UyghurSpeechAfter().IsMatch(after) || Extractor.IsSpeaker(text, m.Index, m.Index + m.Length))
            {
                taken.Add((m.Index, m.Index + m.Length));
                yield return (m.Value, m.Index, m.Index + m.Length);
            }
            else if (KnownWords(m, known) is { } registry)
            {
                taken.Add((registry.Start, registry.End));
                yield return registry;
            }
        }

        foreach (Match m in HanName().Matches(text))
        {
            var name = m.Groups["name"];
            if (ScriptDetector.Detect(name.Value) == Script.Chinese)
            {
                taken.Add((name.Index, name.Index + name.Length));
                yield return (name.Value, name.Index, name.Index + name.Length);
            }
        }

        if (known.Count == 0)
            yield break;
        foreach (Match m in HanRun().Matches(text))
        {
            // Characters run on without spaces: the longest known name at each position, outside names already found.
            for (var at = m.Index; at < m.Index + m.Length - 1;)
            {
                var length = Math.Min(MaxHan, m.Index + m.Length - at);
                for (; length >= 2; length--)
                {
                    var candidate = text.Substring(at, length);
                    if (candidate[0] != '·' && candidate[^1] != '·' && !taken.Any(t => t.Start < at + length && at < t.End) && known.Contains(candidate))
                        break;
                }

                if (length >= 2)
                {
                    taken.Add((at, at + length));
                    yield return (text.Substring(at, length), at, at + length);
                    at += length;
                }
                else
                {
                    at++;
                }
            }
        }
    }

    private const int MaxHan = 17;

    /// <summary>A registry person's name among the (at most three) words of an Arabic-script run: all of them, else two next to each other.</summary>
    private static (string Name, int Start, int End)? KnownWords(Match run, KnownNames known)
    {
        if (known.Count == 0)
            return null;
        if (known.Contains(run.Value))
            return (run.Value, run.Index, run.Index + run.Length);
        var words = WordOf().Matches(run.Value);
        for (var k = 0; k + 1 < words.Count; k++)
        {
            var from = words[k].Index;
            var to = words[k + 1].Index + words[k + 1].Length;
            var pair = run.Value[from..to];
            if (known.Contains(pair))
                return (pair, run.Index + from, run.Index + to);
        }

        return null;
    }

    [GeneratedRegex(@"\S+")]
    private static partial Regex WordOf();

    [GeneratedRegex(@"[\u4E00-\u9FFF]+(·[\u4E00-\u9FFF]+)*")]
    private static partial Regex HanRun();

    private static bool Enclosed(string before, string after) => Opening().IsMatch(before) && Closing().IsMatch(after);

    [GeneratedRegex(@"[\u0600-\u06FF\u4E00-\u9FFF]")]
    private static partial Regex HasArabicOrHan();

    // One to three words of the Arabic block (Uyghur letters included).
    [GeneratedRegex(@"[\u0600-\u06FF]{2,}(\s+[\u0600-\u06FF]{2,}){0,2}")]
    private static partial Regex ArabicRun();

    // A name in characters (up to eight, or two parts joined by the middle dot of transliterated names), ending before
    // the particles and punctuation that follow a name: after a cue (名叫 named, 哥哥 elder brother, ..., or an English
    // or Russian cue), in quotes or parentheses, written with the middle dot, or before 说/表示/告诉 (said, told).
    private const string Han = @"[\u4E00-\u9FFF]";
    private const string Stop = @"(?=[被在于是的和与说称告诉也曾已从向对把将，。、；：！？“”（）()\s,.;:!?""]|$)";

    [GeneratedRegex(
        @"(名叫|叫做|名字叫|名字是|哥哥|弟弟|姐姐|妹妹|父亲|母亲|丈夫|妻子|儿子|女儿|叔叔|舅舅|\b(named|called|brother|sister|father|mother|son|daughter|wife|husband|uncle|по имени|зовут|брат|сестра|отец|мать|сын|дочь|жена|муж)\s+)(?<name>" + Han + "{2,8}?)" + Stop
        + "|[“（(\"\"](?<name>" + Han + "{2,8}(·" + Han + "{1,8})?)[”）)\"\"]"
        + "|(?<name>" + Han + "{1,8}·" + Han + "{1,8})"
        + "|(?:^|[，。；：！？\\s])(?<name>" + Han + "{2,8}?)(?=说|表示|告诉)")]
    private static partial Regex HanName();

    [GeneratedRegex(@"[“«""(（‘]\s*$")]
    private static partial Regex Opening();

    [GeneratedRegex(@"^\s*[”»"")）’]")]
    private static partial Regex Closing();

    [GeneratedRegex(@"\b(named|called|name is|by the name of|known as|brother|sister|father|mother|son|daughter|wife|husband|uncle|aunt|cousin|nephew|niece|по имени|зовут|брат\w*|сестр\w*|отец|отца|мать|матер\w*|сын\w*|доч\w*|жен\w*|муж\w*|есімі|атты|ағасы|інісі|әпкесі|қарындасы|әкесі|анасы|ұлы|қызы|әйелі|күйеуі)[\s,:]*$", RegexOptions.IgnoreCase)]
    private static partial Regex LatinCue();

    // ئىسمى (name), ئاكام/ئاكىسى (elder brother), ئىنىم (younger brother), ئاچام (elder sister), سىڭلىم (younger sister),
    // دادام (father), ئانام (mother), ئوغلۇم (son), قىزىم (daughter), ئايالىم (wife), يولدىشىم (spouse).
    [GeneratedRegex(@"(ئىسمى|ئاكام|ئاكىسى|ئىنىم|ئىنىسى|ئاچام|ئاچىسى|سىڭلىم|سىڭلىسى|دادام|دادىسى|ئانام|ئانىسى|ئوغلۇم|ئوغلى|قىزىم|قىزى|ئايالىم|يولدىشىم)[\s:،]*$")]
    private static partial Regex UyghurCueBefore();

    [GeneratedRegex(@"^(ئىسمى|ئاكام|ئاكىسى|ئىنىم|ئىنىسى|ئاچام|ئاچىسى|سىڭلىم|سىڭلىسى|دادام|دادىسى|ئانام|ئانىسى|ئوغلۇم|ئوغلى|قىزىم|قىزى|ئايالىم|يولدىشىم)\s+")]
    private static partial Regex UyghurCueWord();

    // دېدى (said), سۆزلىدى (spoke).
    [GeneratedRegex(@"^[\s،]*(دېدى|دەيدۇ|سۆزلىدى)")]
    private static partial Regex UyghurSpeechAfter();
}
