using Kuager.Names;

namespace Kuager.Core.Tests.Duplicates;

public sealed class DuplicateScorerTests
{
    private static long _next;

    private static DuplicateProfile Person(string name, int? born = null, Gender gender = Gender.Unknown, string? ethnicity = null, long[]? hometown = null,
        string[]? aliases = null, string[]? relatives = null, long[]? sources = null, long[]? relativeIds = null) => new()
    {
        Id = Interlocked.Increment(ref _next),
        ExternalId = "P-" + name,
        Name = name,
        Names = [NameKeys.Of(name), .. (aliases ?? []).Select(NameKeys.Of)],
        BirthYear = born,
        Gender = gender,
        Ethnicity = ethnicity,
        HometownPath = hometown ?? [],
        RelativeNames = (relatives ?? []).Select(NameKeys.Of).ToList(),
        RelativeIds = relativeIds ?? [],
        SourceIds = sources ?? [],
    };

    private static readonly long[] Ghulja = [1, 2, 3, 4]; // China > Xinjiang > Ili > Ghulja county
    private static readonly long[] GhuljaVillage = [1, 2, 3, 4, 5];
    private static readonly long[] OtherVillage = [1, 2, 3, 4, 6];
    private static readonly long[] Almaty = [10, 11];

    [Fact]
    public void The_same_person_in_two_scripts_a_year_apart_with_a_coarser_hometown_is_a_likely_duplicate_with_its_reasons()
    {
        var a = Person("Кунболат Ерланулы", 1981, Gender.Male, "Kazakh", GhuljaVillage, relatives: ["Ерлан Сериков"]);
        var b = Person("Kunbolat Erlanuly", 1982, Gender.Male, "kazakh", Ghulja, relatives: ["Yerlan Serikov"]);

        var score = DuplicateScorer.Score(a, b);

        Assert.True(score.Score >= DuplicateScorer.DefaultThreshold, $"score {score.Score}");
        Assert.Equal(DuplicateReasons.Name, score.Reasons[0]);
        Assert.Contains(DuplicateReasons.BirthYear, score.Reasons);
        Assert.Contains(DuplicateReasons.Hometown, score.Reasons);
        Assert.Contains(DuplicateReasons.Relative, score.Reasons);
        Assert.Equal(EvidenceVerdict.Near, score.Evidence.Single(e => e.Reason == DuplicateReasons.BirthYear).Verdict);
        Assert.Equal(EvidenceVerdict.Near, score.Evidence.Single(e => e.Reason == DuplicateReasons.Hometown).Verdict);
        Assert.Equal(EvidenceVerdict.Agrees, score.Evidence.Single(e => e.Reason == DuplicateReasons.Gender).Verdict);
    }

    [Fact]
    public void Patronymic_and_surname_forms_of_one_name_match()
    {
        var score = DuplicateScorer.Score(Person("Serik Kunbolatuly", 1975, hometown: Ghulja), Person("Серик Кунболатов", 1975, hometown: Ghulja));

        Assert.True(score.Score >= DuplicateScorer.DefaultThreshold, $"score {score.Score}");
    }

    [Fact]
    public void Namesakes_born_years_apart_in_other_places_are_not_proposed()
    {
        var score = DuplicateScorer.Score(Person("Memet Tursun", 1960, Gender.Male, hometown: GhuljaVillage), Person("Memet Tursun", 1987, Gender.Male, hometown: Almaty));

        Assert.True(score.Score < 0.1, $"score {score.Score}");
        Assert.DoesNotContain(DuplicateReasons.BirthYear, score.Reasons);
        Assert.Equal(EvidenceVerdict.Differs, score.Evidence.Single(e => e.Reason == DuplicateReasons.Hometown).Verdict);
    }

    [Fact]
    public void People_recorded_as_related_to_each_other_are_never_one_person()
    {
        var father = Person("Tursun Memet", 1960, Gender.Male, hometown: GhuljaVillage);
        var son = Person("Tursun Memet", 1960, Gender.Male, hometown: GhuljaVillage, relativeIds: [father.Id]);

        Assert.True(DuplicateScorer.Score(father, son).Score < 0.1);
    }

