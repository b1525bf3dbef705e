namespace Kuager.Core.Tests.Domain;

public class EventVocabularyTests
{
    private static EventType Type(string code) => Assert.Single(EventVocabulary.Defaults, t => t.Code == code);

    [Fact]
    public void Codes_are_unique()
    {
        var duplicates = EventVocabulary.Defaults.GroupBy(t => t.Code).Where(g => g.Count() > 1).Select(g => g.Key);

        Assert.Empty(duplicates);
    }

    [Fact]
    public void Every_default_type_is_valid()
    {
        Assert.All(EventVocabulary.Defaults, t =>
        {
            Assert.True(EventType.IsValidCode(t.Code), t.Code);
            Assert.Empty(t.Validate());
        });
    }

    [Theory]
    // Xinjiang
    [InlineData("detained")]
    [InlineData("taken-to-camp")]
    [InlineData("interrogated")]
    [InlineData("sentenced")]
    [InlineData("transferred")]
    [InlineData("released")]
    [InlineData("passport-confiscated")]
    [InlineData("forced-labour")]
    [InlineData("contact-lost")]
    [InlineData("died-in-custody")]
    [InlineData("relative-held-as-guarantor")]
    [InlineData("biometrics-taken")]
    // Crossing
    [InlineData("crossed-border")]
    [InlineData("returned-to-china")]
    // Kazakhstan
    [InlineData("asylum-applied")]
    [InlineData("refugee-status-granted")]
    [InlineData("refugee-status-refused")]
    [InlineData("deportation-ordered")]
    [InlineData("picket")]
    [InlineData("administrative-arrest")]
    [InlineData("fined")]
    [InlineData("criminally-charged")]
    [InlineData("convicted")]
    [InlineData("attacked")]
    [InlineData("blacklisted")]
    [InlineData("organisation-suspended")]
    [InlineData("election-day-detention")]
    [InlineData("observer-expelled")]
    public void The_types_of_the_domain_are_in_the_vocabulary(string code)
    {
        var type = Type(code);

        Assert.False(string.IsNullOrWhiteSpace(type.Label));
    }

    [Theory]
    [InlineData("detained", PersonStatus.Detained)]
    [InlineData("taken-to-camp", PersonStatus.InCamp)]
    [InlineData("sentenced", PersonStatus.Imprisoned)]
    [InlineData("released", PersonStatus.Released)]
    [InlineData("surveillance-after-release", PersonStatus.UnderSurveillance)]
    [InlineData("contact-lost", PersonStatus.Missing)]
    [InlineData("died-in-custody", PersonStatus.Deceased)]
    [InlineData("crossed-border", PersonStatus.Abroad)]
    [InlineData("returned-to-china", PersonStatus.Deported)]
    [InlineData("asylum-applied", PersonStatus.AsylumSeeker)]
    [InlineData("refugee-status-granted", PersonStatus.Refugee)]
    [InlineData("administrative-arrest", PersonStatus.Detained)]
    [InlineData("convicted", PersonStatus.Imprisoned)]
    [InlineData("election-day-detention", PersonStatus.Detained)]
    [InlineData("interrogated", null)]
    [InlineData("transferred", null)]
    [InlineData("fined", null)]
    [InlineData("picket", null)]
    [InlineData("refugee-status-refused", null)]
    public void Each_type_implies_the_right_status(string code, PersonStatus? implied)
    {
        Assert.Equal(implied, Type(code).Implies);
    }

    [Fact]
    public void Types_are_grouped_by_region()
    {
        Assert.Equal(EventRegion.Xinjiang, Type("taken-to-camp").Region);
        Assert.Equal(EventRegion.Crossing, Type("crossed-border").Region);
        Assert.Equal(EventRegion.Kazakhstan, Type("administrative-arrest").Region);
    }

    [Theory]
    [InlineData("detained", true)]
    [InlineData("taken-to-camp", true)]
    [InlineData("article-174", true)]
    [InlineData("", false)]
    [InlineData("Detained", false)]
    [InlineData("taken_to_camp", false)]
    [InlineData("taken to camp", false)]
    [InlineData("қамау", false)]
    public void IsValidCode_takes_lower_case_letters_digits_and_hyphens(string code, bool valid)
    {
        Assert.Equal(valid, EventType.IsValidCode(code));
    }

    [Fact]
    public void A_code_is_at_most_60_characters()
    {
        Assert.True(EventType.IsValidCode(new string('a', 60)));
        Assert.False(EventType.IsValidCode(new string('a', 61)));
    }

    [Fact]
    public void A_user_defined_type_needs_a_valid_code_and_a_label()
    {
        var errors = new EventType("Forced Sterilisation", " ", EventRegion.Xinjiang, null).Validate();

        Assert.Contains("lower-case", Errors.On(errors, "code").Message);
        Errors.On(errors, "label");
        Errors.None(new EventType("forced-sterilisation", "Forced sterilisation", EventRegion.Xinjiang, null).Validate());
    }
}
