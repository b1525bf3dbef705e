using System.Globalization;

namespace Kuager.Ingestion;

/// <summary>Small numbers written as digits or words in English, Russian and Kazakh ("fifteen", "десять", "он бес").</summary>
internal static class Numbers
{
    private static readonly Dictionary<string, int> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["a"] = 1, ["an"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14,
        ["fifteen"] = 15, ["twenty"] = 20, ["thirty"] = 30,
        ["один"] = 1, ["одна"] = 1, ["два"] = 2, ["две"] = 2, ["три"] = 3, ["четыре"] = 4, ["пять"] = 5, ["шесть"] = 6,
        ["семь"] = 7, ["восемь"] = 8, ["девять"] = 9, ["десять"] = 10, ["пятнадцать"] = 15, ["двадцать"] = 20,
        ["бір"] = 1, ["екі"] = 2, ["үш"] = 3, ["төрт"] = 4, ["бес"] = 5, ["алты"] = 6, ["жеті"] = 7, ["сегіз"] = 8, ["тоғыз"] = 9,
        ["он"] = 10, ["он бес"] = 15, ["жиырма"] = 20,
    };

    public static int? Parse(string text)
    {
        var t = text.Trim();
        if (t.Length == 0)
            return null;
        if (int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            return n;
        return Words.TryGetValue(t, out var w) ? w : null;
    }

    /// <summary>An amount written with thousands separators ("500,000", "1 200 000", "250 000"): its digits.</summary>
    public static string Digits(string amount) => new(amount.Where(char.IsDigit).ToArray());
}
