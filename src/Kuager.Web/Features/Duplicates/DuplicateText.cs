using System.Globalization;
using Kuager.Core;
using Kuager.Storage;
using Microsoft.Extensions.Localization;

namespace Kuager.Web.Features.Duplicates;

/// <summary>How scores, reasons, verdicts and decisions read on the pages, in the reader's language.</summary>
public static class DuplicateText
{
    /// <summary>A score as a whole percentage in the reader's culture ("91%", "91 %").</summary>
    public static string Percent(double score) => Math.Clamp(score, 0, 1).ToString("P0", CultureInfo.CurrentCulture);

    /// <summary>"Name", "Birth year": a <see cref="DuplicateReasons"/> code as a label.</summary>
    public static string Reason(IStringLocalizer t, string code) =>
        t["duplicates.reason." + code] is { ResourceNotFound: false } text ? text.Value : code;

    public static string Reasons(IStringLocalizer t, IEnumerable<string> codes) => string.Join(", ", codes.Select(c => Reason(t, c)));

    public static string Verdict(IStringLocalizer t, EvidenceVerdict verdict) => t["duplicates.verdict." + WireCode.Of(verdict)].Value;

    /// <summary>A sign beside each verdict, so the evidence reads without colour (the word is there too).</summary>
    public static string Sign(EvidenceVerdict verdict) => verdict switch
    {
        EvidenceVerdict.Agrees => "✓",
        EvidenceVerdict.Near => "≈",
        EvidenceVerdict.Differs => "✗",
        _ => "?",
    };

    /// <summary>A sign beside each field's comparison, with the word beside it.</summary>
    public static string Sign(Sameness sameness) => sameness switch
    {
        Sameness.Same => "=",
        Sameness.Partly => "≈",
        Sameness.OneSide => "±",
        Sameness.Differs => "≠",
        Sameness.Withheld => "·",
        _ => "–",
    };

    public static string Decision(IStringLocalizer t, DuplicateDecision? decision) =>
        decision is { } d ? t["duplicates.decision." + WireCode.Of(d)].Value : t["duplicates.decision.none"].Value;

    /// <summary>The evidence worth showing: what agrees, is near, or differs (what neither side says is left out).</summary>
    public static IReadOnlyList<DuplicateEvidence> Shown(IEnumerable<DuplicateEvidence> evidence) =>
        evidence.Where(e => e.Verdict != EvidenceVerdict.Unknown).ToList();
}

/// <summary>The likely matches shown above the new-person form (partial _Candidates), also sent alone to the form's script.</summary>
public sealed record CandidatePanel(IReadOnlyList<DuplicateCandidate> Candidates)
{
    public const string View = "/Features/Duplicates/_Candidates.cshtml";
}
