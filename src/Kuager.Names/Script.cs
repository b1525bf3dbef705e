namespace Kuager.Names;

/// <summary>The writing systems a name arrives in. Codes are BCP 47 style tags, used on the wire and in storage.</summary>
public enum Script
{
    KazakhCyrillic,
    KazakhLatin,
    UyghurArabic,
    UyghurLatin,
    UyghurCyrillic,
    RussianCyrillic,
    Chinese,
    English,
}

public static class Scripts
{
    private static readonly (Script Script, string Code)[] Codes =
    [
        (Script.KazakhCyrillic, "kk-Cyrl"),
        (Script.KazakhLatin, "kk-Latn"),
        (Script.UyghurArabic, "ug-Arab"),
        (Script.UyghurLatin, "ug-Latn"),
        (Script.UyghurCyrillic, "ug-Cyrl"),
        (Script.RussianCyrillic, "ru-Cyrl"),
        (Script.Chinese, "zh-Hans"),
        (Script.English, "en"),
    ];

    public static IReadOnlyList<string> AllCodes { get; } = Codes.Select(c => c.Code).ToArray();

    public static string Code(this Script script) => Codes[(int)script].Code;

    public static bool TryParse(string? code, out Script script)
    {
        foreach (var (s, c) in Codes)
        {
            if (string.Equals(c, code?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                script = s;
                return true;
            }
        }

        script = default;
        return false;
    }

    /// <summary>Right-to-left scripts are shown with dir="rtl".</summary>
    public static bool IsRightToLeft(this Script script) => script == Script.UyghurArabic;
}
