using System.Text;

namespace Kuager.Names;

/// <summary>Turns a name in any script or spelling into its <see cref="NameKey"/>. Pure.</summary>
public static class NameKeys
{
    /// <summary>The key of a name whose script is detected from its letters.</summary>
    public static NameKey Of(string text) => Of(text, ScriptDetector.Detect(NameText.Normalize(text)));

    /// <summary>The key of a name written in a known script.</summary>
    public static NameKey Of(string text, Script script)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = NameText.Normalize(text);
        var parts = new List<NamePart>();
        foreach (var word in normalized.Split([' ', '-', '\u00B7', ',', '.'], StringSplitOptions.RemoveEmptyEntries))
        {
            var lower = word.ToLowerInvariant();
            var latin = Fold(lower);
            if (latin.Length == 0)
                continue;
            parts.Add(new NamePart(lower, latin, latin, null, latin.Length == 1));
        }

        return new NameKey(normalized, script, parts);
    }

    // Placeholder folding until the transliteration tables land: strips diacritics, keeps a-z.
    private static string Fold(string word)
    {
        var sb = new StringBuilder(word.Length);
        foreach (var c in word.Normalize(NormalizationForm.FormD))
        {
            if (c is >= 'a' and <= 'z')
                sb.Append(c);
        }

        return sb.ToString();
    }
}
