using Kuager.Names;

namespace Kuager.Core.Tests.Indexing;

/// <summary>The in-memory name index on its own: what it holds, who may find what, and how parts are weighed.</summary>
public sealed class NameIndexTests
{
    private static IndexedPerson Person(long id, params string[] names) => Person(id, 0, null, names);

    private static IndexedPerson Person(long id, byte level, int? born, params string[] names) =>
        new(id, level, born, names.Select((n, i) => new IndexedName(i, NameKeys.Of(n).Parts)).ToArray());

    private static NameIndex With(params IndexedPerson[] people)
    {
        var index = new NameIndex();
        index.Upsert(people);
        return index;
    }

    private static long[] Find(NameIndex index, string query, int limit = 10, byte maxLevel = 2) =>
        index.Search(NameKeys.Of(query), limit, maxLevel).Select(h => h.PersonId).ToArray();

    [Fact]
    public void A_person_is_found_by_each_of_its_names_and_the_hit_says_which()
    {
        var index = With(Person(1, "Ilham Tohti", "Ilham Toxti"), Person(2, "Serik Akhmetov"));

        var hit = Assert.Single(index.Search(NameKeys.Of("Ilham Toxti"), 10, 2));

        Assert.Equal(1, hit.PersonId);
        Assert.Equal(1, hit.Position);
        Assert.Equal(1.0, hit.Score, 3);
        Assert.Equal((2, 3), (index.PersonCount, index.NameCount));
    }

    [Fact]
    public void Upserting_replaces_a_persons_names_and_removing_forgets_them()
    {
        var index = With(Person(1, "Gulnar Omarova"), Person(2, "Gulnar Omarova"));

        index.Upsert([Person(1, "Aygul Sadyrova")]);
        Assert.Equal([2L], Find(index, "Gulnar Omarova"));
        Assert.Equal([1L], Find(index, "Aygul Sadyrova"));

        index.Remove([2L, 99L]);
        Assert.Empty(Find(index, "Gulnar Omarova"));
        Assert.False(index.Contains(2));
        Assert.Equal((1, 1), (index.PersonCount, index.NameCount));
    }

    [Fact]
    public void People_above_the_level_asked_for_are_not_found()
    {
        var index = With(Person(1, 0, null, "Memet Imin"), Person(2, 1, null, "Memet Imin"), Person(3, 2, null, "Memet Imin"));

        Assert.Equal([1L], Find(index, "Memet Imin", maxLevel: 0));
        Assert.Equal([1L, 2L], Find(index, "Memet Imin", maxLevel: 1));
        Assert.Equal([1L, 2L, 3L], Find(index, "Memet Imin", maxLevel: 2));
    }

    [Fact]
    public void A_rare_part_in_common_weighs_more_than_a_common_one()
    {
        // Forty people share the given name Memet; one other shares the rare family name Qurbanjanov.
        var people = Enumerable.Range(0, 40).Select(i => Person(100 + i, $"Memet Other{(char)('a' + (i % 26))}{(char)('a' + (i / 26))}")).ToList();
        people.Add(Person(1, "Ahmet Qurbanjanov"));
        people.Add(Person(2, "Memet Qurbanjanov"));
        var index = With([.. people]);

        var hits = index.Search(NameKeys.Of("Memet Qurbanjanov"), 5, 2);

        Assert.Equal(2, hits[0].PersonId);
        Assert.Equal(1, hits[1].PersonId);
        Assert.True(hits[1].Score > hits[2].Score, "sharing the rare part should count for more than sharing the common one");
        Assert.True(index.Weight(NameKeys.Of("Qurbanjanov").Parts[0]) > index.Weight(NameKeys.Of("Memet").Parts[0]));
    }

    [Fact]
    public void A_part_too_common_to_walk_still_ranks_the_names_found_through_rarer_parts()
    {
        var index = new NameIndex(maxPostingsToWalk: 10);
        index.Upsert(Enumerable.Range(0, 30).Select(i => Person(100 + i, $"Memet Z{i:D2}x")));
        index.Upsert([Person(1, "Nurmemet Abdukerim"), Person(2, "Memet Abdukerim"), Person(3, "Tursun Abdukerim")]);

        var hits = index.Search(NameKeys.Of("Memet Abdukerim"), 3, 2);

        Assert.Equal(2, hits[0].PersonId);
        Assert.Equal(1.0, hits[0].Score, 3);
    }

    [Fact]
    public void A_name_holding_a_part_twice_is_counted_once_and_can_be_removed()
    {
        var index = With(Person(1, "Memet Memet"), Person(2, "Memet Tursun"));

        Assert.Equal(2, Find(index, "Memet").Length);
        index.Remove([1L]);
        Assert.Equal([2L], Find(index, "Memet"));
        Assert.Equal(index.Weight(NameKeys.Of("Tursun").Parts[0]), index.Weight(NameKeys.Of("Memet").Parts[0]), 6);
    }

    [Fact]
    public void The_birth_year_travels_with_the_hit_for_tie_breaking()
    {
        var index = With(Person(1, 0, 1975, "Abdurehim Heyit"), Person(2, 0, null, "Abdurehim Heyit"));

        var hits = index.Search(NameKeys.Of("Abdurehim Heyit"), 10, 0);

        Assert.Equal(1975, hits.Single(h => h.PersonId == 1).BirthYear);
        Assert.Null(hits.Single(h => h.PersonId == 2).BirthYear);
    }

    [Fact]
    public async Task Searches_run_while_people_are_added_and_removed()
    {
        var index = With(Enumerable.Range(1, 200).Select(i => Person(i, $"Aygul N{i:D3}k")).ToArray());

        var writer = Task.Run(() =>
        {
            for (var i = 1000; i < 1400; i++)
            {
                index.Upsert([Person(i, $"Aygul M{i:D4}q")]);
                index.Remove([i - 1]);
            }
        });
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            var found = 0;
            for (var n = 0; n < 200; n++)
                found += index.Search(NameKeys.Of("Aygul"), 5, 2).Count;
            return found;
        })).ToArray();
        await writer;
        var found = await Task.WhenAll(readers);

        Assert.All(found, f => Assert.Equal(1000, f));
        Assert.Equal(1399L, Find(index, "Aygul M1399q")[0]);
        Assert.DoesNotContain(Find(index, "Aygul M1398q", limit: 1000), id => id is >= 1000 and < 1399);
        Assert.Equal(201, index.PersonCount);
    }

    [Fact]
    public void An_empty_query_or_a_zero_limit_finds_no_one()
    {
        var index = With(Person(1, "Ilham Tohti"));

        Assert.Empty(index.Search(NameKey.Empty, 10, 2));
        Assert.Empty(index.Search(NameKeys.Of("Ilham"), 0, 2));
    }
}
