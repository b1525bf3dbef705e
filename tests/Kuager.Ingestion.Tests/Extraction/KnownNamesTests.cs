namespace Kuager.Ingestion.Tests.Extraction;

/// <summary>A run of Uyghur Arabic script or Chinese characters that is a registry person's name is a person without any cue.</summary>
public sealed class KnownNamesTests
{
    private static Ingestion.Extraction Extract(string text, KnownNames known) =>
        Extractor.Extract(new Article("Title", null, null, null, "en", [text]), known);

    [Theory]
    [InlineData("Abdurehim Tursun", "Police in Ghulja detained ئابدۇرېھىم تۇرسۇن in 2018.", "ئابدۇرېھىم تۇرسۇن")]
    [InlineData("ئابدۇرېھىم تۇرسۇن", "ساقچىلار ئابدۇرېھىم تۇرسۇن تۇتۇپ كەتتى.", "ئابدۇرېھىم تۇرسۇن")]
    [InlineData("Abdurehim Tursun", "Police in Ghulja detained 阿不都热依木·吐尔逊 in 2018.", "阿不都热依木·吐尔逊")]
    [InlineData("Abdurehim Tursun", "2018年阿不都热依木吐尔逊在伊宁被拘留。", "阿不都热依木吐尔逊")]
    [InlineData("阿依古丽", "昨天阿依古丽在伊宁被警察带走了。", "阿依古丽")]
    public void A_registry_name_in_a_script_without_capitals_is_a_person_without_a_cue(string registry, string sentence, string name)
    {
        var known = KnownNames.FromNames([registry, "Serik Akhmetov"]);

        Assert.Contains(name, Extract(sentence, known).Persons.Select(p => p.Name));
    }

    [Theory]
    [InlineData("Police in Ghulja detained ئابدۇرېھىم تۇرسۇن in 2018.")]
    [InlineData("昨天阿依古丽在伊宁被警察带走了。")]
    public void Without_the_registry_the_same_runs_are_not_persons(string sentence) =>
        Assert.Empty(Extract(sentence, KnownNames.None).Persons);

    [Fact]
    public void A_run_that_is_no_registry_name_stays_unproposed_and_the_event_goes_to_the_known_name()
    {
        var known = KnownNames.FromNames(["Abdurehim Tursun"]);

        var x = Extract("The sign read ئۇيغۇر ئېلى while police detained ئابدۇرېھىم تۇرسۇن nearby.", known);

        Assert.Equal(["ئابدۇرېھىم تۇرسۇن"], x.Persons.Select(p => p.Name));
        Assert.Equal(["ئابدۇرېھىم تۇرسۇن"], Assert.Single(x.Events, e => e.Type == "detained").Persons);
    }

    [Fact]
    public void Short_names_are_not_kept_as_they_would_be_met_by_chance()
    {
        var known = KnownNames.FromNames(["Ali", "Abdurehim Tursun"]);

        Assert.False(known.Contains("ئەلى"));
        Assert.True(known.Contains("Tursun Abdurehim"));
    }
}
