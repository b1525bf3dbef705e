using Kuager.Core;

namespace Kuager.Storage;

/// <summary>
/// The SQL that keeps a query to the records a viewer may see. Every list, count, search, join and export adds it
/// for every record table it reads, so a record above the viewer's clearance is not even hinted at.
/// </summary>
public static class Visibility
{
    /// <summary>
    /// A condition on the confidentiality column of <paramref name="alias"/> (e.g. "p" for "persons p"); the levels
    /// come from a fixed set, so they are written into the SQL rather than bound.
    /// </summary>
    public static string Sql(Viewer viewer, string? alias = null)
    {
        var column = alias is null ? "confidentiality" : $"{alias}.confidentiality";
        return viewer.Clearance switch
        {
            Confidentiality.Public => $"{column} = 'public'",
            Confidentiality.Restricted => $"{column} IN ('public', 'restricted')",
            _ => "1 = 1",
        };
    }

    /// <summary>A count as this viewer may see it: visitors get "fewer than 5" for 1 to 4, so no small group can be singled out.</summary>
    public static ShownCount Count(Viewer viewer, long count) =>
        viewer.HidesSmallCounts && count is > 0 and < Viewer.SmallCount ? new ShownCount(count, true) : new ShownCount(count, false);
}

/// <summary>A count to display; when <see cref="FewerThanFive"/> the exact value must not be shown.</summary>
public readonly record struct ShownCount(long Value, bool FewerThanFive)
{
    /// <summary>The exact value, or 0 for hidden small counts (for charts: bars drawn at the threshold are labelled "fewer than 5").</summary>
    public long Safe => FewerThanFive ? 0 : Value;
}
