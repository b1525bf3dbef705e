namespace Kuager.Ingestion;

/// <summary>The language of a text from its letters: Kazakh and Russian Cyrillic, Uyghur Arabic script, Chinese, else English.</summary>
public static class Languages
{
    /// <summary>The languages a user may say a text is in (ISO 639-1): it then wins over the page and the letters.</summary>
    public static readonly IReadOnlyList<string> Known = ["en", "ru", "kk", "ug", "zh", "ky", "uz"];

    private const string KazakhLetters = "әғқңөұүһіӘҒҚҢӨҰҮҺІ";

    public static string Detect(string text)
    {
        int latin = 0, cyrillic = 0, kazakh = 0, arabic = 0, han = 0;
        var limit = Math.Min(text.Length, 20_000);
        for (var i = 0; i < limit; i++)
        {
            var c = text[i];
            if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z')
                latin++;
            else if (c is >= '\u0400' and <= '\u04FF')
            {
                cyrillic++;
                if (KazakhLetters.Contains(c, StringComparison.Ordinal))
                    kazakh++;
            }
            else if (c is >= '\u0600' and <= '\u06FF')
                arabic++;
            else if (c is >= '\u4E00' and <= '\u9FFF')
                han++;
        }

        var max = Math.Max(Math.Max(latin, cyrillic), Math.Max(arabic, han * 3));
        if (max == 0)
            return "en";
        if (max == cyrillic)
            return kazakh * 100 >= cyrillic * 3 ? "kk" : "ru";
        if (max == arabic)
            return "ug";
        if (max == han * 3)
            return "zh";
        return "en";
    }
}
