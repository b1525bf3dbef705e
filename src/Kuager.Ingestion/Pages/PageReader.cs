using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Kuager.Core;

namespace Kuager.Ingestion;

/// <summary>
/// Turns one page (HTML, Markdown or plain text) into its articles: clean paragraphs without site furniture, a page of
/// many items split into one article per item, and the metadata the page gives (title, address, publisher, date,
/// language), the user's hints winning over the page.
/// </summary>
public static partial class PageReader
{
    private const int MaxTitle = 300;
    private const int MinItemLength = 300;

    private static readonly HtmlParser Parser = new();

    // Elements that are never article text.
    private const string JunkSelector =
        "script, style, noscript, template, nav, header, footer, aside, form, button, iframe, svg, figure, figcaption, select, textarea";

    private static readonly string[] JunkClassWords =
    [
        "share", "social", "related", "comment", "nav", "menu", "footer", "subscribe", "newsletter", "breadcrumb",
        "sidebar", "widget", "advert", "promo", "cookie", "caption", "tags", "author-bio", "pagination",
    ];

    private const string BlockSelector = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, dd, td";

    public static IReadOnlyList<Article> Read(string content, PageFormat format, SourceHints? hints = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        hints ??= SourceHints.None;
        return format == PageFormat.Html ? ReadHtml(content, hints) : ReadText(content, format == PageFormat.Markdown, hints);
    }

    // ---- HTML -------------------------------------------------------------------------------------------------

    private static List<Article> ReadHtml(string html, SourceHints hints)
    {
        using var document = Parser.ParseDocument(html);
        var meta = new PageMeta(
            Title: Meta(document, "og:title") ?? Clean(document.Title),
            Url: Meta(document, "og:url") ?? document.QuerySelector("link[rel=canonical]")?.GetAttribute("href"),
            Publisher: Meta(document, "og:site_name"),
            Date: DateOf(Meta(document, "article:published_time") ?? Meta(document, "date") ?? document.QuerySelector("time[datetime]")?.GetAttribute("datetime")),
            Language: document.DocumentElement.GetAttribute("lang"));

        var body = (IElement?)document.Body ?? document.DocumentElement;
        // A photo's caption is often printed again as a paragraph of the body; neither is the article's text.
        var captions = body.QuerySelectorAll("figcaption, [class*=caption], [class*=Caption]")
            .Select(c => Clean(c.TextContent)).OfType<string>().ToList();
        foreach (var junk in body.QuerySelectorAll(JunkSelector).ToList())
            junk.Remove();
        foreach (var junk in body.QuerySelectorAll("[class], [id], [role]").Where(IsJunk).ToList())
            junk.Remove();

        var items = body.QuerySelectorAll("article").Where(a => a.ParentElement?.Closest("article") is null).ToList();
        if (items.Count == 0)
            items = [body.QuerySelector("main") ?? body];

        var articles = new List<Article>();
        foreach (var item in items)
        {
            var heading = item.QuerySelector("h1, h2, h3");
            var paragraphs = Blocks(item).Where(p => !captions.Any(c => Same(p, c))).ToList();
            // The article's own heading, else the page's title without the site's name ("... | Steppe Daily").
            var title = items.Count > 1 ? Clean(heading?.TextContent)
                : Clean(item.QuerySelector("h1")?.TextContent) ?? WithoutSiteName(meta.Title, meta.Publisher) ?? Clean(heading?.TextContent);
            if (heading is not null && paragraphs.Count > 0 && Same(paragraphs[0], Clean(heading.TextContent)))
                paragraphs.RemoveAt(0);
            var date = items.Count > 1 ? DateOf(item.QuerySelector("time[datetime]")?.GetAttribute("datetime")) ?? meta.Date : meta.Date;
            var article = Build(paragraphs, meta with { Title = title, Date = date }, hints, titleFromBody: string.IsNullOrEmpty(title));
            if (article is not null)
                articles.Add(article);
        }

        return articles;
    }

