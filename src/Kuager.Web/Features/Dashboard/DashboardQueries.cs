using System.Globalization;
using Dapper;
using Kuager.Core;
using Kuager.Storage;

namespace Kuager.Web.Features.Dashboard;

public sealed record NewestPerson(long Id, string Name, string Status, DateTimeOffset Added, bool IsConfidential = false);

public sealed record UpcomingDate(long CaseId, string CaseTitle, DateOnly Due, string Kind, bool IsConfidential = false);

/// <summary>How many events began in one month.</summary>
public sealed record MonthCount(int Year, int Month, long Count);

/// <summary>
/// The dashboard's figures. Every one is a GROUP BY or an index-ordered LIMIT in SQL, so the page stays fast at
/// 100,000 people; only the small grouped results are folded further here (months, prefectures). Every figure
/// counts only the records the viewer may see (<see cref="Visibility.Sql"/> on every record table read).
/// </summary>
public static class DashboardQueries
{
    /// <summary>The depth of "Country > Region > Prefecture": hometowns are counted under their ancestor at this level.</summary>
    public const int PrefectureDepth = 3;

    /// <summary>At most this many months on the events line: the latest ones with data.</summary>
    public const int MonthsShown = 36;

    /// <summary>How many records of each kind the viewer may see.</summary>
    public static async Task<RegistryCounts> CountsAsync(Database db, Viewer viewer, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        async Task<long> Count(string table) => await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) FROM {table} r WHERE r.deleted_at IS NULL AND {Visibility.Sql(viewer, "r")}", cancellationToken: ct));
        return new RegistryCounts(
            await Count("persons"), await Count("events"), await Count("cases"), await Count("testimonies"), await Count("sources"), await Count("places"));
    }

    /// <summary>Status codes with their counts, largest first.</summary>
    public static async Task<IReadOnlyList<(string Status, long Count)>> ByStatusAsync(Database db, Viewer viewer, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<(string, long)>(new CommandDefinition(
            $"SELECT p.status, COUNT(*) FROM persons p WHERE p.deleted_at IS NULL AND {Visibility.Sql(viewer, "p")} GROUP BY p.status ORDER BY COUNT(*) DESC, p.status", cancellationToken: ct))).ToList();
    }

    /// <summary>Ethnicities with their counts, largest first; null stands for "not recorded".</summary>
    public static async Task<IReadOnlyList<(string? Ethnicity, long Count)>> ByEthnicityAsync(Database db, Viewer viewer, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<(string?, long)>(new CommandDefinition(
            $"SELECT p.ethnicity, COUNT(*) FROM persons p WHERE p.deleted_at IS NULL AND {Visibility.Sql(viewer, "p")} GROUP BY p.ethnicity ORDER BY COUNT(*) DESC, p.ethnicity",
            cancellationToken: ct))).ToList();
    }

    /// <summary>
    /// People per hometown prefecture: the hometown's path cut to its first three levels ("China > Xinjiang > Ili");
    /// a hometown higher up counts under its own path. Null stands for "not recorded". Largest first.
    /// </summary>
    public static async Task<IReadOnlyList<(string? Prefecture, long Count)>> ByPrefectureAsync(Database db, Viewer viewer, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var byHometown = await connection.QueryAsync<(string? Path, long Count)>(new CommandDefinition(
            $"SELECT pl.path, h.n FROM (SELECT p.hometown_id, COUNT(*) AS n FROM persons p WHERE p.deleted_at IS NULL AND {Visibility.Sql(viewer, "p")} GROUP BY p.hometown_id) h " +
            $"LEFT JOIN places pl ON pl.id = h.hometown_id AND {Visibility.Sql(viewer, "pl")}", cancellationToken: ct));
        return byHometown
            .GroupBy(r => r.Path is null ? null : Prefecture(r.Path))
            .Select(g => (Prefecture: g.Key, Count: g.Sum(r => r.Count)))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Prefecture, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>"China > Xinjiang > Ili > Emin" → "China > Xinjiang > Ili"; shorter paths stay as they are.</summary>
    public static string Prefecture(string path)
    {
        var levels = path.Split(Place.PathSeparator);
        return levels.Length <= PrefectureDepth ? path : string.Join(Place.PathSeparator, levels.Take(PrefectureDepth));
    }

    /// <summary>
    /// Events per month of their start, for events dated to the day or the month (an event known only to the year
    /// would pile up in January). Consecutive months, empty ones as 0: the last <see cref="MonthsShown"/> months up
    /// to the latest with data, or from the earliest with data when that is nearer.
    /// </summary>
    public static async Task<(IReadOnlyList<MonthCount> Months, long LessPrecise)> EventsPerMonthAsync(Database db, Viewer viewer, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        // date_sort is the start day number * 100000 plus the span in days (FuzzyDate.SortKey).
        var byDay = await connection.QueryAsync<(long Day, long Count)>(new CommandDefinition(
            $"SELECT e.date_sort / 100000, COUNT(*) FROM events e WHERE e.deleted_at IS NULL AND {Visibility.Sql(viewer, "e")} " +
            "AND e.date_sort IS NOT NULL AND e.date_sort % 100000 <= 30 GROUP BY e.date_sort / 100000", cancellationToken: ct));
        var lessPrecise = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) FROM events e WHERE e.deleted_at IS NULL AND {Visibility.Sql(viewer, "e")} AND e.date_sort IS NOT NULL AND e.date_sort % 100000 > 30",
            cancellationToken: ct));
        var counts = byDay
            .Select(r => (Date: DateOnly.FromDayNumber((int)r.Day), r.Count))
            .GroupBy(r => (r.Date.Year, r.Date.Month))
            .ToDictionary(g => g.Key, g => g.Sum(r => r.Count));
        if (counts.Count == 0)
        {
            return ([], lessPrecise);
        }

        var last = counts.Keys.Max();
        var first = counts.Keys.Min();
        var start = new DateOnly(last.Year, last.Month, 1).AddMonths(-(MonthsShown - 1));
        var earliest = new DateOnly(first.Year, first.Month, 1);
        if (earliest > start)
        {
            start = earliest;
        }

        var months = new List<MonthCount>();
        for (var m = start; m <= new DateOnly(last.Year, last.Month, 1); m = m.AddMonths(1))
        {
            months.Add(new MonthCount(m.Year, m.Month, counts.GetValueOrDefault((m.Year, m.Month))));
        }

        return (months, lessPrecise);
    }

    public static async Task<IReadOnlyList<NewestPerson>> NewestAsync(Database db, Viewer viewer, int count, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<(long Id, string Name, string Status, string CreatedAt, string Level)>(new CommandDefinition(
            $"SELECT p.id, p.primary_name, p.status, p.created_at, p.confidentiality FROM persons p WHERE p.deleted_at IS NULL AND {Visibility.Sql(viewer, "p")} " +
            "ORDER BY p.id DESC LIMIT @count",
            new { count }, cancellationToken: ct));
        return rows.Select(r => new NewestPerson(r.Id, r.Name, r.Status, Clock.Parse(r.CreatedAt), r.Level == WireCode.Of(Confidentiality.Confidential))).ToList();
    }

    /// <summary>The next deadlines and hearings of cases that still exist, from <paramref name="today"/> on.</summary>
    public static async Task<IReadOnlyList<UpcomingDate>> UpcomingAsync(Database db, Viewer viewer, DateOnly today, int count, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<(long CaseId, string Title, string Due, string Kind, string Level)>(new CommandDefinition(
            "SELECT d.case_id, c.title, d.due, d.kind, c.confidentiality FROM case_dates d JOIN cases c ON c.id = d.case_id " +
            $"WHERE d.due >= @today AND c.deleted_at IS NULL AND {Visibility.Sql(viewer, "c")} ORDER BY d.due, d.case_id, d.position LIMIT @count",
            new { today = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), count }, cancellationToken: ct));
        return rows.Select(r => new UpcomingDate(r.CaseId, r.Title, DateOnly.ParseExact(r.Due, "yyyy-MM-dd", CultureInfo.InvariantCulture), r.Kind,
            r.Level == WireCode.Of(Confidentiality.Confidential))).ToList();
    }
}
