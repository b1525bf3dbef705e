namespace Kuager.Core.Tests.Domain;

public class SourceAndCitationTests
{
    private const string AbcSha256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    private static readonly Source Article = new()
    {
        Kind = SourceKind.News,
        Title = "Relatives report a man missing since 2017",
        Url = "https://example.org/news/2019/relatives-report",
        Date = FuzzyDate.OnDay(2019, 2, 22),
        Language = "ru",
    };

    [Fact]
    public void The_content_hash_of_a_text_is_its_sha256()
    {
        Assert.Equal(AbcSha256, (Article with { Text = "abc" }).ContentHash);
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Source.HashText(""));
    }

    [Fact]
    public void The_text_is_hashed_as_utf8()
    {
        // The UTF-16 bytes would give 6a7e175b...; the stored hash must match what other tools compute on the UTF-8 text.
        Assert.Equal("85535595d21a7ff50caebe32958921aceb17d415cb1c408c43cba0ad1ad0ef20", Source.HashText("Құнболат"));
    }

    [Fact]
    public void The_file_hash_wins_over_the_text()
    {
        var withFile = Article with
        {
            Text = "abc",
            File = new StoredFile("0000000000000000000000000000000000000000000000000000000000000001", 10, "application/pdf", "notice.pdf"),
        };

        Assert.Equal("0000000000000000000000000000000000000000000000000000000000000001", withFile.ContentHash);
    }

    [Fact]
    public void Without_text_or_file_there_is_no_hash()
    {
        Assert.Null(Article.ContentHash);
    }

    [Fact]
    public void A_copy_of_the_same_text_has_the_same_hash()
    {
        var copy = Article with { Id = 99, Title = "Reprint", Url = "https://example.com/reprint", Text = "Он пропал в 2017 году." };

        Assert.Equal((Article with { Text = "Он пропал в 2017 году." }).ContentHash, copy.ContentHash);
        Assert.NotEqual((Article with { Text = "Он пропал в 2018 году." }).ContentHash, copy.ContentHash);
    }

    [Fact]
    public void A_source_with_an_absolute_address_is_valid()
    {
        Errors.None(Article.Validate());
        Errors.None((Article with { Url = null }).Validate());
    }

    [Theory]
    [InlineData("not an address")]
    [InlineData("example.org/news")]
    [InlineData("")]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,<script>x</script>")]
    [InlineData("file:///etc/passwd")]
    [InlineData("/news/1")]
    public void An_invalid_address_is_refused(string url)
    {
        var error = Errors.On((Article with { Url = url }).Validate(), "url");

        Assert.Contains("is not a web address (http or https)", error.Message);
    }

    [Fact]
    public void A_source_needs_a_title_and_a_valid_file()
    {
        Errors.OnlyOn((Article with { Title = "" }).Validate(), "title");
        Errors.OnlyOn((Article with { File = new StoredFile(AbcSha256.ToUpperInvariant(), 3, "text/plain", "a.txt") }).Validate(), "file");
    }

    [Theory]
    [InlineData(EvidenceLevel.Unverified)]
    [InlineData(EvidenceLevel.SecondHand)]
    [InlineData(EvidenceLevel.RelativeTestimony)]
    [InlineData(EvidenceLevel.FirstPersonTestimony)]
    [InlineData(EvidenceLevel.Documented)]
    public void Evidence_levels_0_to_4_are_valid(EvidenceLevel level)
    {
        Errors.None((Cite(RecordKind.Person) with { Level = level }).Validate());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(5)]
    public void Other_evidence_levels_are_refused(int level)
    {
        var error = Errors.On((Cite(RecordKind.Event) with { Level = (EvidenceLevel)level }).Validate(), "level");

        Assert.Contains("0 to 4", error.Message);
    }

    [Fact]
    public void The_evidence_levels_have_the_numbers_of_the_domain()
    {
        Assert.Equal([0, 1, 2, 3, 4], Enum.GetValues<EvidenceLevel>().Select(l => (int)l));
        Assert.Equal(3, (int)EvidenceLevel.FirstPersonTestimony);
        Assert.Equal(4, (int)EvidenceLevel.Documented);
    }

    [Theory]
    [InlineData(RecordKind.Person)]
    [InlineData(RecordKind.Event)]
    [InlineData(RecordKind.Case)]
    [InlineData(RecordKind.Relationship)]
    public void A_citation_supports_a_person_event_case_or_relationship(RecordKind kind)
    {
        Errors.None(Cite(kind).Validate());
    }

    [Theory]
    [InlineData(RecordKind.Place, "place")]
    [InlineData(RecordKind.Organization, "organization")]
    [InlineData(RecordKind.Testimony, "testimony")]
    [InlineData(RecordKind.Source, "source")]
    [InlineData(RecordKind.Citation, "citation")]
    public void Other_targets_are_refused(RecordKind kind, string code)
    {
        var error = Errors.On(Cite(kind).Validate(), "targetKind");

        Assert.EndsWith($"not a {code}", error.Message);
    }

    [Fact]
    public void A_citation_needs_its_source_and_target()
    {
        Errors.OnlyOn((Cite(RecordKind.Person) with { SourceId = 0 }).Validate(), "sourceId");
        Errors.OnlyOn((Cite(RecordKind.Person) with { TargetId = 0 }).Validate(), "targetId");
        Errors.OnlyOn((Cite(RecordKind.Person) with { Quote = new string('q', 10_001) }).Validate(), "quote");
    }

    private static Citation Cite(RecordKind kind) => new()
    {
        SourceId = 1,
        TargetKind = kind,
        TargetId = 2,
        Level = EvidenceLevel.RelativeTestimony,
        Quote = "her brother was taken in spring 2017",
    };
}