    /// <summary>"Relatives protest in Almaty | Steppe Daily" without " | Steppe Daily": the last part after | – — or -, when it is the publisher's name or short.</summary>
    internal static string? WithoutSiteName(string? title, string? publisher)
    {
        if (title is null)
            return null;
        var cut = title.LastIndexOfAny(['|', '–', '—']);
        if (cut < 0)
            cut = title.LastIndexOf(" - ", StringComparison.Ordinal);
        if (cut <= 0)
            return title;
        var site = title[(cut + 1)..].Trim(' ', '-');
        var rest = title[..cut].Trim();
        var isSite = (publisher is not null && site.Equals(publisher, StringComparison.OrdinalIgnoreCase)) || site.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 3;
        return isSite && rest.Length >= 10 ? rest : title;
    }

    private static bool IsJunk(IElement e)
    {
        if (e.LocalName is "body" or "html" or "main" or "article")
            return false;
        var role = e.GetAttribute("role");
        if (role is "navigation" or "banner" or "contentinfo" or "complementary" or "search")
            return true;
        var names = ((e.GetAttribute("class") ?? string.Empty) + " " + (e.GetAttribute("id") ?? string.Empty)).ToLowerInvariant();
        foreach (var word in names.Split([' ', '-', '_'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (JunkClassWords.Any(j => word == j || word == j + "s" || (j.Length > 4 && word.StartsWith(j, StringComparison.Ordinal))))
                return true;
        }

        return false;
    }

    /// <summary>The innermost text blocks in document order (a list item holding paragraphs gives its paragraphs).</summary>
    private static IEnumerable<string> Blocks(IElement root)
    {
        var blocks = root.QuerySelectorAll(BlockSelector).Where(b => b.QuerySelector(BlockSelector) is null).ToList();
        if (blocks.Count == 0)
        {
            foreach (var line in root.TextContent.Split('\n'))
            {
                var text = Clean(line);
                if (text is not null)
                    yield return text;
            }

            yield break;
        }

        foreach (var block in blocks)
        {
            var text = Clean(block.TextContent);
            if (text is not null)
                yield return text;
        }
    }

    private static string? Meta(IDocument document, string name)
    {
        var element = document.QuerySelector($"meta[property='{name}']") ?? document.QuerySelector($"meta[name='{name}']");
        return Clean(element?.GetAttribute("content"));
    }

    // ---- Text and Markdown --------------------------------------------------------------------------------------

    private static List<Article> ReadText(string text, bool markdown, SourceHints hints)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var chunks = SplitItems(lines, markdown);
        var pageDate = DateInHeader(lines);
        var articles = new List<Article>();
        foreach (var chunk in chunks)
        {
            var paragraphs = Paragraphs(chunk, markdown).Where(p => !Boilerplate.IsFurniture(p) && !Boilerplate.IsListingHeading(p)).ToList();
            string? title = null;
            if (chunk.Heading is not null)
                title = chunk.Heading;
            else if (paragraphs.Count > 1 && LooksLikeTitle(paragraphs[0]))
            {
                title = paragraphs[0];
                paragraphs.RemoveAt(0);
            }

            // A title printed twice (page title, then the article's heading) is said once.
            while (title is not null && paragraphs.Count > 0 && Same(paragraphs[0], title))
                paragraphs.RemoveAt(0);
            var meta = new PageMeta(title, null, null, DateInHeader([.. chunk.Lines]) ?? pageDate, null);
            var article = Build(paragraphs, meta, hints, titleFromBody: title is null);
            if (article is not null)
                articles.Add(article);
        }

        return articles;
    }

    private sealed record Chunk(string? Heading, List<string> Lines);

    /// <summary>
    /// A page of many items: bullets ("•") each starting an item, Markdown headings of one level each starting an
    /// item, or separator lines (---, ***, * * *). Otherwise the whole page is one item.
    /// </summary>
    private static List<Chunk> SplitItems(string[] lines, bool markdown)
    {
        // Bullets split a listing only when each item is an article (long), not a list of points inside one.
        var bullets = lines.Count(l => l.TrimStart().StartsWith('•'));
        if (bullets >= 2 && MedianItemLength(lines) < MinItemLength)
            bullets = 0;
        var separators = lines.Count(l => Separator().IsMatch(l));
        var level = markdown ? HeadingLevelForItems(lines) : 0;
        var chunks = new List<Chunk>();
        var current = new Chunk(null, []);
        var started = false;
        foreach (var raw in lines)
        {
            var trimmed = raw.Trim();
            if (bullets >= 2 && trimmed.StartsWith('•'))
            {
                // Before the first bullet: the listing's header, dropped below.
                chunks.Add(current);
                current = new Chunk(null, [trimmed.TrimStart('•').Trim()]);
                started = true;
                continue;
            }

            if (bullets < 2 && separators >= 1 && Separator().IsMatch(raw))
            {
                chunks.Add(current);
                current = new Chunk(null, []);
                started = true;
                continue;
            }

            if (level > 0 && MarkdownHeading().Match(trimmed) is { Success: true } h && h.Groups[1].Length == level)
            {
                if (started || current.Lines.Any(l => l.Trim().Length > 0))
                    chunks.Add(current);
                current = new Chunk(MarkdownInline(h.Groups[2].Value), []);
                started = true;
                continue;
            }

            current.Lines.Add(raw);
        }

        chunks.Add(current);

        // Before the first bullet stands the listing's own header ("Category: kazakhstan"), not an article.
        if (bullets >= 2 && chunks.Count > 1)
            chunks.RemoveAt(0);
        return chunks;
    }

    /// <summary>The median length of the text from one bullet to the next (the last item, open-ended, left out).</summary>
    private static int MedianItemLength(string[] lines)
    {
        var lengths = new List<int>();
        var current = -1;
        foreach (var line in lines)
        {
            if (line.TrimStart().StartsWith('•'))
            {
                if (current >= 0)
                    lengths.Add(current);
                current = 0;
            }

            if (current >= 0)
                current += line.Trim().Length;
        }

        lengths.Sort();
        return lengths.Count == 0 ? 0 : lengths[lengths.Count / 2];
    }

    /// <summary>The heading level that starts items: the top level used at least twice, when it is used at all.</summary>
    private static int HeadingLevelForItems(string[] lines)
    {
        var levels = lines.Select(l => MarkdownHeading().Match(l.Trim())).Where(m => m.Success).Select(m => m.Groups[1].Length).ToList();
        for (var level = 1; level <= 3; level++)
        {
            var count = levels.Count(l => l == level);
            if (count >= 2)
                return level;
            if (count == 1)
                return level;
        }

        return 0;
    }

    /// <summary>
    /// Paragraphs from lines: a blank line ends one; so does a line ending a sentence or a short line (a heading),
    /// so that text with one paragraph per line and hard-wrapped text both read right.
    /// </summary>
    private static List<string> Paragraphs(Chunk chunk, bool markdown)
    {
        var result = new List<string>();
        var current = new StringBuilder();
        void Flush()
        {
            var text = Clean(current.ToString());
            if (text is not null)
                result.Add(text);
            current.Clear();
        }

        foreach (var raw in chunk.Lines)
        {
            var line = raw.Trim();
            if (markdown)
            {
                if (line.StartsWith("```", StringComparison.Ordinal))
                    continue;
                line = MarkdownInline(ListMarker().Replace(MarkdownHeading().Replace(line, "$2"), string.Empty).TrimStart('>').Trim());
            }

            if (line.Length == 0)
            {
                Flush();
                continue;
            }

            if (current.Length > 0)
                current.Append(' ');
            current.Append(line);
            if (line.Length < 60 || EndsSentence(line))
                Flush();
        }

        Flush();
        return result;
    }

    private static string MarkdownInline(string line)
    {
        line = MarkdownImage().Replace(line, string.Empty);
        line = MarkdownLink().Replace(line, "$1");
        return line.Replace("**", string.Empty, StringComparison.Ordinal).Replace("__", string.Empty, StringComparison.Ordinal).Replace("`", string.Empty, StringComparison.Ordinal);
    }

    /// <summary>
    /// The date of a page or item from a line near its top: a line that is only a date ("Posted on March 3, 2021",
    /// "03.03.2021"), a "Published"/"Updated" line with more after the date ("Published: 3 March 2021, 10:14 | By ..."),
    /// or the dateline that opens the first paragraph ("ALMATY, March 3, 2021 —"). Without one the date stays unknown.
    /// </summary>
    private static DateOnly? DateInHeader(string[] lines)
    {
        foreach (var raw in lines.Where(l => l.Trim().Length > 0).Take(6))
        {
            var trimmed = raw.Trim().TrimStart('•').Trim();
            var line = PostedOn().Replace(trimmed, string.Empty);
            if (line.Length is > 0 and <= 40 && DateOf(line) is { } date)
                return date;
            if (line.Length < trimmed.Length && DateOf(DateAtStart().Match(line).Value) is { } published)
                return published;
            if (Dateline().Match(trimmed) is { Success: true } dateline && DateOf(dateline.Groups["date"].Value) is { } datelined)
                return datelined;
        }

        return null;
    }

    // "3 March 2021", "March 3, 2021", "2021-03-03", "03.03.2021", "3 марта 2021 года": the date a line starts with.
    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4}|\d{1,2}\s+\p{L}+\.?,?\s+\d{4}|\p{L}+\.?\s+\d{1,2},?\s+\d{4})")]
    private static partial Regex DateAtStart();

    // "ALMATY, March 3, 2021 —", "NUR-SULTAN, Kazakhstan, 3 March 2021 (Reuters) -": a city in capitals, then the date.
    [GeneratedRegex(@"^[A-ZА-ЯЁ][A-ZА-ЯЁ .'-]+,\s+([A-Z][a-z]+,\s+)?(?<date>\d{1,2}\s+\p{L}+\.?\s+\d{4}|\p{L}+\.?\s+\d{1,2},?\s+\d{4})\s*(\([^)]*\)\s*)?[—–-]")]
    private static partial Regex Dateline();

    // ---- Both ---------------------------------------------------------------------------------------------------

    private sealed record PageMeta(string? Title, string? Url, string? Publisher, DateOnly? Date, string? Language);

    private static Article? Build(List<string> paragraphs, PageMeta meta, SourceHints hints, bool titleFromBody)
    {
        var kept = new List<string>();
        foreach (var p in paragraphs)
        {
            if (Boilerplate.IsFurniture(p) || Boilerplate.IsListingHeading(p))
                continue;
            if (kept.Count > 0 && Same(kept[^1], p))
                continue;
            kept.Add(p);
        }

        if (kept.Count == 0 || kept.Sum(p => p.Length) < 40)
            return null;
        var title = meta.Title;
        if (titleFromBody || string.IsNullOrWhiteSpace(title))
            title = FirstSentence(kept[0]);
        var text = string.Join("\n", kept);
        var language = hints.Language ?? (string.IsNullOrWhiteSpace(meta.Language) ? Languages.Detect(text) : meta.Language.Split('-')[0].ToLowerInvariant());
        return new Article(Truncate(title!, MaxTitle), hints.Url ?? meta.Url, hints.Publisher ?? meta.Publisher, hints.Date ?? meta.Date, language, kept);
    }

    private static bool LooksLikeTitle(string paragraph) =>
        paragraph.Length <= 200 && !EndsSentence(paragraph) && paragraph.Split(' ').Length <= 25;

    private static bool EndsSentence(string line) => line.Length > 0 && line[^1] is '.' or '!' or '?' or '»' or '"' or '”' or ':' or '…' or ')';

    private static bool Same(string a, string? b) => b is not null && string.Equals(a.Trim().TrimEnd('.'), b.Trim().TrimEnd('.'), StringComparison.OrdinalIgnoreCase);

    private static string FirstSentence(string paragraph)
    {
        var first = Sentences.Split(paragraph) is { Count: > 0 } s ? s[0].Text : paragraph;
        return Truncate(first, 160);
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";

    /// <summary>Collapses white space (including no-break spaces); null when nothing is left.</summary>
    internal static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var cleaned = Spaces().Replace(text, " ").Trim();
        return cleaned.Length == 0 ? null : cleaned;
    }

    private static DateOnly? DateOf(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        if (value.Length >= 10 && DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var iso))
            return iso;
        return FuzzyDate.TryParseText(value, null, out var date) && date.Precision == DatePrecision.Day ? date.Start : null;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^\s*((\*\s*){3,}|(-\s*){3,}|(_\s*){3,})\s*$")]
    private static partial Regex Separator();

    [GeneratedRegex(@"^(#{1,6})\s+(.*?)\s*#*$")]
    private static partial Regex MarkdownHeading();

    [GeneratedRegex(@"^([-*+]|\d+[.)])\s+")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"!\[[^\]]*\]\([^)]*\)")]
    private static partial Regex MarkdownImage();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"^(posted on|published on|published|updated on|updated|last updated|date|опубликовано|обновлено|дата|жарияланды)\s*:?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex PostedOn();
}
