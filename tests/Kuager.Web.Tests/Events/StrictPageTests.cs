using Kuager.Core;
using Kuager.Storage;
using Kuager.Storage.Tests;

namespace Kuager.Web.Tests.Events;

/// <summary>The event, case and testimony pages load nothing inline (a strict CSP comes next) and label every field.</summary>
public sealed class StrictPageTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Pages_have_no_inline_style_or_script_and_every_field_has_a_label(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var person = await app.AddPersonAsync();
        var e = await app.Store.CreateAsync(Build.Event("detained", person.Id, FuzzyDate.InYear(2018)), "test");
        var c = await app.Store.CreateAsync(new Case { Title = "A case", Parties = [new CaseParty(CasePartyRole.Applicant, person.Id)] }, "test");
        var t = await app.Store.CreateAsync(new Testimony { SubjectPersonId = person.Id }, "test");
        string[] urls =
        [
            "/events", $"/events/{e.Id}", "/events/new", $"/events/{e.Id}/edit",
            "/cases", $"/cases/{c.Id}", "/cases/new", $"/cases/{c.Id}/edit",
            "/testimonies", $"/testimonies/{t.Id}", "/testimonies/new", $"/testimonies/{t.Id}/edit",
        ];
        foreach (var url in urls)
        {
            var page = await app.PageAsync(url + "?culture=kk");
            Assert.Empty(page.QuerySelectorAll("[style], style, script:not([src])"));
            var unlabelled = page.QuerySelectorAll("main input:not([type=hidden]), main select, main textarea")
                .Where(f => f.Id is null || page.QuerySelector($"label[for='{f.Id}']") is null)
                .Select(f => f.GetAttribute("name"))
                .ToList();
            Assert.True(unlabelled.Count == 0, $"{url}: fields without a label: {string.Join(", ", unlabelled)}");
            Assert.DoesNotContain("events.", page.Body!.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("cases.", page.Body!.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("testimonies.", page.Body!.TextContent, StringComparison.Ordinal);
        }
    }
}
