using Kuager.Core;
using Kuager.Storage;
using Kuager.Web.Features.Duplicates;
using Kuager.Web.Localization;

namespace Kuager.Web.Tests.Duplicates;

/// <summary>Every code the duplicate pages turn into words has them, so a page never shows a bare code or key.</summary>
public sealed class DuplicateTextTests
{
    [Fact]
    public void Every_reason_verdict_comparison_and_decision_has_a_text()
    {
        var texts = new TextLocalizer().All;
        var keys = DuplicateReasons.All.Select(r => "duplicates.reason." + r)
            .Concat(WireCode.All<EvidenceVerdict>().Select(v => "duplicates.verdict." + v))
            .Concat(WireCode.All<Sameness>().Select(s => "duplicates.sameness." + s))
            .Concat(WireCode.All<DuplicateDecision>().Select(d => "duplicates.decision." + d))
            .Concat(WireCode.All<RevisionAction>().SelectMany(a => new[] { "persons.action." + a, "events.action." + a, "places.action." + a }));
        var missing = keys.Where(k => !texts.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, "codes without texts: " + string.Join(", ", missing));
    }

    [Theory]
    [InlineData("en", 0.914, "91%")]
    [InlineData("ru", 0.914, "91 %")]
    [InlineData("en", 1.2, "100%")]
    public void Scores_read_as_whole_percentages_in_the_readers_culture(string culture, double score, string expected)
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo(culture);
            Assert.Equal(expected, DuplicateText.Percent(score).Replace('\u00A0', ' ').Replace('\u202F', ' '));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }
}
