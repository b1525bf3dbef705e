using System.Text.Json;
using System.Text.Json.Serialization;
using Kuager.Core;

namespace Kuager.Storage;

/// <summary>
/// What one merge changed, saved with it (person_merges.plan) so an unmerge takes back exactly that. It names
/// records, positions and fields, never a confidential value: names are never confidential and are listed as
/// added; a field filled from the merged person is named only, and an unmerge compares the survivor's value with
/// the merged record's stored one; united lists (citizenships, other ids) are named by their positions in the
/// merged record's list.
/// </summary>
internal sealed class PersonMergePlan
{
    private static readonly JsonSerializerOptions Json = new(KuagerJson.Options) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>The survivor's version once the merge had saved it; its later revisions are the edits made since.</summary>
    public int SurvivorVersion { get; set; }

    /// <summary>The merged person's names the survivor did not have, as added (a primary name becomes an alias).</summary>
    public List<PersonName> Names { get; set; } = [];

    /// <summary>The survivor's empty fields filled with the merged person's values (JSON names).</summary>
    public List<string> Fields { get; set; } = [];

    /// <summary>Positions in the merged person's citizenships of those added to the survivor's.</summary>
    public List<int> Citizenships { get; set; } = [];

    /// <summary>Positions in the merged person's other ids of those added to the survivor's.</summary>
    public List<int> OtherIds { get; set; } = [];

    /// <summary>Confidential marks the survivor took on so that values confidential on the merged record stay so.</summary>
    public List<string> Marks { get; set; } = [];

    /// <summary>The survivor's confidentiality before the merge raised it to the merged record's (null: not raised).</summary>
    public Confidentiality? RaisedFrom { get; set; }

    /// <summary>Links re-pointed from the merged person (or a deleted duplicate relationship) to the survivor (or the one kept).</summary>
    public List<MergeLink> Moved { get; set; } = [];

    /// <summary>Participants and parties of the merged person left out because the survivor was already there in the same role.</summary>
    public List<MergeLink> Dropped { get; set; } = [];

    /// <summary>Relationships deleted: between the two people, or one the survivor already had.</summary>
    public List<DeletedRelationship> Deleted { get; set; } = [];

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static PersonMergePlan Parse(string json) => JsonSerializer.Deserialize<PersonMergePlan>(json, Json)
        ?? throw new StorageException("a merge's plan is empty");
}

/// <summary>
/// One link of a record to a person: the record, the field that holds it and, in a list (participants, parties),
/// the position and role. <see cref="From"/> and <see cref="To"/> are given only when the link moved between
/// other records than the two people (a citation of a deleted duplicate relationship, to the relationship kept).
/// </summary>
internal sealed record MergeLink(RecordKind Kind, long Id, string Field, int? Position = null, string? Role = null, long? From = null, long? To = null);

/// <summary>A relationship a merge deleted: "between" the two people, or a "duplicate" of <see cref="DuplicateOf"/>.</summary>
internal sealed record DeletedRelationship(long Id, string Reason, long? DuplicateOf = null)
{
    public const string Between = "between";
    public const string Duplicate = "duplicate";
}
