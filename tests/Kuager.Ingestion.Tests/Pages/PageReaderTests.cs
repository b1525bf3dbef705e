namespace Kuager.Ingestion.Tests.Pages;

public sealed class PageReaderTests
{
    private const string NewsPage = """
        <!doctype html>
        <html lang="ru-RU"><head>
          <title>Site title | Steppe Wire</title>
          <meta property="og:title" content="Активистку задержали у консульства">
          <meta property="og:site_name" content="Steppe Wire">
          <meta property="og:url" content="https://steppe.example/news/1">
          <meta property="article:published_time" content="2021-02-23T10:00:00+06:00">
        </head><body>
          <header><nav><a href="/">Главная</a><a href="/news">Новости</a></nav></header>
          <main><article>
            <h1>Активистку задержали у консульства</h1>
            <figure><img src="x.jpg"><figcaption>Айгуль Сапарова у консульства. Фото: Steppe Wire</figcaption></figure>
            <p>В Алматы полиция задержала активистку Айгуль Сапарову у консульства КНР.</p>
            <p>Айгуль Сапарова у консульства. Фото: Steppe Wire</p>
            <p>Суд приговорил Сапарову к 10 суткам ареста.</p>
            <div class="share-buttons"><a>Facebook</a><a>Telegram</a></div>
            <section class="related-posts"><h3>Читайте также</h3><ul><li>Другая новость о погоде в столице</li></ul></section>
          </article></main>
          <div id="comments"><form><textarea></textarea><button>Оставить комментарий</button></form></div>
          <footer>© 2021 Steppe Wire. Все права защищены.</footer>
        </body></html>
        """;

    [Fact]
    public void Html_article_keeps_the_text_and_drops_navigation_captions_sharing_related_and_comments()
    {
        var articles = PageReader.Read(NewsPage, PageFormat.Html);

        var article = Assert.Single(articles);
        Assert.Equal("Активистку задержали у консульства", article.Title);
        Assert.Equal(
            ["В Алматы полиция задержала активистку Айгуль Сапарову у консульства КНР.", "Суд приговорил Сапарову к 10 суткам ареста."],
            article.Paragraphs);
        Assert.Equal("https://steppe.example/news/1", article.Url);
        Assert.Equal("Steppe Wire", article.Publisher);
        Assert.Equal(new DateOnly(2021, 2, 23), article.Date);
        Assert.Equal("ru", article.Language);
    }

    [Fact]
    public void The_users_hints_win_over_what_the_page_says()
    {
        var hints = new SourceHints { Url = "https://other.example/a", Publisher = "Other", Date = new DateOnly(2021, 3, 1), Language = "kk" };

        var article = Assert.Single(PageReader.Read(NewsPage, PageFormat.Html, hints));

        Assert.Equal(("https://other.example/a", "Other", new DateOnly(2021, 3, 1), "kk"), (article.Url, article.Publisher, article.Date, article.Language));
    }

    [Fact]
    public void A_category_page_of_several_html_articles_gives_one_article_each_with_its_own_heading_and_date()
    {
        const string page = """
            <html lang="en"><body><h1>Category: kazakhstan</h1>
            <article><h2>First story about a picket</h2><time datetime="2021-02-22">Feb 22</time><p>Relatives held a picket outside the consulate in Almaty on Monday morning.</p></article>
            <article><h2>Second story about a fine</h2><time datetime="2021-03-05">Mar 5</time><p>A court in Almaty fined an activist 100,000 tenge for an unsanctioned rally.</p></article>
            </body></html>
            """;

        var articles = PageReader.Read(page, PageFormat.Html);

        Assert.Equal(["First story about a picket", "Second story about a fine"], articles.Select(a => a.Title));
        Assert.Equal([new DateOnly(2021, 2, 22), new DateOnly(2021, 3, 5)], articles.Select(a => a.Date!.Value));
        Assert.All(articles, a => Assert.Single(a.Paragraphs));
    }

    [Fact]
    public void A_text_listing_of_bulleted_items_is_split_and_its_boilerplate_lines_dropped()
    {
        var item = string.Join(' ', Enumerable.Repeat("Relatives of people held in Xinjiang gathered outside the consulate again today.", 6));
        var page = $"""
            Category: kazakhstan

              • ALMATY — {item}

                This post was originally published on Radio Somewhere.

              • ASTANA — {item.Replace("Relatives", "Families", StringComparison.Ordinal)}

                Share this:
            """;

        var articles = PageReader.Read(page, PageFormat.Text);

        Assert.Equal(2, articles.Count);
        Assert.StartsWith("ALMATY", articles[0].Paragraphs[0], StringComparison.Ordinal);
        Assert.StartsWith("ASTANA", articles[1].Paragraphs[0], StringComparison.Ordinal);
        Assert.All(articles, a => Assert.Single(a.Paragraphs));
        Assert.All(articles, a => Assert.Equal("en", a.Language));
    }

