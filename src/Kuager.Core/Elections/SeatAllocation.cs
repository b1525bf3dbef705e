using System.Numerics;

namespace Kuager.Core;

/// <summary>What the threshold is a percentage of.</summary>
public enum ThresholdDenominator
{
    /// <summary>The valid votes cast for the lists (the sum of the votes given).</summary>
    Valid,

    /// <summary>All voters who took part in the voting (valid and invalid ballots, "against all"): Kazakhstan's rule.</summary>
    All,
}

/// <summary>One party list and the votes it received, in registration order.</summary>
public sealed record PartyVotes(string Party, long Votes);

/// <summary>The rules of one party-list allocation.</summary>
/// <param name="Seats">Seats to fill (at least 1).</param>
/// <param name="ThresholdPercent">A party passes with at least this percentage of the denominator (0 to 100).</param>
/// <param name="Denominator">What the percentage is of.</param>
/// <param name="Participants">All voters who took part; required for <see cref="ThresholdDenominator.All"/>, never smaller than the sum of the votes.</param>
public sealed record SeatRules(int Seats, decimal ThresholdPercent, ThresholdDenominator Denominator = ThresholdDenominator.Valid, long? Participants = null);

/// <summary>How one party came out of the allocation.</summary>
/// <param name="Percent">Votes as a percentage of the threshold's denominator, rounded half away from zero to 2 decimals (display only: the threshold is tested on exact numbers).</param>
/// <param name="Passed">It reached the threshold.</param>
/// <param name="RunnerUp">It did not reach the threshold but was admitted by the runner-up rule.</param>
public sealed record PartySeats(string Party, long Votes, decimal Percent, int Seats, bool Passed, bool RunnerUp);

/// <summary>The allocation: every party in input order, and the Hare quota used (null when no seats were given out).</summary>
public sealed record SeatOutcome(IReadOnlyList<PartySeats> Parties, decimal? Quota)
{
    public bool NoPartyPassed => Parties.All(p => !p.Passed && !p.RunnerUp);
}

/// <summary>
/// Seats of a party-list election, modelled on Kazakhstan's Constitutional Law "On Elections" (art. 97-1):
/// <list type="number">
/// <item>A party passes when it has a vote and votes × 100 ≥ threshold × denominator, compared exactly (never on a rounded percentage);
///   the denominator is the sum of the votes (<see cref="ThresholdDenominator.Valid"/>) or all participants.</item>
/// <item>Runner-up rule: when exactly one party passes, the party with the next largest number of votes (ties: the one
///   registered first) is admitted too, provided it has at least one vote. The two are allocated by Hare quota like any
///   admitted parties; if the runner-up then holds fewer than its guaranteed seats, the leader gives up the difference.
///   The guarantee is 2, lowered to ⌊seats / 2⌋ when there are fewer than 4 seats, so the leader never ends with fewer
///   seats than the runner-up (1 seat: leader 1; 2 or 3 seats: runner-up at least 1).</item>
/// <item>Hare quota with largest remainders among the admitted parties: quota = their votes ÷ seats; each party gets
///   the whole part of votes ÷ quota; the seats left go one each to the largest remainders, equal remainders to the
///   party registered first (input order). Remainders are compared exactly in integers (votes × seats mod total).</item>
/// <item>No party passes (or the admitted parties have no votes): nobody gets a seat; <see cref="SeatOutcome.NoPartyPassed"/> says so.</item>
/// </list>
/// </summary>
public static class SeatAllocation
{
    /// <summary>The runner-up's guaranteed seats with 4 seats or more.</summary>
    public const int RunnerUpMinimum = 2;

    /// <summary>Checks the rules against the parties; an empty list means they can be allocated.</summary>
    public static IReadOnlyList<ValidationError> Check(IReadOnlyList<PartyVotes> parties, SeatRules rules)
    {
        var errors = new Rules();
        errors.When(rules.Seats < 1, "seats", "must be at least 1 (it is {0})", rules.Seats);
        errors.When(rules.ThresholdPercent is < 0 or > 100, "threshold", "must be a percentage from 0 to 100 (it is {0})", rules.ThresholdPercent);
        errors.When(parties.Count == 0, "parties", "no party is listed");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in parties)
        {
            errors.When(string.IsNullOrWhiteSpace(p.Party), "party", "a party has no name");
            errors.When(p.Votes < 0, "votes", "{0} has {1} votes; votes cannot be negative", p.Party, p.Votes);
            errors.When(!string.IsNullOrWhiteSpace(p.Party) && !seen.Add(p.Party), "party", "{0} is listed twice", p.Party);
        }

