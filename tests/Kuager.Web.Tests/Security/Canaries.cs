using Kuager.Core;
using Kuager.Storage;
using Kuager.Storage.Tests;

namespace Kuager.Web.Tests.Security;

/// <summary>
/// Records with canary strings planted where only some roles may look: in restricted and confidential records and
/// in confidential fields of public ones. A response a role may not see must contain none of its canaries.
/// </summary>
public sealed class Canaries
{
    /// <summary>In restricted records: researchers, editors and admins may see them.</summary>
    public static readonly string[] Restricted = ["CANARYRESTRPERSON", "CANARYRESTREVENT"];

    /// <summary>In confidential records: editors and admins only.</summary>
    public static readonly string[] ConfidentialRecords =
        ["CANARYCONFPERSON", "CANARYCONFEVENT", "CANARYCONFCASE", "CANARYCONFTESTIMONY", "CANARYCONFPLACE", "CANARYCONFORG", "CANARYCONFSOURCE"];

    /// <summary>In confidential fields of records others may see: editors and admins only.</summary>
    public static readonly string[] ConfidentialFieldValues =
        ["CANARYFIELDNOTE", "CANARYFIELDREPORTER", "CANARYFIELDCONTACT", "CANARYFIELDWITNESS", "CANARYFIELDSOURCETEXT"];

    public required Dictionary<RecordKind, List<long>> Ids { get; init; }

    public required long PublicPersonId { get; init; }

    /// <summary>The canaries this role must never receive.</summary>
    public static IReadOnlyList<string> ForbiddenFor(Role role) => role switch
    {
        Role.Visitor => [.. Restricted, .. ConfidentialRecords, .. ConfidentialFieldValues],
        Role.Researcher => [.. ConfidentialRecords, .. ConfidentialFieldValues],
        _ => [],
    };

    public static async Task<Canaries> PlantAsync(RecordStore store)
    {
        var ids = Enum.GetValues<RecordKind>().ToDictionary(k => k, _ => new List<long>());
        await using var s = await store.BeginAsync("test");

        async Task<T> Add<T>(T record) where T : class, IRecord
        {
            var saved = await s.CreateAsync(record);
            ids[Core.Redaction.KindOf(saved)].Add(saved.Id);
            return saved;
        }

        var secretPlace = await Add(Build.Place("CANARYCONFPLACE Camp", kind: PlaceKind.Camp) with { Confidentiality = Confidentiality.Confidential });
        var publicPlace = await Add(Build.Place("Ghulja") with { Confidentiality = Confidentiality.Public });
        var org = await Add(new Organization { Name = "CANARYCONFORG Office", Kind = OrganizationKind.Ngo, Confidentiality = Confidentiality.Confidential });

        var pub = await Add(Build.Person("Publicname Aigerim", "PUB-1") with
        {
            Confidentiality = Confidentiality.Public,
            HometownId = secretPlace.Id,
            Notes = "CANARYFIELDNOTE about her",
            Reporter = "CANARYFIELDREPORTER Brother",
            ReporterContact = "+7 701 555 0199 CANARYFIELDCONTACT",
            ConfidentialFields = ["notes"],
        });
        var restricted = await Add(Build.Person("CANARYRESTRPERSON Bolat", "RES-1") with { Confidentiality = Confidentiality.Restricted, HometownId = publicPlace.Id });
        var secret = await Add(Build.Person("CANARYCONFPERSON Zhanar", "CONF-1") with { Confidentiality = Confidentiality.Confidential, HometownId = publicPlace.Id });

        // Public ties to people others may not see: the tie must not reveal them.
        await Add(new Relationship { PersonAId = pub.Id, PersonBId = secret.Id, Type = RelationshipType.Sibling, Confidentiality = Confidentiality.Public });
        await Add(new Relationship { PersonAId = pub.Id, PersonBId = restricted.Id, Type = RelationshipType.Spouse, Confidentiality = Confidentiality.Public });
        await Add(Build.Event("detained", pub.Id, FuzzyDate.InYear(2018)) with
        {
            Confidentiality = Confidentiality.Public,
            PlaceId = secretPlace.Id,
            Description = "Taken from home",
            Participants = [new Participant(ParticipantRole.Subject, pub.Id), new Participant(ParticipantRole.Witness, secret.Id), new Participant(ParticipantRole.Authority, null, org.Id)],
        });
        await Add(Build.Event("sentenced", pub.Id, FuzzyDate.InYear(2019)) with { Confidentiality = Confidentiality.Confidential, Description = "CANARYCONFEVENT verdict" });
        await Add(Build.Event("released", restricted.Id, FuzzyDate.InYear(2020)) with { Confidentiality = Confidentiality.Restricted, Description = "CANARYRESTREVENT release" });
        await Add(Build.Event("detained", secret.Id, FuzzyDate.InYear(2017)) with { Confidentiality = Confidentiality.Public, Description = "a public event about a secret person" });
        await Add(new Case
        {
            Title = "CANARYCONFCASE asylum",
            Kind = CaseKind.Asylum,
            Parties = [new CaseParty(CasePartyRole.Applicant, pub.Id)],
            Confidentiality = Confidentiality.Confidential,
        });
        await Add(new Case { Title = "Public appeal", Kind = CaseKind.Criminal, Parties = [new CaseParty(CasePartyRole.Victim, secret.Id)], Confidentiality = Confidentiality.Public });
        await Add(new Testimony
        {
            SubjectPersonId = pub.Id,
            Summary = "CANARYCONFTESTIMONY what she saw",
            WitnessContact = "CANARYFIELDWITNESS telegram",
            Confidentiality = Confidentiality.Confidential,
        });
        await Add(new Testimony
        {
            SubjectPersonId = pub.Id,
            Summary = "A public account",
            WitnessContact = "CANARYFIELDWITNESS signal",
            Consent = Consent.PublishAnonymously,
            Confidentiality = Confidentiality.Public,
        });
        var secretSource = await Add(Build.Source("CANARYCONFSOURCE memo") with { Confidentiality = Confidentiality.Confidential });
        var publicSource = await Add(Build.Source("Public report") with
        {
            Confidentiality = Confidentiality.Public,
            Text = "CANARYFIELDSOURCETEXT full text",
            ConfidentialFields = ["text"],
        });
        await Add(new Citation { SourceId = secretSource.Id, TargetKind = RecordKind.Person, TargetId = pub.Id, Level = EvidenceLevel.Documented, Confidentiality = Confidentiality.Public });
        await Add(new Citation { SourceId = publicSource.Id, TargetKind = RecordKind.Person, TargetId = pub.Id, Level = EvidenceLevel.SecondHand, Confidentiality = Confidentiality.Public });
        await s.CommitAsync();
        return new Canaries { Ids = ids, PublicPersonId = pub.Id };
    }
}
