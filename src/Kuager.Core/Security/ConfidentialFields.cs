namespace Kuager.Core;

/// <summary>
/// Field-level confidentiality. Each record may mark some of its fields confidential; the contact details of
/// reporters and witnesses are confidential always. Confidential fields are encrypted at rest, left out of
/// projection columns, and shown only to editors and admins.
/// </summary>
public static class ConfidentialFields
{
    private static readonly Dictionary<RecordKind, string[]> AlwaysByKind = new()
    {
        [RecordKind.Person] = ["reporter", "reporterContact"],
        [RecordKind.Testimony] = ["witnessContact"],
    };

    private static readonly Dictionary<RecordKind, string[]> MarkableByKind = new()
    {
        [RecordKind.Person] = ["gender", "birthDate", "ethnicity", "citizenships", "hometownId", "occupation", "notes", "otherIds"],
        [RecordKind.Place] = ["latitude", "longitude"],
        [RecordKind.Organization] = ["otherNames", "notes"],
        [RecordKind.Relationship] = ["notes"],
        [RecordKind.Event] = ["date", "placeId", "description", "termDays", "amount", "currency"],
        [RecordKind.Case] = ["number", "lawyerPersonId", "hearings", "deadlines", "outcome", "notes"],
        [RecordKind.Testimony] = ["testifierPersonId", "recordedOn", "recordedAtPlaceId", "summary", "transcript", "files"],
        [RecordKind.Source] = ["publisher", "author", "url", "text", "file"],
        [RecordKind.Citation] = ["quote"],
    };

    /// <summary>The fields of a kind that are confidential on every record (contact details).</summary>
    public static IReadOnlyList<string> Always(RecordKind kind) => AlwaysByKind.TryGetValue(kind, out var f) ? f : [];

    /// <summary>The fields of a kind that a record may mark confidential (JSON names).</summary>
    public static IReadOnlyList<string> Markable(RecordKind kind) => MarkableByKind.TryGetValue(kind, out var f) ? f : [];

    /// <summary>Every field of this record that is confidential: the kind's contact details and the record's own marks.</summary>
    public static IReadOnlySet<string> Of(RecordKind kind, IReadOnlyList<string>? marked)
    {
        var set = new HashSet<string>(Always(kind), StringComparer.Ordinal);
        if (marked is not null)
        {
            set.UnionWith(marked);
        }

        return set;
    }

    /// <summary>Errors for marks that name no field that can be marked.</summary>
    public static IEnumerable<ValidationError> Check(RecordKind kind, IReadOnlyList<string>? marked)
    {
        if (marked is null)
        {
            yield return new ValidationError("confidentialFields", "cannot be null");
            yield break;
        }

        var markable = Markable(kind);
        foreach (var field in marked)
        {
            if (!markable.Contains(field, StringComparer.Ordinal))
            {
                yield return ValidationError.Of("confidentialFields", "\"{0}\" is not a field that can be marked confidential; choose from {1}",
                    field ?? "null", string.Join(", ", markable));
            }
        }
    }
}
