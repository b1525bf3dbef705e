using Kuager.Core;

namespace Kuager.Storage.Tests.Duplicates.Synthetic;

/// <summary>The generator behind the duplicate quality tests: deterministic, varied as promised, and its truth consistent.</summary>
public sealed class SyntheticRegistryTests
{
    private static readonly SyntheticOptions Options = new() { People = 3000, DuplicateShare = 0.3, Seed = 7 };

    private static readonly Lazy<SyntheticRegistry> Registry = new(() => SyntheticRegistry.Generate(Options));

    [Fact]
    public void The_same_seed_gives_the_same_registry_and_another_seed_another()
    {
        var small = Options with { People = 400 };
        static string Fingerprint(SyntheticRegistry r) => string.Join("\n", r.Records.Select((_, i) => r.Describe(i)))
            + string.Join(";", r.Relationships) + string.Join(";", r.Sources.Select(s => s.Title + ":" + string.Join(",", s.Cited)));

        var first = Fingerprint(SyntheticRegistry.Generate(small));
        Assert.Equal(first, Fingerprint(SyntheticRegistry.Generate(small)));
        Assert.NotEqual(first, Fingerprint(SyntheticRegistry.Generate(small with { Seed = small.Seed + 1 })));
    }

    [Fact]
    public void Every_kind_of_variation_and_of_hard_negative_occurs_often_enough_to_be_measured()
    {
        var registry = Registry.Value;
        var pairs = registry.TruePairs().ToList();
        var variations = pairs.Select(p => registry.Variations(p.A, p.B)).ToList();
        foreach (var kind in Enum.GetValues<Variation>().Where(v => v != Variation.None))
        {
            // A second part that names another person (a husband's surname against the father's name) is rare on purpose.
            var count = variations.Count(v => v.HasFlag(kind));
            Assert.True(count >= (kind == Variation.OtherSecondName ? 1 : 30), $"{kind}: only {count} of {pairs.Count} true pairs");
        }

        var quality = new PairQuality(registry, []);
        var negatives = quality.HardNegativesInRegistry().ToDictionary(x => x.Kind, x => x.Pairs);
        foreach (var kind in new[] { HardNegative.ParentChild, HardNegative.Sibling, HardNegative.Spouse, HardNegative.Namesake })
        {
            Assert.True(negatives.GetValueOrDefault(kind) >= 30, $"{kind}: only {negatives.GetValueOrDefault(kind)} pairs of records");
        }

        // Planted namesakes (the same name, told apart by year or hometown) besides those that happen by chance.
        Assert.True(registry.People.Count(p => p.NamesakeOf is not null) >= 50);

        // Every writing system appears, and patronymics, surnames, bare father's names and Russian full names.
        var names = registry.Records.SelectMany(r => r.Names).ToList();
        Assert.Empty(Enum.GetValues<Writing>().Except(names.Select(n => n.Writing)));
        Assert.Empty(Enum.GetValues<SecondForm>().Except(names.Select(n => n.Form)));
        Assert.Contains(names, n => n.Text.Contains('·', StringComparison.Ordinal));
        Assert.Contains(names, n => n.Text.EndsWith("ұлы", StringComparison.Ordinal));
        Assert.Contains(names, n => n.Text.EndsWith("ович", StringComparison.Ordinal));
    }

