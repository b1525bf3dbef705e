using System.Text.RegularExpressions;

namespace Kuager.Ingestion;

/// <summary>Lines that belong to the website, not to the article: sharing, navigation, credits, comment forms, captions.</summary>
internal static partial class Boilerplate
{
    /// <summary>A paragraph that is only site furniture, dropped wherever it stands.</summary>
    public static bool IsFurniture(string paragraph)
    {
        var p = paragraph.Trim();
        if (p.Length == 0)
            return true;
        if (p.Length <= 200 && Furniture().IsMatch(p))
            return true;
        return p.Length <= 300 && Caption().IsMatch(p);
    }

    /// <summary>A heading that names a listing ("Category: kazakhstan"), not an article.</summary>
    public static bool IsListingHeading(string paragraph) => paragraph.Length <= 100 && Listing().IsMatch(paragraph.Trim());

    [GeneratedRegex(
        @"^(posted on\b|originally published|this (post|article|story) (was|first) (originally )?(published|appeared)|first published|share( this)?( on)?\b|follow us\b|subscribe\b|sign up\b|read (more|also|next)\b|related( posts| articles| stories)?:?$|you may also like|leave a (comment|reply)|post a comment|comments?( \(\d+\))?:?$|\d+ comments?$|reply$|tags?:|filed under|print$|email$|facebook$|twitter$|telegram$|whatsapp$|copy link|please make active links|all rights reserved|©|\(c\) \d{4}|cookies?\b|advertisement$|home$|menu$|search$|next post|previous post|back to top|skip to content|" +
        @"поделиться|подпишитесь|читайте (также|еще|ещё)|похожие (статьи|материалы|новости)|оставить комментарий|комментарии:?$|источник:|впервые опубликовано|все права защищены|" +
        @"бөлісу|жазылыңыз|сондай-ақ оқыңыз|пікір қалдыру|пікірлер:?$|дереккөз:|барлық құқықтар қорғалған)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Furniture();

    // "Michael Pompeo. Photo: informburo.kz", "Фото: Азаттық", "Photo by ...": a caption, repeated from a picture.
    [GeneratedRegex(@"(^|[.!?]\s+)(photo|photograph|image|picture|фото|сурет)(\s+by|\s+credit)?\s*[:©]|^(photo|фото|сурет) ", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Caption();

    [GeneratedRegex(@"^(category|categories|archives?|tag|рубрика|категория|архив|санат)\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Listing();
}
