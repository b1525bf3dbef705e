using System.Text.Json;
using Dapper;
using Kuager.Core;
using Kuager.Names;

namespace Kuager.Storage.Tests.Duplicates;

/// <summary>
/// Two records of one man (reported by a brother in Almaty and a cousin in Istanbul) with everything a merge must
/// carry: names, fields, events, cases, testimonies, citations and relationships, including a relationship
/// between the two records, one each of them has to the same sister, and links held in confidential fields.
/// </summary>
public sealed record MergeWorld(
    long Survivor, long Merged, long Sister, long Son, long Gulja, long Source,
    long DetainedEvent, long InterrogatedEvent, long ReleasedEvent,
    long AsylumCase, long CriminalCase, long SisterTestimony, long OwnTestimony,
    long CitesMerged, long CitesSurvivor, long CitesDuplicate,
    long Between, long MergedSister, long SurvivorSister, long MergedSon)
{
    public const string Editor = "editor";

    /// <summary>The merged record's occupation, confidential there: it must never appear in plain anywhere.</summary>
    public const string SecretOccupation = "herder-at-the-Kunes-farm-7731";

    public static Person SurvivorRecord() => Build.Person() with
    {
        Names =
        [
            new PersonName("Baibolat Kunbolatuly", Script.English, NameKind.Primary),
            new PersonName("Байболат Құнболатұлы", Script.KazakhCyrillic, NameKind.Alias),
        ],
        Gender = Gender.Male,
        BirthDate = null,
        Ethnicity = "Kazakh",
        Citizenships = ["Kazakhstan"],
        Notes = "reported by his brother in Almaty",
    };

    public static Person MergedRecord(long hometown) => Build.Person() with
    {
        Names =
        [
            new PersonName("Baybolat Kunbolat", Script.English, NameKind.Primary),
            new PersonName("Байболат Құнболатұлы", Script.KazakhCyrillic, NameKind.Alias),
            new PersonName("بايبولات قۇنبولات", Script.UyghurArabic, NameKind.Alias),
        ],
        Gender = Gender.Unknown,
        BirthDate = FuzzyDate.InYear(1971),
        Ethnicity = "Kazakh",
        Citizenships = ["PRC", "Kazakhstan"],
        OtherIds = [new OtherId("xjvictims", "4321")],
        HometownId = hometown,
        Occupation = SecretOccupation,
        Notes = "reported by his cousin in Istanbul",
        ConfidentialFields = ["occupation"],
    };

    public static async Task<MergeWorld> CreateAsync(TestDatabase db, Func<Person, Person>? mergedChange = null)
    {
        var store = db.Store;
        var gulja = await store.CreateAsync(Build.Place("Gulja"), Editor);
        var source = await store.CreateAsync(Build.Source("Relatives' statement"), Editor);
        var survivor = await store.CreateAsync(SurvivorRecord(), Editor);
        var merged = await store.CreateAsync((mergedChange ?? (p => p))(MergedRecord(gulja.Id)), Editor);
        var sister = await store.CreateAsync(Build.Person("Aigul Kunbolatkyzy"), Editor);
        var son = await store.CreateAsync(Build.Person("Erlan Baibolatuly"), Editor);

        var detained = await store.CreateAsync(Build.Event("detained", merged.Id, FuzzyDate.InYear(2018)) with { PlaceId = gulja.Id, Description = "taken from home" }, Editor);
        var interrogated = await store.CreateAsync(Build.Event("interrogated", survivor.Id) with
        {
            Participants = [new Participant(ParticipantRole.Subject, survivor.Id), new Participant(ParticipantRole.Witness, merged.Id)],
        }, Editor);
        var released = await store.CreateAsync(Build.Event("released", survivor.Id, FuzzyDate.InYear(2019)) with
        {
            Participants = [new Participant(ParticipantRole.Subject, survivor.Id), new Participant(ParticipantRole.Subject, merged.Id), new Participant(ParticipantRole.Witness, sister.Id)],
        }, Editor);

        var asylum = await store.CreateAsync(new Case
        {
            Title = "Asylum application",
            Kind = CaseKind.Asylum,
            Parties = [new CaseParty(CasePartyRole.Applicant, merged.Id), new CaseParty(CasePartyRole.Witness, sister.Id)],
        }, Editor);
        var criminal = await store.CreateAsync(new Case
        {
            Title = "Picket at the consulate",
            Kind = CaseKind.Administrative,
            Parties = [new CaseParty(CasePartyRole.Defendant, survivor.Id)],
            LawyerPersonId = merged.Id,
            ConfidentialFields = ["lawyerPersonId"],
        }, Editor);
        var sisterTestimony = await store.CreateAsync(new Testimony
        {
            SubjectPersonId = merged.Id,
            TestifierPersonId = sister.Id,
            Relation = TestimonyRelation.Sibling,
            Summary = "her brother was taken in 2018",
        }, Editor);
        var ownTestimony = await store.CreateAsync(new Testimony
        {
            SubjectPersonId = survivor.Id,
            TestifierPersonId = merged.Id,
            Relation = TestimonyRelation.Other,
            Summary = "told in Istanbul",
            ConfidentialFields = ["testifierPersonId"],
        }, Editor);

        var between = await store.CreateAsync(new Relationship { PersonAId = survivor.Id, PersonBId = merged.Id, Type = RelationshipType.OtherRelative }, Editor);
        var mergedSister = await store.CreateAsync(new Relationship { PersonAId = merged.Id, PersonBId = sister.Id, Type = RelationshipType.Sibling, Notes = "as the cousin said" }, Editor);
        var survivorSister = await store.CreateAsync(new Relationship { PersonAId = survivor.Id, PersonBId = sister.Id, Type = RelationshipType.Sibling }, Editor);
        var mergedSon = await store.CreateAsync(new Relationship { PersonAId = merged.Id, PersonBId = son.Id, Type = RelationshipType.Parent }, Editor);

        var citesMerged = await store.CreateAsync(Cite(source.Id, RecordKind.Person, merged.Id), Editor);
        var citesSurvivor = await store.CreateAsync(Cite(source.Id, RecordKind.Person, survivor.Id), Editor);
        var citesDuplicate = await store.CreateAsync(Cite(source.Id, RecordKind.Relationship, mergedSister.Id), Editor);

        return new MergeWorld(survivor.Id, merged.Id, sister.Id, son.Id, gulja.Id, source.Id,
            detained.Id, interrogated.Id, released.Id, asylum.Id, criminal.Id, sisterTestimony.Id, ownTestimony.Id,
            citesMerged.Id, citesSurvivor.Id, citesDuplicate.Id, between.Id, mergedSister.Id, survivorSister.Id, mergedSon.Id);
    }

    private static Citation Cite(long source, RecordKind kind, long id) =>
        new() { SourceId = source, TargetKind = kind, TargetId = id, Level = EvidenceLevel.RelativeTestimony, Quote = "he is my brother" };

    /// <summary>The records a merge may touch, each by kind and id.</summary>
    public IReadOnlyList<(RecordKind Kind, long Id)> Touched =>
    [
        (RecordKind.Person, Survivor), (RecordKind.Person, Merged),
        (RecordKind.Event, DetainedEvent), (RecordKind.Event, InterrogatedEvent), (RecordKind.Event, ReleasedEvent),
        (RecordKind.Case, AsylumCase), (RecordKind.Case, CriminalCase),
        (RecordKind.Testimony, SisterTestimony), (RecordKind.Testimony, OwnTestimony),
        (RecordKind.Citation, CitesMerged), (RecordKind.Citation, CitesDuplicate),
        (RecordKind.Relationship, Between), (RecordKind.Relationship, MergedSister), (RecordKind.Relationship, MergedSon),
    ];

    /// <summary>Records no merge of these two has any business changing.</summary>
    public IReadOnlyList<(RecordKind Kind, long Id)> Untouched =>
    [
        (RecordKind.Person, Sister), (RecordKind.Person, Son), (RecordKind.Citation, CitesSurvivor), (RecordKind.Relationship, SurvivorSister),
    ];
}

