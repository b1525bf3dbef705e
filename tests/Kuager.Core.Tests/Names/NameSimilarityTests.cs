using Kuager.Names;

namespace Kuager.Core.Tests.Names;

public class NameSimilarityTests
{
    private static double Score(string query, string candidate, Func<NamePart, double>? weight = null) =>
        NameSimilarity.Score(NameKeys.Of(query), NameKeys.Of(candidate), weight).Score;

    [Theory]
    [InlineData("Ilham Tohti")]
    [InlineData("Тоқаев Қасым-Жомарт Кемелұлы")]
    [InlineData("伊力哈木·土赫提")]
    [InlineData("ئىلھام توختى")]
    [InlineData("A. Tursun")]
    public void The_same_name_scores_one(string name) => Assert.Equal(1.0, Score(name, name), 9);

    [Theory]
    [InlineData("Ilham Tohti", "伊力哈木·土赫提")]
    [InlineData("Ilham Tohti", "ئىلھام توختى")]
    [InlineData("Ilham Tohti", "Ilham Toxti")]
    [InlineData("Qasym-Jomart Toqaev", "Касым-Жомарт Токаев")]
    [InlineData("Nursultan Nazarbayev", "Нурсултан Назарбаев")]
    [InlineData("Ürümqi", "Urumqi")]
    [InlineData("Qaraqash", "Karakax")]
    [InlineData("Memet Tursun", "买买提·吐尔逊")]
    [InlineData("Ehmetjan Qasimi", "Әхмәтҗан Қасими")]
    [InlineData("Baibolat", "Baybolat")]
    [InlineData("Sattarkhanov", "Sattarkanov")]
    [InlineData("Kaster", "Qaster")]
    public void Spellings_of_one_name_score_high(string a, string b)
    {
        Assert.True(Score(a, b) >= 0.9, $"{a} / {b}: {Score(a, b)}");
        Assert.True(Score(b, a) >= 0.9, $"{b} / {a}: {Score(b, a)}");
    }

    [Theory]
    [InlineData("Dilnigar Ilhamjan", "Dinigeer Yilamujiang")] // pinyin of the Chinese form
    [InlineData("Ilham Tohti", "伊力哈木土赫提")] // Chinese without the middle dot
    [InlineData("Abdureshit Tohti", "Abdu Reshit Tohti")] // split
    [InlineData("Kunbolatuly Serik", "Serik Kunbolatov")] // patronymic against surname, swapped
    [InlineData("Serik Kunbolatovich", "Serik Kunbolat")] // patronymic against the bare father's name
    [InlineData("Ürümchi", "Urumqi")]
    [InlineData("Yusup", "Jusup")]
    public void Harder_variants_still_score_well(string a, string b) =>
        Assert.True(Score(a, b) >= 0.8, $"{a} / {b}: {Score(a, b)}");

    [Fact]
    public void A_typo_scores_below_the_exact_name_but_high()
    {
        var exact = Score("Ilham Tohti", "Ilham Tohti");
        var transposed = Score("Ilham Tohit", "Ilham Tohti");
        var substituted = Score("Ilham Tahti", "Ilham Tohti");
        Assert.True(transposed < exact && transposed >= 0.85, transposed.ToString());
        Assert.True(substituted < exact && substituted >= 0.85, substituted.ToString());
    }

    [Fact]
    public void Swapped_order_scores_high_but_below_the_same_order()
    {
        var swapped = Score("Tohti Ilham", "Ilham Tohti");
        Assert.InRange(swapped, 0.9, 0.999);
    }

    [Fact]
    public void A_missing_query_part_costs_more_than_a_missing_stored_part()
    {
        var storedHasMore = Score("Ilham", "Ilham Tohti");
        var queryHasMore = Score("Ilham Tohti", "Ilham");
        Assert.True(storedHasMore > queryHasMore, $"{storedHasMore} {queryHasMore}");
        Assert.InRange(queryHasMore, 0.4, 0.6);
        Assert.InRange(storedHasMore, 0.75, 0.95);
    }

    [Fact]
    public void Rare_parts_weigh_more()
    {
        // Query "Ilham Tursun": one candidate shares the common part, the other the rare one.
        double Weight(NamePart p) => p.Key == "tursun" ? 0.2 : 3.0;
        var sharesRare = Score("Ilham Tursun", "Ilham Memet", Weight);
        var sharesCommon = Score("Ilham Tursun", "Abdulla Tursun", Weight);
        Assert.True(sharesRare > sharesCommon, $"{sharesRare} {sharesCommon}");
        Assert.Equal(Score("Ilham Tursun", "Ilham Memet"), Score("Ilham Tursun", "Abdulla Tursun"), 9);
    }

    [Fact]
    public void An_initial_matches_a_part_with_that_letter()
    {
        var matching = Score("A. Tursun", "Abdulla Tursun");
        var other = Score("M. Tursun", "Abdulla Tursun");
        Assert.True(matching > other, $"{matching} {other}");
        Assert.True(matching >= 0.8, matching.ToString());
    }

    [Theory]
    [InlineData("Ilham Tohti", "Gulnar Tursunova")]
    [InlineData("Nurlan Ospanov", "Dilnur Memet")]
    [InlineData("Тоқаев", "Назарбаев")]
    [InlineData("伊力哈木·土赫提", "Serik Akhmetov")]
    public void Unrelated_names_score_low(string a, string b) => Assert.True(Score(a, b) < 0.3, $"{a} / {b}: {Score(a, b)}");

    [Theory]
    [InlineData("Ilham Tohti", "Tohti Ilham")]
    [InlineData("Kunbolatuly Serik", "Serik Kunbolatov")]
    [InlineData("Dilnigar Ilhamjan", "Dinigeer Yilamujiang")]
    public void Scores_are_nearly_symmetric(string a, string b) => Assert.InRange(Math.Abs(Score(a, b) - Score(b, a)), 0, 0.05);

    [Theory]
    [InlineData("Ilham", "Ilham", 1.0)]
    [InlineData("Tokayev", "Тоқаев", 0.98)]
    [InlineData("Kunbolatuly", "Kunbolat", 0.9)]
    [InlineData("A", "Abdulla", 0.7)]
    [InlineData("Ilham", "Tohti", 0.0)]
    public void Part_similarity(string a, string b, double expected) =>
        Assert.Equal(expected, NameSimilarity.Part(NameKeys.Of(a).Parts[0], NameKeys.Of(b).Parts[0]), 6);

    [Fact]
    public void Empty_names_score_zero()
    {
        Assert.Equal(0, NameSimilarity.Score(NameKey.Empty, NameKeys.Of("Ilham")).Score);
        Assert.Equal(0, NameSimilarity.Score(NameKeys.Of("Ilham"), NameKey.Empty).Score);
    }
}
