namespace Kuager.Ingestion;

/// <summary>A word of a sentence and where it stands in it.</summary>
internal readonly record struct Word(string Text, int Start)
{
    public int End => Start + Text.Length;

    public bool IsCapitalised => Text.Length > 0 && char.IsUpper(Text[0]);

    /// <summary>A capital then lower-case letters (Almaty, Қайрат, O'Neil, Abdu-Reshit), not an acronym or all capitals.</summary>
    public bool IsNameShaped
    {
        get
        {
            if (Text.Length < 2 || !char.IsUpper(Text[0]))
                return false;
            var lower = 0;
            for (var i = 1; i < Text.Length; i++)
            {
                var c = Text[i];
                if (char.IsLower(c))
                    lower++;
                else if (char.IsUpper(c) && i > 1 && Text[i - 1] is '-' or '\'' or '’')
                    continue;
                else if (c is not ('-' or '\'' or '’'))
                    return false;
            }

            return lower > 0;
        }
    }

    public string Lower => Text.ToLowerInvariant().Replace('ё', 'е');

    /// <summary>Splits text into words: letters and digits, with inner hyphens, apostrophes, dots of acronyms and slashes (RFE/RL).</summary>
    public static List<Word> Split(string text)
    {
        var words = new List<Word>();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || char.GetUnicodeCategory(text[i]) == System.Globalization.UnicodeCategory.NonSpacingMark
                   || (text[i] is '-' or '\'' or '’' or '/' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]))))
            {
                i++;
            }

            var word = text[start..i];
            // "Zharykbasova's" is Zharykbasova.
            if (word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal))
                word = word[..^2];
            words.Add(new Word(word, start));
        }

        return words;
    }
}
