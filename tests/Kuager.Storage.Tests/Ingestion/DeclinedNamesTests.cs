using Kuager.Core;
using Kuager.Ingestion;
using Kuager.Storage.Ingestion;

namespace Kuager.Storage.Tests.Ingestion;

/// <summary>A Russian or Kazakh article declines names; a case form is not a spelling to keep on the person.</summary>
public sealed class DeclinedNamesTests
{
    private const string Actor = "reviewer";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_declined_form_is_proposed_in_the_nominative_and_is_not_added_as_a_name_of_the_matched_person(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var person = await db.Store.CreateAsync(new Person { ExternalId = "S-1", Names = [PersonName.Detect("Aigul Saparova", NameKind.Primary)] }, Actor);
        var result = await new SourceIngestion(db.Database).IngestAsync(
            [new IngestPage("ru.txt", "Полиция задержала активистку Айгуль Сапарову 11 марта.\n\nСуд назначил Сапаровой штраф в размере 100 000 тенге.", PageFormat.Text)],
            new SourceHints { Date = new DateOnly(2021, 3, 12) }, Actor);
        var review = new ProposalReview(db.Database);
        var found = Assert.Single(await review.ListAsync(sourceId: result[0].SourceId), p => p.Kind == "person");
        Assert.Equal(("Айгуль Сапарова", person.Id), (found.Label, found.MatchedPersonId));

        await review.AcceptAsync([found.Id], Actor);

        var updated = await db.Store.GetAsync<Person>(person.Id, Viewer.Operator(Actor));
        Assert.Equal(["Aigul Saparova", "Айгуль Сапарова"], updated!.Names.Select(n => n.Text).ToList());
    }
}