    [Fact]
    public void The_truth_is_consistent_with_the_records()
    {
        var registry = Registry.Value;
        var recorded = registry.People.Where(p => p.Recorded).ToList();
        var duplicated = recorded.Count(p => registry.RecordsOf(p.Id).Count > 1);

        Assert.InRange(recorded.Count, Options.People, Options.People + 10);
        Assert.InRange((double)duplicated / recorded.Count, 0.25, 0.35);
        Assert.Equal(registry.Records.Count, registry.Records.Select(r => r.ExternalId).Distinct().Count());
        Assert.Equal(registry.Records.Count, recorded.Sum(p => registry.RecordsOf(p.Id).Count));
        Assert.Equal(recorded.Sum(p => registry.RecordsOf(p.Id).Count * (registry.RecordsOf(p.Id).Count - 1) / 2), registry.TruePairs().Count());

        foreach (var r in registry.Records)
        {
            var person = registry.People[r.Person];
            Assert.True(person.Recorded);
            Assert.NotEmpty(r.Names);
            Assert.All(r.Names, n => Assert.False(string.IsNullOrWhiteSpace(n.Text) || n.Text.Contains('|', StringComparison.Ordinal)));
            Assert.True(r.Female is null || r.Female == person.Female, r.ExternalId);
            Assert.True(r.BirthYear is null || Math.Abs(r.BirthYear.Value - person.BirthYear) <= 1, r.ExternalId);
            Assert.True(r.Place is null || registry.Places.Within(person.Village, r.Place.Value), r.ExternalId);
            Assert.True(r.Ethnicity is null || r.Ethnicity == person.Ethnic, r.ExternalId);
        }

        // Records of one person never disagree by more than a year, and a later record is never empty of everything but names.
        foreach (var p in recorded)
        {
            var years = registry.RecordsOf(p.Id).Select(i => registry.Records[i].BirthYear).OfType<int>().ToList();
            Assert.True(years.Count == 0 || years.Max() - years.Min() <= 1);
            Assert.All(registry.RecordsOf(p.Id).Select(i => registry.Records[i]).Where(r => r.Report > 1),
                r => Assert.True(r.BirthYear is not null || r.Place is not null, r.ExternalId));
        }

        // Relationships join records whose people are related that way.
        foreach (var rel in registry.Relationships)
        {
            var a = registry.People[registry.Records[rel.A].Person];
            var b = registry.People[registry.Records[rel.B].Person];
            switch (rel.Type)
            {
                case RelationshipType.Parent:
                    Assert.True(b.Father == a.Id || b.Mother == a.Id);
                    break;
                case RelationshipType.Spouse:
                    Assert.Equal(a.Spouse, b.Id);
                    break;
                default:
                    Assert.Equal(RelationshipType.Sibling, rel.Type);
                    Assert.Equal(a.Father, b.Father);
                    break;
            }
        }

        Assert.All(registry.Sources, s => Assert.NotEmpty(s.Cited));
        Assert.All(registry.Sources.Where(s => s.Kind == SourceKind.Testimony), s => Assert.Single(s.Cited));

        // Siblings share their father's name (the hard negative); parents and children are linked by the patronymic.
        Assert.All(recorded.Where(p => p.Father is not null && !SyntheticNames.ChineseNamed(p.Ethnic)),
            p => Assert.Equal(registry.People[p.Father!.Value].Name.Given, p.Name.Father));
    }

