using System.Globalization;
using Kuager.Core;

namespace Kuager.Storage;

/// <summary>
/// Reads the `party,votes` CSV of `kuager seats`: a header naming exactly those two columns (any case, either order),
/// then one party a row in registration order. Every problem is reported with its row (header = 1) and column.
/// </summary>
public static class SeatFile
{
    private static readonly string[] Columns = ["party", "votes"];

    /// <summary>The parties in file order, or the errors (then the parties are empty).</summary>
    public static (IReadOnlyList<PartyVotes> Parties, IReadOnlyList<ImportError> Errors) Read(string path)
    {
        try
        {
            var (header, records) = CsvRows.Read(path);
            return Parse(header, records);
        }
        catch (ImportFormatException e) when (e.Error.Row == 1 && e.Error.Message.StartsWith("the file is empty", StringComparison.Ordinal))
        {
            return ([], [new ImportError(1, null, "the file is empty; the first row must be the header party,votes")]);
        }
        catch (ImportFormatException e)
        {
            return ([], [e.Error]);
        }
    }

    private static (IReadOnlyList<PartyVotes>, IReadOnlyList<ImportError>) Parse(IReadOnlyList<string> header, IEnumerable<(int Row, string[] Fields)> records)
    {
        var errors = new List<ImportError>();
        if (!header.Intersect(Columns).Any())
        {
            return ([], [new ImportError(1, null, $"the first row must be the header party,votes; it reads \"{string.Join(",", header)}\" (is the header missing?)")]);
        }

        for (var i = 0; i < header.Count; i++)
        {
            if (!Columns.Contains(header[i]))
            {
                errors.Add(new ImportError(1, header[i], $"column {i + 1} \"{header[i]}\" is not known; the header must be party,votes"));
            }
            else if (header.Take(i).Contains(header[i]))
            {
                errors.Add(new ImportError(1, header[i], $"column {i + 1} repeats \"{header[i]}\""));
            }
        }

        foreach (var missing in Columns.Where(c => !header.Contains(c)))
        {
            errors.Add(new ImportError(1, missing, $"the header has no \"{missing}\" column; the first row must be the header party,votes"));
        }

        if (errors.Count > 0)
        {
            return ([], errors);
        }

        var partyAt = header.ToList().IndexOf("party");
        var votesAt = header.ToList().IndexOf("votes");
        var parties = new List<PartyVotes>();
        var firstRow = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (row, fields) in records)
        {
            var party = fields[partyAt].Trim();
            var votesText = fields[votesAt].Trim();
            if (party.Length == 0)
            {
                errors.Add(new ImportError(row, "party", "is empty; every row names a party"));
            }
            else if (firstRow.TryGetValue(party, out var earlier))
            {
                errors.Add(new ImportError(row, "party", $"\"{party}\" is already listed on row {earlier}; each party appears once"));
            }
            else
            {
                firstRow[party] = row;
            }

            long votes = 0;
            if (votesText.Length == 0)
            {
                errors.Add(new ImportError(row, "votes", "is empty; write the number of votes, 0 if none"));
            }
            else if (votesText[0] == '-' && votesText.Length > 1 && votesText.Skip(1).All(char.IsAsciiDigit))
            {
                errors.Add(new ImportError(row, "votes", $"{votesText} is negative; votes are counted from 0"));
            }
            else if (!votesText.All(char.IsAsciiDigit) || !long.TryParse(votesText, NumberStyles.None, CultureInfo.InvariantCulture, out votes))
            {
                errors.Add(new ImportError(row, "votes", $"\"{votesText}\" is not a whole number of votes (digits only, no separators)"));
            }

            parties.Add(new PartyVotes(party, votes));
        }

        if (errors.Count == 0 && parties.Count == 0)
        {
            errors.Add(new ImportError(2, null, "no party is listed below the header"));
        }

        return errors.Count > 0 ? ([], errors) : (parties, errors);
    }
}
