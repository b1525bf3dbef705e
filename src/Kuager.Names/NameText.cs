using System.Text;

namespace Kuager.Names;

/// <summary>Cleans a name for storage: same letters, one canonical spelling of the invisible and look-alike parts.</summary>
public static class NameText
{
    /// <summary>
    /// NFKC (which also folds Arabic presentation forms and full-width letters), apostrophe and middle-dot look-alikes
    /// unified, zero-width and bidi controls removed, whitespace trimmed and collapsed to single spaces.
    /// Case is kept: this is the stored form, not a match key.
    /// </summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
            return text;

        // Map before NFKC as well as after: NFKC would turn ´ into a space plus a combining accent and U+FF0E into a
        // full stop, and an invisible char left between a letter and its combining mark would stop them composing.
        var mapped = Clean(text, collapseWhitespace: false);
        var composed = mapped.IsNormalized(NormalizationForm.FormKC) ? mapped : mapped.Normalize(NormalizationForm.FormKC);

        // NFKC can itself produce look-alikes (half-width ･ becomes ・) and turns odd spaces into plain ones.
        return Clean(composed, collapseWhitespace: true);
    }

    private static string Clean(string text, bool collapseWhitespace)
    {
        var sb = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (IsInvisible(c))
                continue;

            if (collapseWhitespace && char.IsWhiteSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }

            sb.Append(Unify(c));
        }

        return sb.Length == text.Length && sb.Equals(text.AsSpan()) ? text : sb.ToString();
    }

    private static char Unify(char c) => c switch
    {
        // ’ ‘ ʼ ` ´, and ʻ (Uzbek/Turkic o‘ and g‘ are often typed with it).
        '\u2019' or '\u2018' or '\u02BC' or '`' or '\u00B4' or '\u02BB' => '\'',
        // Katakana middle dot, hyphenation point, full-width full stop, bullet, bullet and dot operators:
        // all stand for the · between the parts of a name written in Chinese characters.
        '\u30FB' or '\u2027' or '\uFF0E' or '\u2022' or '\u2219' or '\u22C5' => '\u00B7',
        _ => c,
    };

    // Zero-width space/non-joiner/joiner, word joiner, BOM, soft hyphen; bidi marks, embeddings, overrides and isolates.
    private static bool IsInvisible(char c) =>
        c is (>= '\u200B' and <= '\u200F') or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069')
            or '\u2060' or '\uFEFF' or '\u00AD' or '\u061C';
}
