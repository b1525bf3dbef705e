using System.Net;
using System.Text;
using Kuager.Core;
using Kuager.Names;
using Kuager.Storage;
using Kuager.Storage.Tests;

namespace Kuager.Web.Tests.Persons;

public sealed class PersonPageTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_person_page_shows_every_section(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        long id, parentId, childId, siblingId;
        string sha;
        await using (var s = await app.Store.BeginAsync("volunteer-1"))
        {
            var china = await s.CreateAsync(Build.Place("China", kind: PlaceKind.Country));
            var xinjiang = await s.CreateAsync(Build.Place("Xinjiang", china.Id, PlaceKind.Region));
            var gulja = await s.CreateAsync(Build.Place("Gulja", xinjiang.Id, PlaceKind.City));
            var person = await s.CreateAsync(Build.Person("Abdurehim Misal") with
            {
                Names =
                [
                    new PersonName("Abdurehim Misal", Script.UyghurLatin, NameKind.Primary),
                    new PersonName("ئابدۇرەھىم مىسال", Script.UyghurArabic, NameKind.Alias),
                    new PersonName("Абдурехим Мисал", Script.RussianCyrillic, NameKind.Alias),
                ],
                BirthDate = FuzzyDate.InSeason(1979, Season.Spring, "spring of 1979"),
                Ethnicity = "Uyghur",
                Citizenships = ["PRC", "Kazakhstan"],
                HometownId = gulja.Id,
                Occupation = "teacher",
                OtherIds = [new OtherId("victims-db", "12345")],
                Notes = "Reported by his sister.",
            });
            id = person.Id;
            parentId = (await s.CreateAsync(Build.Person("Misal Ata"))).Id;
            childId = (await s.CreateAsync(Build.Person("Kichik Misal"))).Id;
            siblingId = (await s.CreateAsync(Build.Person("Hamit Misal"))).Id;
            await s.CreateAsync(Relationship.ChildOf(id, parentId));
            await s.CreateAsync(Relationship.ChildOf(childId, id));
            await s.CreateAsync(new Relationship { PersonAId = id, PersonBId = siblingId, Type = RelationshipType.Sibling });

            var detained = await s.CreateAsync(Build.Event("detained", id, FuzzyDate.InSeason(2017, Season.Spring, "in spring 2017")) with { PlaceId = gulja.Id });
            await s.CreateAsync(Build.Event("taken-to-camp", id, FuzzyDate.InMonth(2017, 6)));
            await s.CreateAsync(Build.Event("released", id, FuzzyDate.OnDay(2019, 3, 12)));
            var source = await s.CreateAsync(Build.Source("Article about the Misal family"));
            await s.CreateAsync(new Citation { SourceId = source.Id, TargetKind = RecordKind.Person, TargetId = id, Level = EvidenceLevel.Documented, Quote = "his passport" });
            await s.CreateAsync(new Citation { SourceId = source.Id, TargetKind = RecordKind.Event, TargetId = detained.Id, Level = EvidenceLevel.RelativeTestimony, Quote = "taken in spring 2017" });

            var file = await FileStore.For(app.Store.Database).StoreAsync(s, new MemoryStream(Encoding.UTF8.GetBytes("a filmed testimony")), "testimony.mp4", "video/mp4");
            sha = file.Sha256;
            await s.CreateAsync(new Testimony
            {
                SubjectPersonId = id,
                TestifierPersonId = siblingId,
                Relation = TestimonyRelation.Sibling,
                RecordedOn = FuzzyDate.OnDay(2020, 11, 2),
                Medium = TestimonyMedium.Video,
                Summary = "His brother describes the detention.",
                Files = [file],
            });
            await s.CreateAsync(new Case
            {
                Title = "Asylum application of a relative",
                Kind = CaseKind.Asylum,
                Parties = [new CaseParty(CasePartyRole.Applicant, id)],
                Deadlines = [new Deadline(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20), DeadlineKind.AppealDue)],
            });
            await s.CommitAsync();
        }

        var page = await app.PageAsync($"/persons/{id}");

        Assert.Equal("Abdurehim Misal", page.QuerySelector("h1")!.TextContent.Trim());
        var uyghur = page.QuerySelector("table.names span[lang='ug-Arab']")!;
        Assert.Equal("rtl", uyghur.GetAttribute("dir"));
        Assert.Equal("ئابدۇرەھىم مىسال", uyghur.TextContent);
        Assert.Null(page.QuerySelector("table.names span[lang='ru-Cyrl']")!.GetAttribute("dir"));
        Assert.Contains("Uyghur Arabic", page.QuerySelector("table.names")!.TextContent);

        var facts = page.QuerySelector("table.facts")!.TextContent;
        Assert.Contains("spring 1979", facts);
        Assert.Contains("spring of 1979", facts);
        Assert.Contains("1979-spring", facts);
        Assert.Contains("PRC, Kazakhstan", facts);
        Assert.Contains("teacher", facts);
        Assert.Contains("victims-db", facts);
        Assert.Equal(["China", "Xinjiang", "Gulja"], page.QuerySelectorAll("table.facts a[href^='/places/']").Select(a => a.TextContent).ToArray());
        Assert.Contains("Released", page.QuerySelector(".status-now")!.TextContent);

        var timeline = page.QuerySelector("svg.timeline-svg")!;
        Assert.NotNull(timeline.QuerySelector("title"));
        Assert.Equal(3, timeline.QuerySelectorAll("g.segment rect").Length);
        Assert.Equal(["#b3261e", "#7a1f12", "#2f6b3a"], timeline.QuerySelectorAll("g.segment rect").Select(r => r.GetAttribute("fill") ?? "").ToArray());
        var statusRows = page.QuerySelectorAll("table.status-table tbody tr");
        Assert.Equal(3, statusRows.Length);
        Assert.Contains("In a camp", statusRows[1].TextContent);

        var events = page.QuerySelector("table.events")!.TextContent;
        Assert.Contains("Detained", events);
        Assert.Contains("in spring 2017", events);
        Assert.Contains("China > Xinjiang > Gulja", events);
        Assert.Contains("subject", events);

        Assert.Contains("Asylum application of a relative", page.QuerySelector("table.cases")!.TextContent);
        var testimonies = page.QuerySelector("table.testimonies")!.TextContent;
        Assert.Contains("His brother describes the detention.", testimonies);
        Assert.Contains(sha, testimonies);

        var family = page.QuerySelector("svg.family-svg")!;
        Assert.NotNull(family.QuerySelector("title"));
        foreach (var relative in new[] { parentId, childId, siblingId })
        {
            Assert.NotNull(family.QuerySelector($"a[href='/persons/{relative}']"));
            Assert.NotNull(page.QuerySelector($"table.relatives a[href='/persons/{relative}']"));
        }

        var parentNode = family.QuerySelector($"a[href='/persons/{parentId}'] rect")!;
        var childNode = family.QuerySelector($"a[href='/persons/{childId}'] rect")!;
        Assert.True(double.Parse(parentNode.GetAttribute("y")!, System.Globalization.CultureInfo.InvariantCulture)
            < double.Parse(childNode.GetAttribute("y")!, System.Globalization.CultureInfo.InvariantCulture), "parents are drawn above children");

        var sources = page.QuerySelector("table.sources")!;
        Assert.Contains("Article about the Misal family", sources.TextContent);
        Assert.Equal(["4", "2"], sources.QuerySelectorAll(".tag[data-level]").Select(t => t.GetAttribute("data-level") ?? "").ToArray());
        Assert.NotNull(sources.QuerySelector(".evidence-4"));
        Assert.Contains("taken in spring 2017", sources.TextContent);

        var history = page.QuerySelectorAll("table.history tbody tr");
        Assert.Single(history);
        Assert.Contains("volunteer-1", history[0].TextContent);
        Assert.Contains("External id", history[0].TextContent);
        // The only revision is the creation, which the page does not offer to undo (it would delete the person).
        Assert.Null(history[0].QuerySelector("form[method=post]"));
        Assert.NotNull(page.QuerySelector($"a[href='/events/new?person={id}']"));
        Assert.NotNull(page.QuerySelector($"a[href='/testimonies/new?person={id}']"));

        Assert.Empty(page.QuerySelectorAll("[style], style, script:not([src])"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_missing_or_deleted_person_is_a_404_page(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var person = await app.AddPersonAsync();
        await app.Store.DeleteAsync<Person>(person.Id, person.Version, "test");

        foreach (var url in new[] { "/persons/987654", $"/persons/{person.Id}", $"/persons/{person.Id}/edit" })
        {
            var response = await app.Client.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("Not found", await response.Content.ReadAsStringAsync());
        }
    }
}