    [Fact]
    public void Pairwise_figures_count_every_true_pair_those_never_proposed_included()
    {
        var registry = SyntheticRegistry.Generate(Options with { People = 500 });
        var truth = registry.TruePairs().ToList();
        string Id(int record) => registry.Records[record].ExternalId;

        // Half the true pairs proposed high, a quarter low, a quarter never; ten pairs of different people proposed high.
        var proposed = truth.Take(truth.Count / 2).Select(p => (Id(p.A), Id(p.B), 0.9))
            .Concat(truth.Skip(truth.Count / 2).Take(truth.Count / 4).Select(p => (Id(p.B), Id(p.A), 0.5)))
            .ToList();
        var wrong = Enumerable.Range(0, registry.Records.Count - 1).Select(i => (A: i, B: i + 1)).Where(p => !registry.SamePerson(p.A, p.B)).Take(10).ToList();
        proposed.AddRange(wrong.Select(p => (Id(p.A), Id(p.B), 0.95)));
        var quality = new PairQuality(registry, proposed);

        var high = quality.At(0.8);
        Assert.Equal(truth.Count, high.TruePairs);
        Assert.Equal((truth.Count / 2) + 10, high.Proposed);
        Assert.Equal(truth.Count / 2, high.TruePositives);
        Assert.Equal((double)(truth.Count / 2) / ((truth.Count / 2) + 10), high.Precision, 9);
        Assert.Equal((double)(truth.Count / 2) / truth.Count, high.Recall, 9);
        Assert.Equal(2 * high.Precision * high.Recall / (high.Precision + high.Recall), high.F1, 9);
        Assert.Equal(truth.Count - (truth.Count / 2), quality.FalseNegatives(0.8).Count());
        Assert.Equal(truth.Count - (truth.Count / 2) - (truth.Count / 4), quality.FalseNegatives(0.8).Count(f => f.Score is null));
        Assert.Equal(10, quality.FalsePositives(0.8).Count());

        // Lower, the low-scored true pairs count too; the best threshold is the one that takes them in.
        Assert.Equal((truth.Count / 2) + (truth.Count / 4), quality.At(0.5).TruePositives);
        Assert.Equal(quality.At(0.5).F1, quality.Best().F1, 12);
        Assert.InRange(quality.Best().Threshold, 0.3, 0.5);
        Assert.Equal(70, quality.Sweep().Count);
        Assert.Contains("recall by kind of variation", quality.Report("test", 0.8), StringComparison.Ordinal);
    }

    [Fact]
    public void Names_are_written_as_each_system_writes_them()
    {
        var baibolat = new NameSpec(Ethnic.Kazakh, false, SyntheticNames.IndexOf(Ethnic.Kazakh, false, "Байболат"),
            SyntheticNames.IndexOf(Ethnic.Kazakh, false, "Құнболат"), SyntheticNames.IndexOf(Ethnic.Kazakh, false, "Құнболат"), false, NameStyle.Patronymic);
        Assert.Equal("Байболат Құнболатұлы", SyntheticNames.Render(baibolat, Writing.KazakhCyrillic, SecondForm.Patronymic, false));
        Assert.Equal("Baibolat Qūnbolatūly", SyntheticNames.Render(baibolat, Writing.KazakhLatin2021, SecondForm.Patronymic, false));
        Assert.Equal("Baibolat Kunbolatuly", SyntheticNames.Render(baibolat, Writing.Press, SecondForm.Patronymic, false));
        Assert.Equal("Кунболатов Байболат", SyntheticNames.Render(baibolat, Writing.RussianCyrillic, SecondForm.Surname, true));
        Assert.Equal("Кунболатов Байболат Кунболатович", SyntheticNames.Render(baibolat, Writing.RussianCyrillic, SecondForm.RussianFull, false));
        Assert.Equal("Baybolat Qunbolat", SyntheticNames.Render(baibolat, Writing.PressQ, SecondForm.Father, false));

        var ilham = new NameSpec(Ethnic.Uyghur, false, SyntheticNames.IndexOf(Ethnic.Uyghur, false, "Ilham"),
            SyntheticNames.IndexOf(Ethnic.Uyghur, false, "Toxti"), SyntheticNames.IndexOf(Ethnic.Uyghur, false, "Toxti"), false, NameStyle.FatherName);
        Assert.Equal("Ilham Toxti", SyntheticNames.Render(ilham, Writing.UyghurLatin, SecondForm.Father, false));
        Assert.Equal("ئىلھام توختى", SyntheticNames.Render(ilham, Writing.UyghurArabic, SecondForm.Father, false));
        Assert.Equal("Ilham Tohti", SyntheticNames.Render(ilham, Writing.Press, SecondForm.Father, false));
        Assert.Equal("伊力哈木·土赫提", SyntheticNames.Render(ilham, Writing.Chinese, SecondForm.Father, false));
        Assert.Equal("Yilihamu Tuheti", SyntheticNames.Render(ilham, Writing.Pinyin, SecondForm.Father, false));
        Assert.Equal("Илхам Тохтиев", SyntheticNames.Render(ilham, Writing.RussianCyrillic, SecondForm.Surname, false));
    }
}
