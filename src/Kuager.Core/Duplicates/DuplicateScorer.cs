using Kuager.Names;

namespace Kuager.Core;

/// <summary>Scores a pair of people from all the evidence. Pure.</summary>
public static class DuplicateScorer
{
    /// <summary>The threshold with the best F1 on the labelled synthetic set (tests/Kuager.Storage.Tests/Duplicates).</summary>
    public const double DefaultThreshold = 0.8;

    public static DuplicateScore Score(DuplicateProfile a, DuplicateProfile b, Func<NamePart, double>? weight = null) =>
        throw new NotImplementedException("contract: implemented by the scorer work");
}
