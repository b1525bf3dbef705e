using Kuager.Names;

namespace Kuager.Core.Tests.Domain;

public class PersonTests
{
    private static readonly PersonName Kunbolat = new("Құнболат", Script.KazakhCyrillic, NameKind.Primary);

    private static Person Valid(params PersonName[] names) => new()
    {
        ExternalId = "AT-0001",
        Names = names.Length == 0 ? [Kunbolat] : names,
    };

    [Fact]
    public void A_person_with_one_primary_name_is_valid()
    {
        var person = Valid() with
        {
            BirthDate = FuzzyDate.InYear(1985),
            HometownId = 12,
            Citizenships = ["CN", "KZ"],
            OtherIds = [new OtherId("shahit", "1234")],
            Notes = new string('n', 20_000),
        };

        Errors.None(person.Validate());
    }

    [Fact]
    public void A_person_needs_at_least_one_name()
    {
        var error = Errors.On((Valid() with { Names = [] }).Validate(), "names");

        Assert.Contains("at least one name", error.Message);
    }

    [Fact]
    public void Only_one_name_can_be_primary()
    {
        var person = Valid(Kunbolat, new PersonName("Kunbolat", Script.English, NameKind.Primary));

        var error = Errors.On(person.Validate(), "names");
        Assert.Contains("only one name can be primary", error.Message);
    }