/// <summary>What the registry holds, read back for comparison: every live record and the projections lists and joins use.</summary>
public static class MergeState
{
    private static readonly string[] Projections =
    [
        "SELECT id, external_id, primary_name, gender, birth_year, ethnicity, hometown_id, status, confidentiality FROM persons WHERE deleted_at IS NULL ORDER BY id",
        "SELECT n.person_id, n.position, n.text, n.script, n.kind FROM person_names n JOIN persons p ON p.id = n.person_id WHERE p.deleted_at IS NULL ORDER BY n.person_id, n.position",
        "SELECT c.person_id, c.country FROM person_citizenships c JOIN persons p ON p.id = c.person_id WHERE p.deleted_at IS NULL ORDER BY c.person_id, c.country",
        "SELECT event_id, position, role, person_id FROM event_participants ORDER BY event_id, position",
        "SELECT case_id, position, role, person_id FROM case_parties ORDER BY case_id, position",
        "SELECT id, person_a_id, person_b_id, type FROM relationships WHERE deleted_at IS NULL ORDER BY id",
        "SELECT id, subject_person_id, testifier_person_id FROM testimonies WHERE deleted_at IS NULL ORDER BY id",
        "SELECT id, target_kind, target_id FROM citations WHERE deleted_at IS NULL ORDER BY id",
    ];