    [Fact]
    public void A_text_page_gives_its_title_once_and_its_date_from_a_posted_on_line()
    {
        const string page = """
            Posted on March 3, 2021

            Relatives fall silent during the visit

            Relatives fall silent during the visit

            Families of missing Kazakhs stopped their protests this week.
            Police had warned several of them not to travel to the capital.
            """;

        var article = Assert.Single(PageReader.Read(page, PageFormat.Text));

        Assert.Equal("Relatives fall silent during the visit", article.Title);
        Assert.Equal(new DateOnly(2021, 3, 3), article.Date);
        Assert.Equal(2, article.Paragraphs.Count);
    }

    [Fact]
    public void Markdown_headings_of_one_level_split_items_and_links_keep_their_words()
    {
        const string page = """
            # First item about the court

            The [district court](https://court.example) in Almaty **fined** the activist on Monday morning.

            # Second item about asylum

            ![photo](x.jpg)
            Two men applied for asylum in Kazakhstan after crossing the border from Xinjiang.
            """;

        var articles = PageReader.Read(page, PageFormat.Markdown);

        Assert.Equal(["First item about the court", "Second item about asylum"], articles.Select(a => a.Title));
        Assert.Equal("The district court in Almaty fined the activist on Monday morning.", articles[0].Paragraphs[0]);
        Assert.Equal("Two men applied for asylum in Kazakhstan after crossing the border from Xinjiang.", articles[1].Paragraphs[0]);
    }

    [Theory]
    [InlineData("Алматыда тұратын Бақытгүл інісі туралы айтты. Ол 2018 жылы ұсталды.", "kk")]
    [InlineData("В Алматы прошёл пикет родственников жителей Синьцзяна.", "ru")]
    [InlineData("Relatives held a picket in Almaty.", "en")]
    public void Language_is_told_from_the_letters(string text, string language) => Assert.Equal(language, Languages.Detect(text));

    [Fact]
    public void Sentences_split_at_full_stops_but_not_after_initials_or_titles()
    {
        var sentences = Sentences.Split("Mr. A. Tursun was detained. He was released on Dec. 26. «Я не знаю», — сказал он.");

        Assert.Equal(["Mr. A. Tursun was detained.", "He was released on Dec. 26.", "«Я не знаю», — сказал он."], sentences.Select(s => s.Text));
    }

    [Theory]
    [InlineData("Families wait for news\n\nALMATY, March 3, 2021 — Relatives of detained herders gathered again on Monday outside the consulate.", "2021-03-03")]
    [InlineData("Families wait for news\n\nPublished: 3 March 2021, 10:14 | By Staff\n\nRelatives of detained herders gathered again on Monday outside the consulate.", "2021-03-03")]
    [InlineData("Families wait for news\n\nUpdated on March 4, 2021 at 9:00\n\nRelatives of detained herders gathered again on Monday outside the consulate.", "2021-03-04")]
    public void A_text_page_takes_its_date_from_a_dateline_or_a_published_line(string page, string date) =>
        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), Assert.Single(PageReader.Read(page, PageFormat.Text)).Date);

    [Fact]
    public void A_page_without_a_date_line_has_no_date_even_when_its_text_mentions_days()
    {
        const string page = "Posted on\n\nFamilies wait for news\n\nALMATY, Kazakhstan — On February 22 relatives gathered again outside the consulate. In 2019 they first asked for help.";

        Assert.Null(Assert.Single(PageReader.Read(page, PageFormat.Text)).Date);
    }

    [Fact]
    public void Each_item_of_a_listing_takes_the_date_of_its_own_dateline()
    {
        var item = string.Join(' ', Enumerable.Repeat("Relatives of people held in Xinjiang gathered outside the consulate again today.", 6));
        var page = $"""
            Category: kazakhstan

              • ALMATY, March 3, 2021 — {item}

              • ASTANA, April 9, 2021 — {item.Replace("Relatives", "Families", StringComparison.Ordinal)}
            """;

        var articles = PageReader.Read(page, PageFormat.Text);

        Assert.Equal([new DateOnly(2021, 3, 3), new DateOnly(2021, 4, 9)], articles.Select(a => a.Date));
    }
}
