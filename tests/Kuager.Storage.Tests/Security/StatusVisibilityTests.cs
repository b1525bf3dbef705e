using Dapper;
using Kuager.Core;

namespace Kuager.Storage.Tests.Security;

/// <summary>
/// A person's stored status is shown in lists, search and charts to everyone who may see the person, so it must not
/// rest on an event they may not see.
/// </summary>
public sealed class StatusVisibilityTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_stored_status_rests_only_on_events_as_visible_as_the_person(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var person = await db.Store.CreateAsync(Build.Person() with { Confidentiality = Confidentiality.Public }, "test");
        var secret = await db.Store.CreateAsync(
            Build.Event("detained", person.Id, FuzzyDate.InYear(2018)) with { Confidentiality = Confidentiality.Confidential }, "test");
        Assert.Equal("unknown", await StatusAsync(db, person.Id));

        // Made public, the event speaks for the person everywhere.
        var published = await db.Store.UpdateAsync(secret with { Confidentiality = Confidentiality.Public }, "test");
        Assert.Equal("detained", await StatusAsync(db, person.Id));

        // A confidential person's status may use everything, since only editors see them at all.
        await db.Store.UpdateAsync(published with { Confidentiality = Confidentiality.Confidential }, "test");
        Assert.Equal("unknown", await StatusAsync(db, person.Id));
        var current = await db.Store.GetAsync<Person>(person.Id);
        await db.Store.UpdateAsync(current! with { Confidentiality = Confidentiality.Confidential }, "test");
        Assert.Equal("detained", await StatusAsync(db, person.Id));
    }

    private static async Task<string> StatusAsync(TestDatabase db, long id)
    {
        await using var c = await db.Database.OpenAsync();
        return await c.ExecuteScalarAsync<string>("SELECT status FROM persons WHERE id = @id", new { id }) ?? "";
    }
}
