using System.Diagnostics;
using System.Globalization;
using Dapper;
using Kuager.Core;

namespace Kuager.Storage.Tests.Duplicates.Synthetic;

/// <summary>How long each part of writing a synthetic registry took.</summary>
public sealed record SyntheticWriteTimes(TimeSpan People, TimeSpan Sources, TimeSpan Relationships, TimeSpan Citations);

/// <summary>
/// Puts a synthetic registry into a database through the storage layer, as users would: the people through the
/// import (names, name parts, places and revisions written as every import writes them), then the sources,
/// relationships and citations as records of a session (each with its revision and audit entry).
/// </summary>
public static class SyntheticRegistryWriter
{
    private static readonly IReadOnlyDictionary<string, int> Columns = ImportRow.IndexColumns(
        [PersonColumns.ExternalId, PersonColumns.Name, PersonColumns.Gender, PersonColumns.BirthYear, PersonColumns.Ethnicity, PersonColumns.Hometown]);

    /// <summary>Writes the registry into an empty, migrated database; returns each record's person id by external id.</summary>
    public static async Task<(IReadOnlyDictionary<string, long> Ids, SyntheticWriteTimes Times)> WriteAsync(Database database, SyntheticRegistry registry,
        IProgress<string>? progress = null, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var imported = await new PersonImport(database, new ImportOptions("synthetic")).ImportAsync(Rows(registry), checkEachRowsColumns: false,
            progress: progress is null ? null : new Progress<ImportProgress>(p => progress.Report($"people {p.Rows:N0} / {registry.Records.Count:N0}")), ct: ct);
        if (!imported.Ok)
        {
            throw new InvalidOperationException($"the synthetic people did not import: {imported.Errors[0]}");
        }

        var peopleTime = clock.Elapsed;
        var ids = new Dictionary<string, long>(registry.Records.Count, StringComparer.Ordinal);
        await using (var connection = await database.OpenAsync(ct))
        {
            foreach (var (id, externalId) in await connection.QueryAsync<(long, string)>("SELECT id, external_id FROM persons"))
            {
                ids[externalId] = id;
            }
        }

        long Id(int record) => ids[registry.Records[record].ExternalId];

        clock.Restart();
        await using var session = await Session.BeginAsync(database, "synthetic", ct);
        var sourceIds = new long[registry.Sources.Count];
        for (var s = 0; s < registry.Sources.Count; s++)
        {
            var source = registry.Sources[s];
            sourceIds[s] = (await session.CreateAsync(new Source
            {
                Kind = source.Kind,
                Title = source.Title,
                Text = "Fictional text, generated for duplicate detection tests.",
                Date = FuzzyDate.InYear(2018 + (s % 5)),
            })).Id;
            Report(progress, "sources", s, registry.Sources.Count);
        }

        var sourcesTime = clock.Elapsed;
        clock.Restart();
        for (var i = 0; i < registry.Relationships.Count; i++)
        {
            var r = registry.Relationships[i];
            await session.CreateAsync(new Relationship { PersonAId = Id(r.A), PersonBId = Id(r.B), Type = r.Type });
            Report(progress, "relationships", i, registry.Relationships.Count);
        }

        var relationshipsTime = clock.Elapsed;
        clock.Restart();
        var citations = 0;
        var totalCitations = registry.Sources.Sum(s => s.Cited.Count);
        for (var s = 0; s < registry.Sources.Count; s++)
        {
            var source = registry.Sources[s];
            foreach (var record in source.Cited)
            {
                await session.CreateAsync(new Citation
                {
                    SourceId = sourceIds[s],
                    TargetKind = RecordKind.Person,
                    TargetId = Id(record),
                    Level = source.Kind == SourceKind.Testimony ? EvidenceLevel.RelativeTestimony : EvidenceLevel.SecondHand,
                });
                Report(progress, "citations", citations++, totalCitations);
            }
        }

        await session.CommitAsync(ct);
        return (ids, new SyntheticWriteTimes(peopleTime, sourcesTime, relationshipsTime, clock.Elapsed));
    }

    /// <summary>The records as import rows: the first name in the name column, the others as the names list, each with its script label.</summary>
    private static IEnumerable<ImportRow> Rows(SyntheticRegistry registry)
    {
        foreach (var r in registry.Records)
        {
            string? gender = r.Female switch { true => "f", false => "m", null => null };
            yield return new ImportRow(r.Index + 2, Columns,
                [
                    r.ExternalId, r.Names[0].ImportText, gender, r.BirthYear?.ToString(CultureInfo.InvariantCulture), r.Ethnicity?.ToString(),
                    r.Place is { } p ? registry.Places[p].Path : null,
                ],
                r.Names.Skip(1).Select(n => n.ImportText).ToList());
        }
    }

    private static void Report(IProgress<string>? progress, string what, int done, int total)
    {
        if (progress is not null && (done % 20_000 == 0 || done == total - 1))
        {
            progress.Report(string.Create(CultureInfo.InvariantCulture, $"{what} {done + 1:N0} / {total:N0}"));
        }
    }
}
