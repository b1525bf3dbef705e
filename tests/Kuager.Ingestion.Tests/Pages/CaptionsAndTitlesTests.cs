namespace Kuager.Ingestion.Tests.Pages;

public sealed class CaptionsAndTitlesTests
{
    private const string Page = """
        <!doctype html><html lang="en"><head><title>Relatives protest in Almaty | Steppe Daily</title>
        <meta property="og:site_name" content="Steppe Daily"></head>
        <body><main><article>
          <div class="share"><a href="#">Share on Facebook</a></div>
          <figure><img src="x.jpg"><figcaption>Relatives hold photos outside the consulate.</figcaption></figure>
          <p>Relatives hold photos outside the consulate.</p>
          <p>Relatives of people held in Xinjiang gathered outside the Chinese consulate in Almaty on Tuesday.</p>
          <div class="wp-caption-text">A portrait of Arman Mukhametov.</div>
          <p>A portrait of Arman Mukhametov.</p>
          <p>Among them was Saule Mukhametova, whose husband Arman Mukhametov was detained in Ghulja in 2017.</p>
        </article></main></body></html>
        """;

    [Fact]
    public void A_caption_printed_again_in_the_body_is_dropped_and_the_title_loses_the_site_name()
    {
        var article = Assert.Single(PageReader.Read(Page, PageFormat.Html));

        Assert.Equal("Relatives protest in Almaty", article.Title);
        Assert.Equal(
            ["Relatives of people held in Xinjiang gathered outside the Chinese consulate in Almaty on Tuesday.",
             "Among them was Saule Mukhametova, whose husband Arman Mukhametov was detained in Ghulja in 2017."],
            article.Paragraphs);
    }

    [Fact]
    public void The_event_of_a_relative_introduced_by_whose_is_the_relatives()
    {
        var x = Extractor.Extract(Assert.Single(PageReader.Read(Page, PageFormat.Html)));

        Assert.Equal(["Arman Mukhametov"], Assert.Single(x.Events, e => e.Type == "detained").Persons);
    }

    [Theory]
    [InlineData("Relatives protest in Almaty | Steppe Daily", "Steppe Daily", "Relatives protest in Almaty")]
    [InlineData("Activist fined for picket — Vlast.kz", null, "Activist fined for picket")]
    [InlineData("Court hears asylum case - Radio Azattyq", "Radio Azattyq", "Court hears asylum case")]
    [InlineData("Kazakhstan - China: the border talks of the decade in review", null, "Kazakhstan - China: the border talks of the decade in review")]
    [InlineData("A title without a site", null, "A title without a site")]
    public void The_site_name_is_cut_from_a_page_title(string title, string? publisher, string expected) =>
        Assert.Equal(expected, PageReader.WithoutSiteName(title, publisher));
}