    /// <summary>Every live record as JSON without its version (a merge and unmerge move versions on), and the projections.</summary>
    public static async Task<IReadOnlyList<string>> SnapshotAsync(TestDatabase db)
    {
        var state = new List<string>();
        state.AddRange(await RecordsAsync<Person>(db));
        state.AddRange(await RecordsAsync<Event>(db));
        state.AddRange(await RecordsAsync<Case>(db));
        state.AddRange(await RecordsAsync<Testimony>(db));
        state.AddRange(await RecordsAsync<Citation>(db));
        state.AddRange(await RecordsAsync<Relationship>(db));
        await using var connection = await db.Database.OpenAsync();
        foreach (var sql in Projections)
        {
            foreach (var row in await connection.QueryAsync(sql))
            {
                state.Add(sql[..sql.IndexOf(" FROM", StringComparison.Ordinal)] + " | " + string.Join(", ", ((IDictionary<string, object?>)row).Select(p => $"{p.Key}={p.Value}")));
            }
        }

        return state;
    }

    public static string WithoutVersion<T>(T record) where T : IRecord
    {
        var node = JsonSerializer.SerializeToNode(record, KuagerJson.Options)!.AsObject();
        node.Remove("version");
        return $"{typeof(T).Name} {node.ToJsonString(KuagerJson.Options)}";
    }

    private static async Task<IEnumerable<string>> RecordsAsync<T>(TestDatabase db) where T : class, IRecord
    {
        await using var connection = await db.Database.OpenAsync();
        var ids = await connection.QueryAsync<long>($"SELECT id FROM {RecordTables.TableOf(RecordTables.KindOf<T>())} WHERE deleted_at IS NULL ORDER BY id");
        var records = new List<string>();
        foreach (var id in ids)
        {
            records.Add(WithoutVersion((await db.Store.GetAsync<T>(id))!));
        }

        return records;
    }

    /// <summary>What a person has: names, and the live events, cases, testimonies, citations and relatives that point at them.</summary>
    public static async Task<Holdings> HoldingsAsync(TestDatabase db, long personId)
    {
        var person = await db.Store.GetAsync<Person>(personId);
        var events = await AllAsync<Event>(db);
        var cases = await AllAsync<Case>(db);
        var testimonies = await AllAsync<Testimony>(db);
        var citations = await AllAsync<Citation>(db);
        var relationships = await AllAsync<Relationship>(db);
        return new Holdings(
            person?.Names.Select(n => $"{n.Text}|{n.Script.Code()}").ToHashSet() ?? [],
            events.Where(e => e.Participants.Any(p => p.PersonId == personId)).Select(e => e.Id).ToHashSet(),
            cases.Where(c => c.LawyerPersonId == personId || c.Parties.Any(p => p.PersonId == personId)).Select(c => c.Id).ToHashSet(),
            testimonies.Where(t => t.SubjectPersonId == personId || t.TestifierPersonId == personId).Select(t => t.Id).ToHashSet(),
            citations.Where(c => c.TargetKind == RecordKind.Person && c.TargetId == personId).Select(c => c.Id).ToHashSet(),
            relationships.Where(r => r.PersonAId == personId || r.PersonBId == personId).Select(r => $"{r.RoleOf(personId)} of {r.Other(personId)}").ToHashSet());
    }

    private static async Task<IReadOnlyList<T>> AllAsync<T>(TestDatabase db) where T : class, IRecord
    {
        await using var connection = await db.Database.OpenAsync();
        var ids = await connection.QueryAsync<long>($"SELECT id FROM {RecordTables.TableOf(RecordTables.KindOf<T>())} WHERE deleted_at IS NULL ORDER BY id");
        var records = new List<T>();
        foreach (var id in ids)
        {
            records.Add((await db.Store.GetAsync<T>(id))!);
        }

        return records;
    }

    public sealed record Holdings(
        IReadOnlySet<string> Names, IReadOnlySet<long> Events, IReadOnlySet<long> Cases, IReadOnlySet<long> Testimonies,
        IReadOnlySet<long> Citations, IReadOnlySet<string> Relatives);
}
