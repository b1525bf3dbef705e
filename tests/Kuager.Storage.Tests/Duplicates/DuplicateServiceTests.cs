using Dapper;
using Kuager.Core;
using Kuager.Names;

namespace Kuager.Storage.Tests.Duplicates;

/// <summary>
/// Duplicate detection over a real database on both providers: everything it weighs comes from the projections
/// (hometown paths, relatives, sources), decisions are remembered, and nothing is ever merged by it.
/// </summary>
public sealed class DuplicateServiceTests
{
    private const string Editor = "editor";
    private static readonly Viewer Admin = Viewer.Operator("duplicates-test");
    private static readonly Viewer Visitor = Viewer.Anonymous;

    private static Person Named(string name, int? born, long? hometown = null, Gender gender = Gender.Male, params string[] aliases) => new()
    {
        ExternalId = $"D-{Guid.NewGuid():N}"[..12],
        Names = [new PersonName(name, ScriptDetector.Detect(name), NameKind.Primary), .. aliases.Select(a => PersonName.Detect(a))],
        Gender = gender,
        BirthDate = born is { } y ? FuzzyDate.InYear(y) : null,
        HometownId = hometown,
        Ethnicity = "Kazakh",
        Confidentiality = Confidentiality.Restricted,
    };

    private sealed record World(Person Brother, Person Cousin, Person Namesake, Person Father, Person FatherAgain, Person Other, long County, long Village);

