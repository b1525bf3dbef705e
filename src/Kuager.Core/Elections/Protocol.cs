namespace Kuager.Core;

/// <summary>Votes for one party or candidate on a protocol.</summary>
public sealed record ChoiceVotes(string Choice, long Votes);

/// <summary>
/// The figures of one results protocol (a polling station's, or a sum of them up the hierarchy).
/// </summary>
/// <param name="RegisteredVoters">Voters on the station's lists, including those added on election day.</param>
/// <param name="BallotsIssued">Ballots handed to voters: the voters who took part.</param>
/// <param name="Valid">Valid ballots: each counts for one choice or "against all".</param>
/// <param name="Invalid">Ballots declared invalid.</param>
/// <param name="Choices">Votes per party or candidate, in ballot order.</param>
/// <param name="AgainstAll">Votes "against all" (0 where the ballot has no such line).</param>
public sealed record Protocol(long RegisteredVoters, long BallotsIssued, long Valid, long Invalid, IReadOnlyList<ChoiceVotes> Choices, long AgainstAll = 0)
{
    /// <summary>
    /// Voters who received a ballot as a share of the registered voters (0 to 1), as Kazakhstan's election commission
    /// counts turnout; null without registered voters.
    /// </summary>
    public decimal? Turnout => RegisteredVoters > 0 ? (decimal)BallotsIssued / RegisteredVoters : null;

    /// <summary>Ballots found in the boxes: valid and invalid.</summary>
    public long BallotsCounted => Valid + Invalid;

    public long VotesFor(string choice) => Choices.FirstOrDefault(c => c.Choice == choice)?.Votes ?? 0;

    /// <summary>Field-by-field sum; choices are matched by name and kept in the order first seen.</summary>
    public static Protocol Sum(IEnumerable<Protocol> protocols)
    {
        long registered = 0, issued = 0, valid = 0, invalid = 0, against = 0;
        var choices = new List<string>();
        var votes = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var p in protocols)
        {
            registered += p.RegisteredVoters;
            issued += p.BallotsIssued;
            valid += p.Valid;
            invalid += p.Invalid;
            against += p.AgainstAll;
            foreach (var c in p.Choices)
            {
                if (!votes.TryAdd(c.Choice, c.Votes))
                {
                    votes[c.Choice] += c.Votes;
                }
                else
                {
                    choices.Add(c.Choice);
                }
            }
        }

        return new Protocol(registered, issued, valid, invalid, choices.Select(c => new ChoiceVotes(c, votes[c])).ToList(), against);
    }
}

/// <summary>An error makes a protocol impossible; a warning is possible but worth a second look.</summary>
public enum ProtocolSeverity
{
    Error,
    Warning,
}

/// <summary>One finding of the arithmetic checks, on the protocol line it concerns.</summary>
public sealed record ProtocolFinding(ProtocolSeverity Severity, ValidationError Error)
{
    public string Field => Error.Field;

    public string Message => Error.Message;

    public override string ToString() => $"{Severity.ToString().ToLowerInvariant()}: {Error}";
}

/// <summary>
/// The arithmetic a results protocol must satisfy. Fields are named as the protocol form names them:
/// registered_voters, ballots_issued, valid, invalid, against_all, and votes:CHOICE for a party or candidate.
/// </summary>
public static class ProtocolChecks
{
    public static IReadOnlyList<ProtocolFinding> Check(Protocol p)
    {
        var findings = new List<ProtocolFinding>();
        void Error(string field, string template, params object?[] args) =>
            findings.Add(new ProtocolFinding(ProtocolSeverity.Error, ValidationError.Of(field, template, args)));

        foreach (var (field, value) in new[]
                 {
                     ("registered_voters", p.RegisteredVoters), ("ballots_issued", p.BallotsIssued), ("valid", p.Valid),
                     ("invalid", p.Invalid), ("against_all", p.AgainstAll),
                 })
        {
            if (value < 0)
            {
                Error(field, "is {0}; a count cannot be negative", value);
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in p.Choices)
        {
            if (string.IsNullOrWhiteSpace(c.Choice))
            {
                Error("votes", "a line of votes names no party or candidate");
            }
            else if (!seen.Add(c.Choice))
            {
                Error($"votes:{c.Choice}", "{0} appears twice on the protocol", c.Choice);
            }

            if (c.Votes < 0)
            {
                Error($"votes:{c.Choice}", "{0} has {1} votes; a count cannot be negative", c.Choice, c.Votes);
            }
        }

        if (findings.Count > 0)
        {
            return findings; // the sums below would only repeat a negative or duplicate line
        }

        if (p.BallotsIssued > p.RegisteredVoters)
        {
            Error("ballots_issued", "{0} ballots issued is more than the {1} registered voters (by {2})",
                p.BallotsIssued, p.RegisteredVoters, p.BallotsIssued - p.RegisteredVoters);
        }

        if (p.BallotsCounted > p.BallotsIssued)
        {
            Error("invalid", "valid ({0}) and invalid ({1}) ballots make {2}, more than the {3} ballots issued (by {4})",
                p.Valid, p.Invalid, p.BallotsCounted, p.BallotsIssued, p.BallotsCounted - p.BallotsIssued);
        }
        else if (p.BallotsCounted < p.BallotsIssued)
        {
            findings.Add(new ProtocolFinding(ProtocolSeverity.Warning, ValidationError.Of("ballots_issued",
                "{0} of the {1} ballots issued were not counted (valid {2} and invalid {3} make {4}): taken away or lost",
                p.BallotsIssued - p.BallotsCounted, p.BallotsIssued, p.Valid, p.Invalid, p.BallotsCounted)));
        }

        var choices = p.Choices.Sum(c => c.Votes);
        if (choices + p.AgainstAll != p.Valid)
        {
            var difference = choices + p.AgainstAll - p.Valid;
            Error("valid", difference > 0
                    ? "the votes for each choice ({0}) and against all ({1}) make {2}, more than the {3} valid ballots (by {4})"
                    : "the votes for each choice ({0}) and against all ({1}) make {2}, fewer than the {3} valid ballots (by {4})",
                choices, p.AgainstAll, choices + p.AgainstAll, p.Valid, Math.Abs(difference));
        }

        return findings;
    }

    public static bool IsConsistent(Protocol p) => Check(p).All(f => f.Severity != ProtocolSeverity.Error);
}