    [Fact]
    public void Several_non_primary_names_are_fine()
    {
        var person = Valid(
            Kunbolat,
            new PersonName("Kunbolat", Script.English, NameKind.Alias),
            new PersonName("Құнболатұлы", Script.KazakhCyrillic, NameKind.Patronymic),
            new PersonName("昆博拉特", Script.Chinese, NameKind.OfficialChinese));

        Errors.None(person.Validate());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_name_is_refused_at_its_index(string text)
    {
        var person = Valid(Kunbolat, new PersonName(text, Script.English, NameKind.Alias));

        var error = Errors.On(person.Validate(), "names[1]");
        Assert.Contains("cannot be empty", error.Message);
        Errors.NotOn(person.Validate(), "names[0]");
    }

    [Fact]
    public void A_name_cannot_contain_the_import_separator()
    {
        var person = Valid(new PersonName("Baibolat | Baybolat", Script.English, NameKind.Primary));

        var error = Errors.On(person.Validate(), "names[0]");
        Assert.Contains("'|'", error.Message);
    }

    [Fact]
    public void A_name_longer_than_300_characters_is_refused()
    {
        Errors.None(Valid(new PersonName(new string('a', 300), Script.English, NameKind.Primary)).Validate());

        var person = Valid(new PersonName(new string('a', 301), Script.English, NameKind.Primary));
        var error = Errors.On(person.Validate(), "names[0]");
        Assert.Contains("301", error.Message);
    }

    [Fact]
    public void The_same_name_in_the_same_script_cannot_be_listed_twice()
    {
        var person = Valid(Kunbolat, new PersonName("Құнболат", Script.KazakhCyrillic, NameKind.Alias));

        var error = Errors.On(person.Validate(), "names");
        Assert.Contains("\"Құнболат\" is listed twice", error.Message);
    }

    [Fact]
    public void The_same_text_in_two_scripts_is_not_a_duplicate()
    {
        // "Ilham" tagged once as press spelling and once as Uyghur Latin: two readings, both kept.
        var person = Valid(
            new PersonName("Ilham", Script.English, NameKind.Primary),
            new PersonName("Ilham", Script.UyghurLatin, NameKind.Alias));

        Errors.None(person.Validate());
    }

    [Fact]
    public void A_birth_date_before_1900_is_implausible()
    {
        // ~1900 means 1899 to 1901: it can mean a day before 1900.
        var error = Errors.On((Valid() with { BirthDate = FuzzyDate.Circa(1900) }).Validate(), "birthDate");

        Assert.Contains("~1900", error.Message);
        Errors.None((Valid() with { BirthDate = FuzzyDate.InYear(1900) }).Validate());
    }

    [Fact]
    public void A_birth_date_in_the_future_is_implausible()
    {
        var future = FuzzyDate.InYear(DateTime.UtcNow.Year + 2);

        var error = Errors.On((Valid() with { BirthDate = future }).Validate(), "birthDate");
        Assert.Contains("not a plausible birth date", error.Message);
        Errors.None((Valid() with { BirthDate = FuzzyDate.InYear(DateTime.UtcNow.Year) }).Validate());
    }

    [Fact]
    public void Notes_are_limited_to_20000_characters()
    {
        var error = Errors.On((Valid() with { Notes = new string('n', 20_001) }).Validate(), "notes");

        Assert.Contains("20001", error.Message);
        Assert.Contains("20000", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void A_hometown_must_be_an_existing_place(long hometownId)
    {
        Errors.OnlyOn((Valid() with { HometownId = hometownId }).Validate(), "hometownId");
    }

    [Fact]
    public void A_person_needs_an_external_id()
    {
        Errors.OnlyOn((Valid() with { ExternalId = " " }).Validate(), "externalId");
        Errors.OnlyOn((Valid() with { ExternalId = new string('x', 101) }).Validate(), "externalId");
    }

    [Fact]
    public void Citizenships_and_other_ids_cannot_be_blank()
    {
        Errors.OnlyOn((Valid() with { Citizenships = ["KZ", " "] }).Validate(), "citizenships");
        Errors.OnlyOn((Valid() with { OtherIds = [new OtherId("passport", "")] }).Validate(), "otherIds");
    }

    [Fact]
    public void Normalized_puts_the_primary_name_first_and_keeps_the_others_in_order()
    {
        var person = Valid(
            new PersonName("Baibolat Kunbolatuly", Script.English, NameKind.Alias),
            new PersonName("Байболат Құнболатұлы", Script.KazakhCyrillic, NameKind.Primary),
            new PersonName("Baybolat", Script.English, NameKind.Birth));

        var normalized = person.Normalized();

        Assert.Equal(
            ["Байболат Құнболатұлы", "Baibolat Kunbolatuly", "Baybolat"],
            normalized.Names.Select(n => n.Text));
        Assert.Equal([NameKind.Primary, NameKind.Alias, NameKind.Birth], normalized.Names.Select(n => n.Kind));
        Assert.Equal("Байболат Құнболатұлы", normalized.PrimaryName.Text);
    }

    [Fact]
    public void Normalized_marks_the_first_name_primary_when_none_is()
    {
        var person = Valid(
            new PersonName("Baibolat", Script.English, NameKind.Alias),
            new PersonName("Байболат", Script.RussianCyrillic, NameKind.Alias));

        var normalized = person.Normalized();

        Assert.Equal([NameKind.Primary, NameKind.Alias], normalized.Names.Select(n => n.Kind));
        Assert.Equal("Baibolat", normalized.Names[0].Text);
        Errors.None(normalized.Validate());
    }

    [Fact]
    public void Normalized_does_not_change_the_original()
    {
        var person = Valid(
            new PersonName("  Baibolat ", Script.English, NameKind.Alias),
            new PersonName("Байболат", Script.RussianCyrillic, NameKind.Primary));

        _ = person.Normalized();

        Assert.Equal("  Baibolat ", person.Names[0].Text);
        Assert.Equal(NameKind.Alias, person.Names[0].Kind);
    }

    [Fact]
    public void Normalized_folds_arabic_presentation_forms_and_cleans_spacing()
    {
        // ئىلھام as some PDFs give it: presentation forms, which NFKC folds to the ordinary letters.
        var person = Valid(
            new PersonName("\uFE8B\uFBE9\uFEE0\uFBAD\uFE8E\uFEE1", Script.UyghurArabic, NameKind.Primary),
            new PersonName("  Ilham \u200B  Tohti ", Script.English, NameKind.Alias),
            new PersonName("Ｉｌｈａｍ", Script.English, NameKind.Alias));

        var names = person.Normalized().Names;

        Assert.Equal("\u0626\u0649\u0644\u06BE\u0627\u0645", names[0].Text);
        Assert.Equal("Ilham Tohti", names[1].Text);
        Assert.Equal("Ilham", names[2].Text);
        Assert.Equal(Script.UyghurArabic, names[0].Script);
    }

    [Fact]
    public void Normalized_trims_optional_text_and_blanks_empty_values()
    {
        var person = Valid() with
        {
            Ethnicity = "  Kazakh ",
            Occupation = "   ",
            Notes = "",
        };

        var normalized = person.Normalized();

        Assert.Equal("Kazakh", normalized.Ethnicity);
        Assert.Null(normalized.Occupation);
        Assert.Null(normalized.Notes);
    }

    [Fact]
    public void Normalized_deduplicates_citizenships_ignoring_case()
    {
        var person = Valid() with { Citizenships = [" KZ", "CN", "kz ", "", "  ", "cn"] };

        Assert.Equal(["KZ", "CN"], person.Normalized().Citizenships);
    }

    [Fact]
    public void Normalized_leaves_a_person_without_names_alone()
    {
        var person = Valid() with { Names = [] };

        Assert.Same(person, person.Normalized());
    }

    public static TheoryData<FuzzyDate?, int?> BirthYears => new()
    {
        { FuzzyDate.OnDay(1985, 3, 4), 1985 },
        { FuzzyDate.InMonth(1985, 12), 1985 },
        { FuzzyDate.InSeason(1985, Season.Winter), 1985 },
        { FuzzyDate.InYear(1985), 1985 },
        { FuzzyDate.Circa(1985), null },
        { FuzzyDate.Between(FuzzyDate.InYear(1984), FuzzyDate.InYear(1986)), null },
        { null, null },
    };

    [Theory]
    [MemberData(nameof(BirthYears))]
    public void BirthYear_is_known_only_when_the_date_falls_in_one_year(FuzzyDate? birthDate, int? expected)
    {
        Assert.Equal(expected, (Valid() with { BirthDate = birthDate }).BirthYear);
    }

    [Theory]
    [InlineData("Құнболат", Script.KazakhCyrillic)]
    [InlineData("Токаев", Script.RussianCyrillic)]
    [InlineData("ئىلھام توختى", Script.UyghurArabic)]
    [InlineData("伊力哈木·土赫提", Script.Chinese)]
    [InlineData("Ilham Toxti", Script.UyghurLatin)]
    [InlineData("Jänibek", Script.KazakhLatin)]
    [InlineData("Tokayev", Script.English)]
    public void Detect_picks_the_script_from_the_letters(string text, Script expected)
    {
        var name = PersonName.Detect(text);

        Assert.Equal(expected, name.Script);
        Assert.Equal(NameKind.Alias, name.Kind);
        Assert.Equal(text, name.Text);
    }

    [Fact]
    public void Detect_normalises_the_text_before_detecting()
    {
        var name = PersonName.Detect("  \uFE8B\uFBE9\uFEE0\uFBAD\uFE8E\uFEE1 ", NameKind.Primary);

        Assert.Equal(new PersonName("\u0626\u0649\u0644\u06BE\u0627\u0645", Script.UyghurArabic, NameKind.Primary), name);
    }

    [Fact]
    public void PrimaryName_is_the_primary_even_when_it_is_not_first()
    {
        var person = Valid(
            new PersonName("Baibolat", Script.English, NameKind.Alias),
            new PersonName("Байболат", Script.KazakhCyrillic, NameKind.Primary));

        Assert.Equal("Байболат", person.PrimaryName.Text);
    }
}