    /// <summary>
    /// One man reported twice (by a brother in Almaty, a cousin in Istanbul, each naming his father in their own
    /// spelling, so the father is entered twice too), a namesake a generation older, and someone else.
    /// </summary>
    private static async Task<World> SeedAsync(TestDatabase db)
    {
        var china = await db.Store.CreateAsync(Build.Place("China", kind: PlaceKind.Country), Editor);
        var xinjiang = await db.Store.CreateAsync(Build.Place("Xinjiang", china.Id, PlaceKind.Region), Editor);
        var ili = await db.Store.CreateAsync(Build.Place("Ili", xinjiang.Id, PlaceKind.Prefecture), Editor);
        var county = await db.Store.CreateAsync(Build.Place("Nilka", ili.Id, PlaceKind.County), Editor);
        var village = await db.Store.CreateAsync(Build.Place("Ulastai", county.Id, PlaceKind.Village), Editor);
        var kazakhstan = await db.Store.CreateAsync(Build.Place("Kazakhstan", kind: PlaceKind.Country), Editor);
        var almaty = await db.Store.CreateAsync(Build.Place("Almaty", kazakhstan.Id, PlaceKind.City), Editor);

        var father = await db.Store.CreateAsync(Named("Ерлан Сериков", 1950, village.Id), Editor);
        var brother = await db.Store.CreateAsync(Named("Кунболат Ерланулы", 1981, village.Id), Editor);
        var cousin = await db.Store.CreateAsync(Named("Kunbolat Yerlanuly", 1982, county.Id), Editor);
        var namesake = await db.Store.CreateAsync(Named("Kunbolat Erlanuly", 1961, almaty.Id), Editor);
        var other = await db.Store.CreateAsync(Named("Gulnar Sadykova", 1990, almaty.Id, Gender.Female), Editor);
        var fatherAgain = await db.Store.CreateAsync(Named("Yerlan Serikov", null), Editor);
        await db.Store.CreateAsync(Relationship.ChildOf(brother.Id, father.Id), Editor);
        await db.Store.CreateAsync(Relationship.ChildOf(cousin.Id, fatherAgain.Id), Editor);
        var source = await db.Store.CreateAsync(Build.Source("Relatives of the detained speak"), Editor);
        await db.Store.CreateAsync(new Citation { SourceId = source.Id, TargetKind = RecordKind.Person, TargetId = brother.Id, Level = EvidenceLevel.RelativeTestimony }, Editor);
        await db.Store.CreateAsync(new Citation { SourceId = source.Id, TargetKind = RecordKind.Person, TargetId = cousin.Id, Level = EvidenceLevel.RelativeTestimony }, Editor);
        return new World(brother, cousin, namesake, father, fatherAgain, other, county.Id, village.Id);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_same_man_reported_twice_is_found_with_every_reason_so_is_his_father_and_his_namesake_is_not(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await SeedAsync(db);
        var before = await db.SnapshotAsync();

        var pairs = await DuplicateService.For(db.Database).FindAllAsync();

        Assert.Equal([(w.Brother.Id, w.Cousin.Id), (w.Father.Id, w.FatherAgain.Id)], pairs.Select(p => (p.A.Id, p.B.Id)));
        var pair = pairs[0];
        Assert.Equal(w.Brother.ExternalId, pair.A.ExternalId);
        Assert.Equal("Кунболат Ерланулы", pair.A.Name);
        Assert.Equal(DuplicateReasons.Name, pair.Score.Reasons[0]);
        Assert.Superset(
            new HashSet<string> { DuplicateReasons.Name, DuplicateReasons.BirthYear, DuplicateReasons.Hometown, DuplicateReasons.Relative, DuplicateReasons.Source },
            pair.Score.Reasons.ToHashSet());
        Assert.Equal(EvidenceVerdict.Near, pair.Score.Evidence.Single(e => e.Reason == DuplicateReasons.Hometown).Verdict);
        var fathers = pairs[1].Score;
        Assert.Equal([DuplicateReasons.Name, DuplicateReasons.Relative], fathers.Reasons.Take(2));
        Assert.Equal(EvidenceVerdict.Unknown, fathers.Evidence.Single(e => e.Reason == DuplicateReasons.BirthYear).Verdict);
        Assert.Equal(before, await db.SnapshotAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_person_being_entered_gets_the_likely_existing_matches_the_viewer_may_see(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await SeedAsync(db);
        var draft = Named("Qunbolat Erlanuly", 1981, w.Village);

        var candidates = await DuplicateService.For(db.Database).CandidatesForAsync(draft, Admin);

        Assert.Equal([w.Brother.Id, w.Cousin.Id], candidates.Select(c => c.Person.Id).Order().ToArray());
        Assert.All(candidates, c => Assert.True(c.Score.Score >= DuplicateScorer.DefaultThreshold));
        Assert.Equal(candidates.OrderByDescending(c => c.Score.Score).Select(c => c.Person.Id), candidates.Select(c => c.Person.Id));
        Assert.Empty(await DuplicateService.For(db.Database).CandidatesForAsync(Named("Gulnar Sadykova", 1960, w.Village, Gender.Female), Admin));

        // Restricted records are above a visitor's clearance: they are never told such a person exists.
        Assert.Empty(await DuplicateService.For(db.Database).CandidatesForAsync(draft, Visitor));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Not_the_same_person_is_remembered_and_never_proposed_again_later_goes_last(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await SeedAsync(db);
        var third = await db.Store.CreateAsync(Named("Kunbolat Erlanuly", 1981, w.Village), Editor);
        var service = DuplicateService.For(db.Database);
        var queue = await service.QueueAsync(Admin);
        Assert.Equal(4, queue.Count);
        Assert.All(queue, q => Assert.Null(q.Decision));

        await service.DecideAsync(w.Cousin.Id, w.Brother.Id, DuplicateDecision.Distinct, Editor);
        var first = queue[0].Pair.A.Id == w.Brother.Id && queue[0].Pair.B.Id == w.Cousin.Id ? queue[1].Pair : queue[0].Pair;
        await service.DecideAsync(first.A.Id, first.B.Id, DuplicateDecision.Later, Editor);

        Assert.Equal(DuplicateDecision.Distinct, await service.DecisionAsync(w.Brother.Id, w.Cousin.Id));
        var after = await service.QueueAsync(Admin);
        Assert.Equal(3, after.Count);
        Assert.DoesNotContain(after, q => q.Pair.A.Id == w.Brother.Id && q.Pair.B.Id == w.Cousin.Id);
        Assert.Equal(DuplicateDecision.Later, after[^1].Decision);
        Assert.Equal((first.A.Id, first.B.Id), (after[^1].Pair.A.Id, after[^1].Pair.B.Id));
        Assert.DoesNotContain(await service.FindAllAsync(), p => p.A.Id == w.Brother.Id && p.B.Id == w.Cousin.Id);

        // Edits later do not bring the pair back.
        await db.Store.UpdateAsync((await db.Store.GetAsync<Person>(w.Cousin.Id, Admin))! with { Occupation = "teacher" }, Editor);
        Assert.DoesNotContain(await service.QueueAsync(Admin), q => q.Pair.A.Id == w.Brother.Id && q.Pair.B.Id == w.Cousin.Id);
        Assert.Empty(await service.QueueAsync(Visitor));

        await using var c = await db.Database.OpenAsync();
        Assert.Equal(2, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE action = 'duplicate-decision'"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Compare_scores_any_two_people_and_pairs_involving_new_people_are_found_through_the_name_index(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await SeedAsync(db);
        var service = DuplicateService.For(db.Database);

        var compared = await service.CompareAsync(w.Cousin.Id, w.Namesake.Id);
        Assert.NotNull(compared);
        Assert.Equal((w.Cousin.Id, w.Namesake.Id), (compared.A.Id, compared.B.Id));
        Assert.True(compared.Score.Score < DuplicateScorer.DefaultThreshold);
        Assert.Equal(EvidenceVerdict.Differs, compared.Score.Evidence.Single(e => e.Reason == DuplicateReasons.BirthYear).Verdict);
        Assert.Null(await service.CompareAsync(w.Cousin.Id, 999_999));

        var all = await service.FindAllAsync();
        var involving = await service.InvolvingAsync([w.Cousin.Id, w.FatherAgain.Id]);
        Assert.Equal(all.Select(p => (p.A.Id, p.B.Id)), involving.Select(p => (p.A.Id, p.B.Id)));
        Assert.Equal(all.Select(p => p.Score.Score), involving.Select(p => p.Score.Score));
        Assert.Empty(await service.InvolvingAsync([w.Other.Id]));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Confidential_fields_are_not_weighed_and_deleted_people_are_not_proposed(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await SeedAsync(db);
        var service = DuplicateService.For(db.Database);
        var cousin = (await db.Store.GetAsync<Person>(w.Cousin.Id, Admin))!;

        // A birth year marked confidential is not evidence: it is in no projection, and a reason would reveal it.
        await db.Store.UpdateAsync(cousin with { ConfidentialFields = ["birthDate", "hometownId"] }, Editor);
        var pair = Assert.Single(await service.FindAllAsync(0.5), p => p.B.Id == w.Cousin.Id);
        Assert.Equal(EvidenceVerdict.Unknown, pair.Score.Evidence.Single(e => e.Reason == DuplicateReasons.BirthYear).Verdict);
        Assert.Equal(EvidenceVerdict.Unknown, pair.Score.Evidence.Single(e => e.Reason == DuplicateReasons.Hometown).Verdict);

        var current = (await db.Store.GetAsync<Person>(w.Cousin.Id, Admin))!;
        await db.Store.DeleteAsync<Person>(current.Id, current.Version, Editor);
        Assert.DoesNotContain(await service.FindAllAsync(0.3), p => p.A.Id == w.Cousin.Id || p.B.Id == w.Cousin.Id);
        Assert.Null(await service.CompareAsync(w.Brother.Id, w.Cousin.Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_decision_about_a_missing_person_or_a_person_and_themselves_is_refused(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await SeedAsync(db);
        var service = DuplicateService.For(db.Database);

        var missing = await Assert.ThrowsAsync<NotFoundException>(() => service.DecideAsync(w.Brother.Id, 424242, DuplicateDecision.Distinct, Editor));
        Assert.Contains("424242", missing.Message);
        await Assert.ThrowsAsync<ValidationException>(() => service.DecideAsync(w.Brother.Id, w.Brother.Id, DuplicateDecision.Distinct, Editor));
        Assert.Null(await service.DecisionAsync(w.Brother.Id, w.Cousin.Id));
    }
}
