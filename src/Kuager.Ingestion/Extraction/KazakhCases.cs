using System.Text.RegularExpressions;

namespace Kuager.Ingestion;

/// <summary>
/// Kazakh puts the case on the last word of a name, as a suffix: "Ерлан Сапаровты" (accusative), "Сапаровтың"
/// (genitive), "Сапаровқа" (dative), "Сейітқызын". The stem is taken only when what is left ends like a surname or
/// patronymic (-ов, -ев, -ин, -ова, -ева, -ина, -ұлы, -қызы), so a name that merely ends in those letters is kept.
/// </summary>
internal static partial class KazakhCases
{
    /// <summary>The name with its last word's case suffix removed, or null when the last word carries none.</summary>
    public static string? Stem(string name)
    {
        var cut = name.LastIndexOf(' ');
        var last = name[(cut + 1)..];
        return StemWord(last) is { } stem ? name[..(cut + 1)] + stem : null;
    }

    /// <summary>A surname-like word without its case suffix, or null.</summary>
    public static string? StemWord(string word)
    {
        if (word.Contains("овн", StringComparison.OrdinalIgnoreCase) || word.Contains("евн", StringComparison.OrdinalIgnoreCase))
            return null; // Russian patronymics: Сапаровна, Сапаровне
        var m = Inflected().Match(word);
        return m.Success ? m.Groups["stem"].Value : null;
    }

    /// <summary>The genitive ("Ерланның інісі", "Сапаровтың денсаулығы"): the name owns what follows; it is not what the verb is about.</summary>
    public static bool IsGenitive(string word) => Genitive().IsMatch(word);

    [GeneratedRegex(@"^(?<stem>[\p{IsCyrillic}-]{2,}?(ов|ев|ин|ын|ова|ева|ина|ына|ұлы|улы|қызы|кызы|ұлу|уулу))(ның|нің|дың|дің|тың|тің|нан|нен|дан|ден|тан|тен|мен|бен|пен|нда|нде|ны|ні|ды|ді|ты|ті|ға|ге|қа|ке|на|не|да|де|та|те|н)$", RegexOptions.IgnoreCase)]
    private static partial Regex Inflected();

    [GeneratedRegex(@"[\p{IsCyrillic}]{3,}(ның|нің|дың|дің|тың|тің)$", RegexOptions.IgnoreCase)]
    private static partial Regex Genitive();
}