        if (rules.Denominator == ThresholdDenominator.All)
        {
            var sum = SumOrNull(parties);
            if (rules.Participants is not { } total)
            {
                errors.Add("total", "is required when the threshold is a percentage of all participants");
            }
            else if (sum is { } s && total < s)
            {
                errors.Add("total", "{0} participants is fewer than the {1} votes given to the parties; it counts every voter who took part", total, s);
            }
        }

        return errors.Errors;
    }

    /// <summary>Allocates the seats; throws <see cref="ValidationException"/> when <see cref="Check"/> finds anything.</summary>
    public static SeatOutcome Allocate(IReadOnlyList<PartyVotes> parties, SeatRules rules)
    {
        var errors = Check(parties, rules);
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        var valid = SumOrNull(parties) ?? throw new ValidationException([new ValidationError("votes", "the votes add up to more than can be counted")]);
        var denominator = rules.Denominator == ThresholdDenominator.All ? rules.Participants!.Value : valid;
        var passed = parties.Select(p => Reaches(p.Votes, rules.ThresholdPercent, denominator)).ToArray();

        var runnerUp = -1;
        if (passed.Count(x => x) == 1)
        {
            for (var i = 0; i < parties.Count; i++)
            {
                // Strictly larger keeps the earlier-registered party on ties.
                if (!passed[i] && parties[i].Votes > 0 && (runnerUp < 0 || parties[i].Votes > parties[runnerUp].Votes))
                {
                    runnerUp = i;
                }
            }
        }

        var admitted = Enumerable.Range(0, parties.Count).Where(i => passed[i] || i == runnerUp).ToArray();
        var seats = new int[parties.Count];
        decimal? quota = null;
        var admittedVotes = admitted.Sum(i => parties[i].Votes);
        if (admittedVotes > 0)
        {
            quota = Math.Round((decimal)admittedVotes / rules.Seats, 6, MidpointRounding.AwayFromZero);
            Hare(parties, admitted, admittedVotes, rules.Seats, seats);
            if (runnerUp >= 0)
            {
                var leader = Array.IndexOf(passed, true);
                var guarantee = rules.Seats >= 2 * RunnerUpMinimum ? RunnerUpMinimum : rules.Seats / 2;
                if (seats[runnerUp] < guarantee)
                {
                    seats[leader] -= guarantee - seats[runnerUp];
                    seats[runnerUp] = guarantee;
                }
            }
        }

        var result = new PartySeats[parties.Count];
        for (var i = 0; i < parties.Count; i++)
        {
            var percent = denominator == 0 ? 0m : Math.Round(parties[i].Votes * 100m / denominator, 2, MidpointRounding.AwayFromZero);
            result[i] = new PartySeats(parties[i].Party, parties[i].Votes, percent, seats[i], passed[i], i == runnerUp);
        }

        return new SeatOutcome(result, quota);
    }

    /// <summary>votes / denominator ≥ threshold / 100, exactly: the threshold is m / 10^k as a decimal stores it.</summary>
    private static bool Reaches(long votes, decimal thresholdPercent, long denominator)
    {
        if (votes == 0)
        {
            return false; // a party needs at least one vote, even at a 0 % threshold
        }

        var bits = decimal.GetBits(thresholdPercent);
        var scale = (bits[3] >> 16) & 0xFF;
        var mantissa = ((BigInteger)(uint)bits[2] << 64) | ((BigInteger)(uint)bits[1] << 32) | (uint)bits[0];
        return (BigInteger)votes * 100 * BigInteger.Pow(10, scale) >= mantissa * denominator;
    }

    /// <summary>Hare quota with largest remainders: whole parts of votes × seats ÷ total, then the remainders, ties to input order.</summary>
    private static void Hare(IReadOnlyList<PartyVotes> parties, int[] admitted, long total, int seatCount, int[] seats)
    {
        var remainders = new List<(int Index, Int128 Remainder)>(admitted.Length);
        var given = 0;
        foreach (var i in admitted)
        {
            var product = (Int128)parties[i].Votes * seatCount;
            seats[i] = (int)(product / total);
            given += seats[i];
            remainders.Add((i, product % total));
        }

        // Stable order: larger remainder first, then the party registered first.
        foreach (var (index, _) in remainders.OrderByDescending(r => r.Remainder).ThenBy(r => r.Index).Take(seatCount - given))
        {
            seats[index]++;
        }
    }

    private static long? SumOrNull(IReadOnlyList<PartyVotes> parties)
    {
        long sum = 0;
        foreach (var p in parties)
        {
            if (p.Votes < 0)
            {
                continue;
            }

            try
            {
                sum = checked(sum + p.Votes);
            }
            catch (OverflowException)
            {
                return null;
            }
        }

        return sum;
    }
}
