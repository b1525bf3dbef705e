namespace Kuager.Core.Tests.Domain;

public class WireCodeTests
{
    [Fact]
    public void Enum_values_travel_as_kebab_codes()
    {
        Assert.Equal("detention-centre", WireCode.Of(PlaceKind.DetentionCentre));
        Assert.Equal("official-chinese", WireCode.Of(NameKind.OfficialChinese));
        Assert.Equal("in-camp", WireCode.Of(PersonStatus.InCamp));
        Assert.Equal("publish-with-name", WireCode.Of(Consent.PublishWithName));
        Assert.Equal("ngo", WireCode.Of(OrganizationKind.Ngo));
        Assert.Equal("person", WireCode.Of(RecordKind.Person));
    }

    [Theory]
    [InlineData("DetentionCentre", "detention-centre")]
    [InlineData("StatusValidUntil", "status-valid-until")]
    [InlineData("Ngo", "ngo")]
    [InlineData("X", "x")]
    [InlineData("", "")]
    public void ToKebab_splits_at_capitals(string pascal, string kebab)
    {
        Assert.Equal(kebab, WireCode.ToKebab(pascal));
    }

    [Theory]
    [InlineData("detention-centre")]
    [InlineData("DETENTION-CENTRE")]
    [InlineData("Detention-Centre")]
    [InlineData("  detention-centre ")]
    public void Codes_parse_ignoring_case_and_surrounding_spaces(string code)
    {
        Assert.True(WireCode.TryParse<PlaceKind>(code, out var kind));
        Assert.Equal(PlaceKind.DetentionCentre, kind);
        Assert.Equal(PlaceKind.DetentionCentre, WireCode.Parse<PlaceKind>(code));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("gulag")]
    [InlineData("1")]
    public void Unknown_codes_do_not_parse(string? code)
    {
        Assert.False(WireCode.TryParse<PlaceKind>(code, out var kind));
        Assert.Equal(PlaceKind.Country, kind);
    }

    [Fact]
    public void Parse_fails_loudly_on_an_unknown_code_and_says_what_is_allowed()
    {
        var ex = Assert.Throws<FormatException>(() => WireCode.Parse<Gender>("woman"));

        Assert.Contains("\"woman\"", ex.Message);
        Assert.Contains("unknown | male | female", ex.Message);
    }

    [Fact]
    public void All_and_Choices_list_the_codes_in_declaration_order()
    {
        Assert.Equal(["unknown", "male", "female"], WireCode.All<Gender>());
        Assert.Equal("open | closed", WireCode.Choices<CaseStatus>());
        Assert.Equal(
            "primary | alias | birth | patronymic | official-chinese",
            WireCode.Choices<NameKind>());
    }

    [Fact]
    public void Every_domain_enum_has_distinct_codes_that_round_trip()
    {
        var enums = typeof(Person).Assembly.GetTypes().Where(t => t.IsEnum && t.IsPublic).ToList();
        Assert.Contains(typeof(PlaceKind), enums);

        foreach (var type in enums)
        {
            var codes = Enum.GetNames(type).Select(WireCode.ToKebab).ToList();
            Assert.Equal(codes.Count, codes.Distinct().Count());
            Assert.All(codes, c => Assert.True(EventType.IsValidCode(c), $"{type.Name}: {c}"));
        }

        Assert.All(Enum.GetValues<PersonStatus>(), s => Assert.Equal(s, WireCode.Parse<PersonStatus>(WireCode.Of(s))));
    }
}
