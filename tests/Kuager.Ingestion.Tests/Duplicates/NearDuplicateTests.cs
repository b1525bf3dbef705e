namespace Kuager.Ingestion.Tests.Duplicates;

public sealed class NearDuplicateTests
{
    private const string Story =
        "About a dozen people, mostly women, picketed the consulate in Almaty on Monday to demand the release of relatives held in Xinjiang. " +
        "They held pictures of their relatives and posters calling for the camps to be closed. One of them said her brother was arrested in 2019 " +
        "after he performed a song about the camps and has been held without trial ever since. Police watched but did not intervene this time.";

    [Fact]
    public void A_copy_retypeset_by_another_outlet_is_the_same_article_and_a_different_story_is_not()
    {
        var original = Fingerprint.Of(Story);
        var copy = Fingerprint.Of(Story.Replace("Monday", "Monday,", StringComparison.Ordinal).ToUpperInvariant() + " This post was first published elsewhere.");
        var other = Fingerprint.Of("A court in Taraz ordered the release of an activist and changed her prison sentence to restricted freedom, her lawyer said on Friday after the hearing.");

        Assert.True(original.Similarity(copy) >= NearDuplicates<int>.ArticleThreshold, $"copy {original.Similarity(copy)}");
        Assert.True(original.Similarity(other) < 0.2, $"other {original.Similarity(other)}");

        var seen = new NearDuplicates<int>();
        seen.AddArticle(1, original);
        Assert.Equal((true, 1), (seen.FindArticle(copy).Found, seen.FindArticle(copy).Key));
        Assert.False(seen.FindArticle(other).Found);
    }

    [Fact]
    public void A_repeated_paragraph_is_recognised_and_a_short_line_is_not_compared()
    {
        var seen = new NearDuplicates<string>();
        seen.AddParagraph("p1", Fingerprint.Of(Story));

        Assert.Equal((true, "p1"), seen.FindParagraph(Fingerprint.Of(Story.Replace("mostly", "mainly", StringComparison.Ordinal))));
        Assert.False(seen.FindParagraph(Fingerprint.Of("Share this story.")).Found);
    }

    [Fact]
    public void A_stored_signature_reads_back_to_the_same_fingerprint()
    {
        var print = Fingerprint.Of(Story);

        var back = Fingerprint.FromStored(print.Signature(), print.Words);

        Assert.Equal(1.0, print.Similarity(back));
        Assert.Equal(print.BandKeys(), back.BandKeys());
    }
}
