namespace Kuager.Ingestion;

/// <summary>One sentence of a paragraph, as written, with where it starts in the paragraph.</summary>
public sealed record Sentence(string Text, int Paragraph, int Start);

/// <summary>
/// Splits paragraphs into sentences: at . ! ? … followed by a space and a capital letter, a digit or an opening quote,
/// but not after initials ("A. Tursun"), titles and abbreviations (Mr., Dr., U.S., г., ул.), nor inside a quotation
/// that continues after its closing mark ("…," she said).
/// </summary>
public static class Sentences
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "st", "no", "vs", "gen", "col", "lt", "sgt", "rev", "jr", "sr", "inc", "ltd", "co", "corp",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e", "etc",
        "г", "гг", "ул", "им", "т.е", "т.д", "т.п", "см", "тыс", "млн", "млрд", "руб", "обл", "р-н", "ж", "жж", "т.б",
    };

    public static IReadOnlyList<Sentence> Split(string paragraph, int paragraphIndex = 0)
    {
        var result = new List<Sentence>();
        var start = 0;
        var text = paragraph;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is not ('.' or '!' or '?' or '…'))
                continue;
            var end = i + 1;
            while (end < text.Length && text[end] is '.' or '!' or '?' or '…' or '"' or '”' or '»' or '\'' or '’' or ')')
                end++;
            if (end >= text.Length)
                break;
            if (!char.IsWhiteSpace(text[end]))
                continue;
            var next = end;
            while (next < text.Length && char.IsWhiteSpace(text[next]))
                next++;
            if (next >= text.Length)
                break;
            var n = text[next];
            if (!(char.IsUpper(n) || char.IsDigit(n) || n is '"' or '“' or '«' or '\'' or '‘' or '(' or '—' or '–'))
                continue;
            if (c == '.' && IsAbbreviation(text, i))
                continue;
            Add(result, text, start, end, paragraphIndex);
            start = next;
            i = next - 1;
        }

        Add(result, text, start, text.Length, paragraphIndex);
        return result;
    }

    private static void Add(List<Sentence> result, string text, int start, int end, int paragraph)
    {
        var s = text[start..end].Trim();
        if (s.Length > 0)
            result.Add(new Sentence(s, paragraph, start));
    }

    private static bool IsAbbreviation(string text, int dot)
    {
        var wordStart = dot;
        while (wordStart > 0 && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.' || text[wordStart - 1] == '-'))
            wordStart--;
        var word = text[wordStart..dot];
        if (word.Length == 1 && char.IsUpper(word[0]))
            return true; // an initial
        return Abbreviations.Contains(word);
    }
}