    [Fact]
    public void Different_genders_or_different_names_weigh_strongly_against()
    {
        Assert.True(DuplicateScorer.Score(Person("Aynur Memet", 1980, Gender.Female), Person("Aynur Memet", 1980, Gender.Male)).Score < DuplicateScorer.DefaultThreshold);
        Assert.True(DuplicateScorer.Score(Person("Aynur Memet", 1980), Person("Gulnar Abdulla", 1980)).Score < 0.01);
    }

    [Fact]
    public void Siblings_with_a_shared_father_and_village_but_different_given_names_are_not_proposed()
    {
        var a = Person("Abdulla Tursun", 1985, Gender.Male, "Uyghur", GhuljaVillage, relatives: ["Tursun Memet"]);
        var b = Person("Abdurehim Tursun", 1988, Gender.Male, "Uyghur", GhuljaVillage, relatives: ["Tursun Memet"]);

        Assert.True(DuplicateScorer.Score(a, b).Score < DuplicateScorer.DefaultThreshold);
    }

    [Fact]
    public void Two_villages_of_one_county_differ_less_than_two_countries()
    {
        var village = DuplicateScorer.Score(Person("Aynur Memet", 1980, hometown: GhuljaVillage), Person("Aynur Memet", 1980, hometown: OtherVillage));
        var country = DuplicateScorer.Score(Person("Aynur Memet", 1980, hometown: GhuljaVillage), Person("Aynur Memet", 1980, hometown: Almaty));

        Assert.True(village.Score > country.Score);
        Assert.All([village, country], s => Assert.Equal(EvidenceVerdict.Differs, s.Evidence.Single(e => e.Reason == DuplicateReasons.Hometown).Verdict));
    }

    [Fact]
    public void A_shared_source_adds_and_missing_evidence_moves_nothing()
    {
        var bare = DuplicateScorer.Score(Person("Aynur Memet"), Person("Aynur Memet"));
        var cited = DuplicateScorer.Score(Person("Aynur Memet", sources: [7]), Person("Aynur Memet", sources: [7, 8]));

        Assert.True(cited.Score > bare.Score);
        Assert.Contains(DuplicateReasons.Source, cited.Reasons);
        Assert.All(bare.Evidence.Where(e => e.Reason != DuplicateReasons.Name), e => Assert.Equal((EvidenceVerdict.Unknown, 0.0), (e.Verdict, e.Weight)));
    }

    [Fact]
    public void A_rare_name_counts_for_more_than_a_common_one()
    {
        var rarity = new Dictionary<string, double> { ["memet"] = 1.0, ["tursun"] = 1.0, ["ilham"] = 12.0, ["tohti"] = 12.0 };
        double Weight(NamePart p) => rarity.GetValueOrDefault(p.Key, 6.0);

        var common = DuplicateScorer.Score(Person("Memet Tursun"), Person("Memet Tursun"), Weight);
        var rare = DuplicateScorer.Score(Person("Ilham Tohti"), Person("Ilham Tohti"), Weight);

        Assert.True(rare.Score > common.Score, $"rare {rare.Score}, common {common.Score}");
    }

