using System.Text.RegularExpressions;

namespace Kuager.Ingestion;

/// <summary>
/// A person's sex as a name in the nominative shows it: the surname's or patronymic's ending (-ова, -ov, -қызы,
/// -uly), else a Kazakh or Uyghur given name's common ending (-gul, -nisa for women; -bek, -zhan for men).
/// </summary>
internal static partial class NameSex
{
    /// <summary>'f' or 'm', or null for a name that does not say.</summary>
    public static char? Of(string name)
    {
        var words = name.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
            return null;
        if (FemaleEnding().IsMatch(words[^1]))
            return 'f';
        if (MaleEnding().IsMatch(words[^1]))
            return 'm';
        if (words.Length < 2)
            return null;
        return FemaleGiven().IsMatch(words[0]) ? 'f' : MaleGiven().IsMatch(words[0]) ? 'm' : null;
    }

    [GeneratedRegex(@"(gul|gül|guli|гүл|гуль|гюль|nisa|ниса|aiym|ayim|айым|iya|ия)$")]
    private static partial Regex FemaleGiven();

    [GeneratedRegex(@"(bek|бек|bay|bai|бай|zhan|jan|жан|bol|бол|bolat|болат|khan|хан)$")]
    private static partial Regex MaleGiven();

    [GeneratedRegex(@"(ова|ева|ёва|ина|ына|ская|цкая|қызы|кызы|qyzy|kyzy|kizi|ova|eva|yeva|ina|skaya)$")]
    private static partial Regex FemaleEnding();

    [GeneratedRegex(@"(ов|ев|ёв|ин|ын|ский|цкий|ұлы|улы|уулу|uly|ulu|uulu|ov|ev|yev|in|sky|skiy)$")]
    private static partial Regex MaleEnding();
}
