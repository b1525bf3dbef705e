using Kuager.Names;

namespace Kuager.Core.Tests.Duplicates;

public sealed class DuplicateFinderTests
{
    private static DuplicateProfile Person(long id, string name, int? born = null, params string[] aliases) => new()
    {
        Id = id,
        ExternalId = $"P{id}",
        Name = name,
        Names = [NameKeys.Of(name), .. aliases.Select(NameKeys.Of)],
        BirthYear = born,
    };

    [Fact]
    public void Finds_spelling_variants_typos_and_joined_words_and_leaves_different_people_alone()
    {
        IReadOnlyList<DuplicateProfile> people =
        [
            Person(1, "Kunbolat Erlanuly", 1981),
            Person(2, "Кунболат Ерланулы", 1981),       // other script
            Person(3, "Abdureshit Memet", 1970),
            Person(4, "Abdu Reshit Memet", 1970),       // written in two words
            Person(5, "Gulnar Sadykova", 1990),
            Person(6, "Gulnar Sadykvoa", 1990),         // two letters swapped
            Person(7, "Serik Akhmetov", 1955),
            Person(8, "Aygul Tursun", 1999),
        ];

        var pairs = DuplicateFinder.Find(people, DuplicateScorer.DefaultThreshold);

        Assert.Equal([(1L, 2L), (3L, 4L), (5L, 6L)], pairs.Select(p => (p.A.Id, p.B.Id)).Order().ToList());
        Assert.All(pairs, p => Assert.True(p.A.Id < p.B.Id));
        Assert.Equal(pairs.OrderByDescending(p => p.Score.Score).Select(p => p.Score.Score), pairs.Select(p => p.Score.Score));
    }

    [Fact]
    public void Pairs_decided_distinct_are_skipped()
    {
        IReadOnlyList<DuplicateProfile> people = [Person(1, "Kunbolat Erlanuly", 1981), Person(2, "Kunbolat Erlanuly", 1981), Person(3, "Kunbolat Erlanuly", 1981)];

        var pairs = DuplicateFinder.Find(people, DuplicateScorer.DefaultThreshold, skip: (a, b) => (a, b) == (1, 2));

        Assert.Equal([(1L, 3L), (2L, 3L)], pairs.Select(p => (p.A.Id, p.B.Id)).Order().ToList());
    }

    [Fact]
    public void Blocking_compares_far_fewer_pairs_than_all_of_them_and_splits_common_names_by_birth_year()
    {
        var given = new[] { "Memet", "Abdulla", "Tursun", "Ahmet", "Gulnar", "Aynur", "Serik", "Erlan", "Aliya", "Dana" };
        var family = new[] { "Tursun", "Memet", "Ablimit", "Qadir", "Niyaz", "Rozi", "Omarov", "Saparov", "Kasymov", "Nurlanuly" };
        var people = new List<DuplicateProfile>();
        var id = 0L;
        for (var year = 1940; year < 2000; year++)
        {
            foreach (var g in given)
            {
                foreach (var f in family.Where(f => f != g))
                {
                    people.Add(Person(++id, $"{g} {f}", year));
                }
            }
        }

        var progress = new List<DuplicateProgress>();
        var pairs = DuplicateFinder.Find(people, 0.5, null, new SyncProgress(progress), CancellationToken.None, out var figures);

        // Every name occurs once per year and there are only twenty words: a worst case for blocking. Still, far
        // fewer pairs than all of them are compared, and common names only within a year.
        Assert.Equal(people.Count, figures.People);
        var all = (long)people.Count * (people.Count - 1) / 2;
        Assert.True(figures.Compared < all / 50, $"compared {figures.Compared} of {all}");
        Assert.True(figures.Compared > 0);
        Assert.All(pairs, p => Assert.True(Math.Abs(p.A.BirthYear!.Value - p.B.BirthYear!.Value) <= 1));
        Assert.Contains(progress, p => p.Stage == "comparing" && p.Done == p.Total);
    }

    [Fact]
    public void People_sharing_many_keys_are_compared_once_and_every_pair_is_found_as_when_compared_all_with_all()
    {
        // Namesakes share every key of their name (each pair of words, each less one letter); a few spellings apart
        // share only some. Whatever the blocks, the pairs found are those of comparing everyone with everyone.
        var people = new List<DuplicateProfile>();
        var id = 0L;
        foreach (var name in new[] { "Kunbolat Erlanuly", "Kunbolat Erlanuly", "Kunbolat Erlanov", "Kunbolat Erlanuly", "Erlan Kunbolatuly", "Kunbolat Erlanulyy" })
        {
            for (var year = 1980; year < 1983; year++)
            {
                people.Add(Person(++id, name, year));
            }
        }

        // A common name in one year: a block larger than a full comparison, compared within a year.
        for (var k = 0; k < DuplicateFinder.MaxBlock + 5; k++)
        {
            people.Add(Person(++id, "Serik Akhmetov", 1960 + (k % 3)));
        }

        var found = DuplicateFinder.Find(people, 0.5, null, null, CancellationToken.None, out var figures);

        var weight = DuplicateFinder.Weights(people);
        var all = new List<(long, long)>();
        for (var x = 0; x < people.Count; x++)
        {
            for (var y = x + 1; y < people.Count; y++)
            {
                if (DuplicateScorer.ScoreAtLeast(people[x], people[y], 0.5, weight) is not null && (people[x].Name != "Serik Akhmetov" || Math.Abs(people[x].BirthYear!.Value - people[y].BirthYear!.Value) <= 1))
                {
                    all.Add((people[x].Id, people[y].Id));
                }
            }
        }

        Assert.Equal(all.Order(), found.Select(p => (p.A.Id, p.B.Id)).Order());
        Assert.Equal(found.Count, found.Select(p => (p.A.Id, p.B.Id)).Distinct().Count());
        Assert.True(figures.Compared <= (long)people.Count * (people.Count - 1) / 2);
    }

    private sealed class SyncProgress(List<DuplicateProgress> seen) : IProgress<DuplicateProgress>
    {
        public void Report(DuplicateProgress value)
        {
            lock (seen)
            {
                seen.Add(value);
            }
        }
    }
}