    [Fact]
    public void A_name_hundreds_of_people_bear_agreeing_with_a_birth_year_is_not_enough_to_propose_a_pair()
    {
        // A registry of 100,000 people in which a thousand bear each of the two words of "Nurlan Serikov" (about ten
        // would bear the whole name by chance) and one bears "Ilham Tohti".
        var people = 100_000.0;
        var bearers = new Dictionary<string, double> { [Key("Nurlan")] = 1_000, [Key("Serikov")] = 1_000, [Key("Ilham")] = 2, [Key("Tohti")] = 2 };
        double Weight(NamePart p) => Math.Log(1 + ((people + 1) / (bearers.GetValueOrDefault(p.Key) + 1)));

        var namesakes = DuplicateScorer.Score(Person("Nurlan Serikov", 1975), Person("Nurlan Serikov", 1975), Weight);
        var same = DuplicateScorer.Score(Person("Ilham Tohti", 1975), Person("Ilham Tohti", 1975), Weight);
        var corroborated = DuplicateScorer.Score(Person("Nurlan Serikov", 1975, Gender.Male, hometown: GhuljaVillage), Person("Nurlan Serikov", 1975, Gender.Male, hometown: GhuljaVillage), Weight);

        Assert.True(namesakes.Score < DuplicateScorer.DefaultThreshold, $"namesakes {namesakes.Score}");
        Assert.True(same.Score >= DuplicateScorer.DefaultThreshold, $"rare name {same.Score}");
        Assert.True(corroborated.Score >= DuplicateScorer.DefaultThreshold, $"with a village and gender {corroborated.Score}");
        Assert.Equal(EvidenceVerdict.Agrees, namesakes.Evidence.Single(e => e.Reason == DuplicateReasons.Name).Verdict);

        static string Key(string word) => NameKeys.Of(word).Parts[0].Key;
    }

    [Fact]
    public void The_quick_score_agrees_with_the_full_one_and_skips_pairs_that_cannot_reach_the_bar()
    {
        var a = Person("Kunbolat Erlanuly", 1981, Gender.Male, hometown: Ghulja);
        var b = Person("Кунболат Ерланулы", 1981, Gender.Male, hometown: GhuljaVillage);
        var far = Person("Kunbolat Erlanuly", 1940, Gender.Female, hometown: Almaty);

        Assert.Equal(DuplicateScorer.Score(a, b), DuplicateScorer.ScoreAtLeast(a, b, 0.5), new ScoreComparer());
        Assert.Null(DuplicateScorer.ScoreAtLeast(a, far, 0.5));
        Assert.True(DuplicateScorer.Score(a, far).Score < 0.5);
    }

    [Theory]
    [InlineData("Aygul Tursunova", 0.9)] // a relative of the same name: relatives weighed after the names, the same score
    [InlineData("Aygul Tursunovaa", 0.9)] // alike, not the same: compared word by word
    [InlineData("Dilnaz Omarova", 0.9)] // no relative in common
    [InlineData("Aygul Tursunova", 0.5)]
    public void Relatives_weighed_last_give_the_same_score_as_weighing_everything(string relative, double bar)
    {
        var a = Person("Nurlan Serikov", 1975, Gender.Male, relatives: ["Aygul Tursunova", "Berik Nurlanuly"]);
        var b = Person("Нурлан Сериков", 1975, Gender.Male, relatives: [relative]);
        var full = DuplicateScorer.Score(a, b);

        var quick = DuplicateScorer.ScoreAtLeast(a, b, bar);

        if (full.Score >= bar)
        {
            Assert.Equal(full, quick, new ScoreComparer());
        }
        else
        {
            Assert.Null(quick);
        }
    }

    [Fact]
    public void A_relative_in_common_can_lift_a_pair_over_the_bar_and_is_weighed_only_then()
    {
        var a = Person("Nurlan Serikov", relatives: ["Aygul Tursunova"]);
        var b = Person("Nurlan Serikov", relatives: ["Айгуль Турсунова"]);
        var stranger = Person("Nurlan Serikov", relatives: ["Dilnaz Omarova"]);
        var bar = (DuplicateScorer.Score(a, stranger).Score + DuplicateScorer.Score(a, b).Score) / 2;

        Assert.Contains(DuplicateReasons.Relative, DuplicateScorer.ScoreAtLeast(a, b, bar)!.Reasons);
        Assert.Null(DuplicateScorer.ScoreAtLeast(a, stranger, bar));
    }

    private sealed class ScoreComparer : IEqualityComparer<DuplicateScore?>
    {
        public bool Equals(DuplicateScore? x, DuplicateScore? y) =>
            x is not null && y is not null && x.Score == y.Score && x.Reasons.SequenceEqual(y.Reasons) && x.Evidence.SequenceEqual(y.Evidence);

        public int GetHashCode(DuplicateScore? obj) => obj?.Score.GetHashCode() ?? 0;
    }
}
