using System.Threading.Channels;
using Dapper;
using Kuager.Core;
using Kuager.Names;

namespace Kuager.Storage;

public sealed record ImportOptions(string Actor, Confidentiality DefaultConfidentiality = Confidentiality.Restricted, int MaxErrors = 1000);

/// <summary>
/// Imports people from CSV or JSON in one transaction: every row is checked, and on any error nothing is written.
/// A row whose external_id is already known updates that person (so importing the same file twice changes
/// nothing); new people are written in bulk, each with its creation revision.
/// </summary>
public sealed class PersonImport(Database database, ImportOptions options)
{
    private const int BatchSize = 4000;

    public async Task<ImportResult> ImportFileAsync(string path, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        if (!File.Exists(path))
        {
            return Failed(new ImportError(0, null, $"file not found: {path}"));
        }

        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is not (".csv" or ".json"))
        {
            return Failed(new ImportError(0, null, $"cannot import \"{extension}\" files; use .csv or .json"));
        }

        var size = new FileInfo(path).Length;
        try
        {
            IEnumerable<ImportRow> rows;
            if (extension == ".csv")
            {
                var (header, records) = CsvRows.Read(path);
                var headerErrors = PersonColumns.CheckHeader(header).ToList();
                if (headerErrors.Count > 0)
                {
                    return new ImportResult(0, 0, headerErrors);
                }

                var columns = ImportRow.IndexColumns(header);
                rows = records.Select(r => new ImportRow(r.Row, columns, r.Fields));
            }
            else
            {
                rows = JsonRows.Read(path);
            }

            return await ImportAsync(rows, extension == ".json", size, progress, ct);
        }
        catch (ImportFormatException e)
        {
            return Failed(e.Error);
        }
    }

    public async Task<ImportResult> ImportAsync(IEnumerable<ImportRow> rows, bool checkEachRowsColumns, long totalBytes = 0,
        IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        // Two stages on two cores: one reads and checks rows, the other writes batches in the one transaction.
        var checker = new RowChecker(options, checkEachRowsColumns);
        var batches = Channel.CreateBounded<List<PersonDraft>>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reading = Task.Run(() => checker.ReadAsync(rows, batches.Writer, totalBytes, progress, stop.Token), stop.Token);

        int imported = 0, updated = 0;
        await using var session = await Session.BeginAsync(database, options.Actor, ct);
        using var writer = await Writer.CreateAsync(session);
        try
        {
            await foreach (var batch in batches.Reader.ReadAllAsync(ct))
            {
                var (i, u) = await writer.WriteAsync(batch);
                imported += i;
                updated += u;
            }
        }
        catch
        {
            await stop.CancelAsync();
            await reading.ContinueWith(_ => { }, TaskScheduler.Default);
            throw;
        }

        await reading;
        if (checker.Errors.Count > 0)
        {
            return new ImportResult(0, 0, checker.Errors, checker.ErrorsNotShown);
        }

        await writer.FinishAsync();
        await AuditLog.AppendAsync(session.Connection, session.Transaction, database.Provider, options.Actor, AuditActions.Import, "persons",
            $"{imported} created, {updated} updated", session.Now);
        await session.CommitAsync(ct);
        return new ImportResult(imported, updated, []) { CreatedIds = writer.CreatedIds };
    }

    /// <summary>Reads rows, checks each, and hands on batches of good ones; after the first error it only checks, so the whole file is reported at once.</summary>
    private sealed class RowChecker(ImportOptions options, bool checkEachRowsColumns)
    {
        private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);

        public List<ImportError> Errors { get; } = [];

        public int ErrorsNotShown { get; private set; }

        public async Task ReadAsync(IEnumerable<ImportRow> rows, ChannelWriter<List<PersonDraft>> output, long totalBytes,
            IProgress<ImportProgress>? progress, CancellationToken ct)
        {
            try
            {
                var batch = new List<PersonDraft>(BatchSize);
                var read = 0;
                using var enumerator = rows.GetEnumerator();
                while (true)
                {
                    ct.ThrowIfCancellationRequested();
                    try
                    {
                        if (!enumerator.MoveNext())
                        {
                            break;
                        }
                    }
                    catch (ImportFormatException e)
                    {
                        // The file breaks off (a cut-short row, bad bytes): report it after what the rows before it had.
                        Add(e.Error);
                        break;
                    }

                    read++;
                    var draft = Check(enumerator.Current);
                    if (Errors.Count == 0 && draft is not null)
                    {
                        batch.Add(draft);
                        if (batch.Count == BatchSize)
                        {
                            await output.WriteAsync(batch, ct);
                            batch = new List<PersonDraft>(BatchSize);
                            progress?.Report(new ImportProgress(read, totalBytes));
                        }
                    }
                }

                if (Errors.Count == 0 && batch.Count > 0)
                {
                    await output.WriteAsync(batch, ct);
                }

                progress?.Report(new ImportProgress(read, totalBytes));
            }
            finally
            {
                output.Complete();
            }
        }

        private PersonDraft? Check(ImportRow row)
        {
            var rowErrors = new List<ImportError>();
            if (checkEachRowsColumns)
            {
                rowErrors.AddRange(row.Columns.Where(k => !PersonColumns.All.Contains(k))
                    .Select(k => new ImportError(row.Row, k, $"unknown field \"{k}\"; the known fields are {string.Join(", ", PersonColumns.All)}")));
            }

            var draft = rowErrors.Count == 0 ? PersonColumns.Parse(row, options.DefaultConfidentiality, rowErrors) : null;
            if (row[PersonColumns.ExternalId] is { } externalId)
            {
                if (_seen.TryGetValue(externalId, out var firstRow))
                {
                    rowErrors.Add(new ImportError(row.Row, PersonColumns.ExternalId, $"\"{externalId}\" already appears in row {firstRow}"));
                    draft = null;
                }
                else
                {
                    _seen[externalId] = row.Row;
                }
            }

            foreach (var e in rowErrors)
            {
                Add(e);
            }

            return draft;
        }

        private void Add(ImportError error)
        {
            if (Errors.Count < options.MaxErrors)
            {
                Errors.Add(error);
            }
            else
            {
                ErrorsNotShown++;
            }
        }
    }

    private static ImportResult Failed(ImportError error) => new(0, 0, [error]);

    /// <summary>Writes batches of checked rows: places resolved through a cache, new people in bulk, known people updated.</summary>
    private sealed class Writer : IDisposable
    {
        private readonly Session _session;
        // Paths typed by hand differ in case ("gulja" for "Gulja"); they mean the same place.
        private readonly Dictionary<string, long> _places = new(StringComparer.OrdinalIgnoreCase);
        private readonly BulkTable _persons;
        private readonly BulkTable _names;
        private readonly BulkTable _citizenships;
        private readonly BulkTable _nameParts;
        private readonly BulkTable _nameChanges;
        private readonly BulkTable _revisions;
        private bool _registryWasEmpty;
        private long _nextId;

        private Writer(Session session)
        {
            _session = session;
            _persons = BulkTable.Create(session, "persons",
                ("id", BulkType.Int64), ("version", BulkType.Int32), ("confidentiality", BulkType.Text), ("data", BulkType.Text),
                ("created_at", BulkType.Text), ("updated_at", BulkType.Text), ("external_id", BulkType.Text), ("primary_name", BulkType.Text),
                ("gender", BulkType.Text), ("birth_year", BulkType.Int32), ("ethnicity", BulkType.Text), ("hometown_id", BulkType.Int64),
                ("reported_status", BulkType.Text), ("status", BulkType.Text));
            _names = BulkTable.Create(session, "person_names",
                ("person_id", BulkType.Int64), ("position", BulkType.Int32), ("text", BulkType.Text), ("script", BulkType.Text), ("kind", BulkType.Text));
            _citizenships = BulkTable.Create(session, "person_citizenships", ("person_id", BulkType.Int64), ("country", BulkType.Text));
            _nameParts = BulkTable.Create(session, "name_parts",
                ("person_id", BulkType.Int64), ("position", BulkType.Int32), ("ordinal", BulkType.Int32), ("latin", BulkType.Text),
                ("name_key", BulkType.Text), ("root", BulkType.Text), ("alt", BulkType.Text));
            _nameChanges = BulkTable.Create(session, "name_changes", ("person_id", BulkType.Int64));
            _revisions = BulkTable.Create(session, "revisions",
                ("record_kind", BulkType.Text), ("record_id", BulkType.Int64), ("version", BulkType.Int32), ("action", BulkType.Text),
                ("actor", BulkType.Text), ("at", BulkType.Text), ("changes", BulkType.Text));
        }

        public static async Task<Writer> CreateAsync(Session session)
        {
            if (session.Database.Provider == Provider.Sqlite)
            {
                // A large import touches far more pages than SQLite's default 2 MB cache holds; spilling them
                // mid-transaction costs more than the memory. Set back by FinishAsync (the connection is pooled).
                await session.Connection.ExecuteAsync("PRAGMA cache_size = -262144", transaction: session.Transaction);
            }

            var writer = new Writer(session);
            var max = await session.Connection.ExecuteScalarAsync<long?>("SELECT MAX(id) FROM persons", transaction: session.Transaction);
            writer._registryWasEmpty = max is null;
            writer._nextId = (max ?? 0) + 1;
            var places = await session.Connection.QueryAsync<(long Id, string Path)>(
                "SELECT id, path FROM places WHERE deleted_at IS NULL", transaction: session.Transaction);
            foreach (var (id, path) in places)
            {
                writer._places[path] = id;
            }

            return writer;
        }

        public async Task FinishAsync()
        {
            if (_session.Database.Provider == Provider.Sqlite)
            {
                await _session.Connection.ExecuteAsync("PRAGMA cache_size = -2000", transaction: _session.Transaction);
            }
        }

        public void Dispose()
        {
            _persons.Dispose();
            _names.Dispose();
            _citizenships.Dispose();
            _nameParts.Dispose();
            _nameChanges.Dispose();
            _revisions.Dispose();
        }

        public List<long> CreatedIds { get; } = [];

        public async Task<(int Imported, int Updated)> WriteAsync(List<PersonDraft> batch)
        {
            if (batch.Count == 0)
            {
                return (0, 0);
            }

            var existing = _registryWasEmpty ? [] : await ExistingAsync(batch);
            var fresh = new List<Person>(batch.Count);
            var updated = 0;
            foreach (var draft in batch)
            {
                var person = draft.Person with { HometownId = draft.HometownPath is null ? null : await PlaceAsync(draft.HometownPath) };
                if (existing.TryGetValue(person.ExternalId, out var known))
                {
                    await _session.UpdateAsync(Merge(known.Person, known.Status, person, draft.Source));
                    updated++;
                }
                else
                {
                    fresh.Add(person);
                }
            }

            await InsertAsync(fresh);
            return (fresh.Count, updated);
        }

        private async Task InsertAsync(List<Person> people)
        {
            if (people.Count == 0)
            {
                return;
            }

            var ids = await Ids.ReserveAsync(_session, "persons", people.Count, _nextId);
            _nextId += people.Count;
            CreatedIds.AddRange(ids);
            var stamp = Clock.Stamp(_session.Now);
            var actor = _session.Actor;
            for (var i = 0; i < people.Count; i++)
            {
                var p = people[i];
                var id = ids[i];
                // Sealed exactly as a single save seals; projections and child rows come from the person without confidential fields.
                var data = Sealing.Data(_session.Database.Keys, p, id);
                var shown = Redaction.WithoutConfidentialFields(p);
                var c = PersonTable.Projection(shown, shown.ReportedStatus);
                _persons.Add(id, 1, WireCode.Of(p.Confidentiality), data, stamp, stamp,
                    c["external_id"], c["primary_name"], c["gender"], c["birth_year"], c["ethnicity"], c["hometown_id"], c["reported_status"], c["status"]);
                for (var n = 0; n < p.Names.Count; n++)
                {
                    _names.Add(id, n, p.Names[n].Text, p.Names[n].Script.Code(), WireCode.Of(p.Names[n].Kind));
                }

                foreach (var part in Search.NameParts.Of(id, p.Names))
                {
                    _nameParts.Add(id, part.Position, part.Ordinal, part.Latin, part.Key, part.Root, part.Alt);
                }

                _nameChanges.Add(id);
                foreach (var country in shown.Citizenships)
                {
                    _citizenships.Add(id, country);
                }

                _revisions.Add("person", id, 1, "create", actor, stamp, data);
            }

            await _persons.FlushAsync();
            await _names.FlushAsync();
            await _citizenships.FlushAsync();
            await _nameParts.FlushAsync();
            await _nameChanges.FlushAsync();
            await _revisions.FlushAsync();
        }

        /// <summary>Known people by external id, with their current (computed) status; deleted ones are restored, as a revision.</summary>
        private async Task<Dictionary<string, (Person Person, PersonStatus Status)>> ExistingAsync(List<PersonDraft> batch)
        {
            var found = new Dictionary<string, (Person, PersonStatus)>(StringComparer.Ordinal);
            foreach (var chunk in batch.Select(d => d.Person.ExternalId).Chunk(500))
            {
                // Dapper sends a list to PostgreSQL as one array parameter, so there it is "= ANY", elsewhere "IN".
                var match = _session.Database.Provider == Provider.Postgres ? "= ANY(@ids)" : "IN @ids";
                var rows = await _session.Connection.QueryAsync<(long Id, int Version, string Data, string? DeletedAt, string Status)>(
                    $"SELECT id, version, data, deleted_at, status FROM persons WHERE external_id {match}", new { ids = chunk }, _session.Transaction);
                foreach (var row in rows)
                {
                    var person = row.DeletedAt is null
                        ? Reader.Materialize<Person>(_session.Database.Keys, row.Id, row.Version, row.Data)
                        : await _session.RestoreAsync<Person>(row.Id);
                    found[person.ExternalId] = (person, WireCode.Parse<PersonStatus>(row.Status));
                }
            }

            return found;
        }

        /// <summary>
        /// The known person with what the row says: columns the file has replace, columns it lacks are kept. A value
        /// that only repeats what an export of this person says (a birth year of a finer or vaguer birth date, the
        /// status their events give) keeps what is stored, so importing an export changes nothing.
        /// </summary>
        private static Person Merge(Person known, PersonStatus currentStatus, Person incoming, ImportRow row)
        {
            var names = row.Has(PersonColumns.Names)
                ? incoming.Names
                : [incoming.Names[0], .. known.Names.Skip(1).Where(n => n.Text != incoming.Names[0].Text || n.Script != incoming.Names[0].Script)];
            return known with
            {
                Names = names,
                Gender = row.Has(PersonColumns.Gender) ? incoming.Gender : known.Gender,
                BirthDate = !row.Has(PersonColumns.BirthYear) || known.BirthYear == incoming.BirthYear ? known.BirthDate : incoming.BirthDate,
                Ethnicity = row.Has(PersonColumns.Ethnicity) ? incoming.Ethnicity : known.Ethnicity,
                Citizenships = row.Has(PersonColumns.Citizenship) ? incoming.Citizenships : known.Citizenships,
                HometownId = row.Has(PersonColumns.Hometown) ? incoming.HometownId : known.HometownId,
                ReportedStatus = row.Has(PersonColumns.Status) && incoming.ReportedStatus != currentStatus ? incoming.ReportedStatus : known.ReportedStatus,
                Notes = row.Has(PersonColumns.Notes) ? incoming.Notes : known.Notes,
                Reporter = row.Has(PersonColumns.Reporter) ? incoming.Reporter : known.Reporter,
                ReporterContact = row.Has(PersonColumns.ReporterContact) ? incoming.ReporterContact : known.ReporterContact,
                Confidentiality = row.Has(PersonColumns.Confidentiality) ? incoming.Confidentiality : known.Confidentiality,
            };
        }

        /// <summary>The place at a path, creating the missing levels (each a revision of its own).</summary>
        private static Confidentiality Max(Confidentiality a, Confidentiality b) => a > b ? a : b;

        private async Task<long> PlaceAsync(IReadOnlyList<string> levels)
        {
            long? parent = null;
            for (var depth = 1; depth <= levels.Count; depth++)
            {
                var path = string.Join(Place.PathSeparator, levels.Take(depth));
                if (!_places.TryGetValue(path, out var id))
                {
                    var name = levels[depth - 1];

                    // A new place is as confidential as the place it is in, at least (restricted by default).
                    var level = parent is null ? Confidentiality.Restricted : Max(Confidentiality.Restricted, WireCode.Parse<Confidentiality>(
                        await _session.Connection.ExecuteScalarAsync<string>("SELECT confidentiality FROM places WHERE id = @parent", new { parent }, _session.Transaction)
                        ?? "restricted"));
                    var place = await _session.CreateAsync(new Place
                    {
                        ParentId = parent,
                        Kind = depth == 1 ? PlaceKind.Country : PlaceKind.Other,
                        Names = [new PlaceName(name, ScriptDetector.Detect(name))],
                        Confidentiality = level,
                    });
                    id = place.Id;
                    _places[path] = id;
                }

                parent = id;
            }

            return parent!.Value;
        }
    }
}

public sealed record ImportProgress(int Rows, long TotalBytes);
