using Kuager.Core;

namespace Kuager.Storage.Tests.Security;

/// <summary>A place is shown with the places it is in, so it may be no more visible than they are.</summary>
public sealed class PlaceConfidentialityTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_place_is_never_less_confidential_than_the_place_it_is_in(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var secret = await db.Store.CreateAsync(Build.Place("Facility 5") with { Confidentiality = Confidentiality.Confidential }, "test");

        var inside = await Assert.ThrowsAsync<ValidationException>(() =>
            db.Store.CreateAsync(Build.Place("Block A", secret.Id) with { Confidentiality = Confidentiality.Public }, "test"));
        Assert.Equal("confidentiality", Assert.Single(inside.Errors).Field);
        var block = await db.Store.CreateAsync(Build.Place("Block A", secret.Id) with { Confidentiality = Confidentiality.Confidential }, "test");

        // Loosening the outer place while a place inside it is stricter is allowed; tightening it past one is not.
        var region = await db.Store.CreateAsync(Build.Place("Region") with { Confidentiality = Confidentiality.Public }, "test");
        var town = await db.Store.CreateAsync(Build.Place("Town", region.Id) with { Confidentiality = Confidentiality.Public }, "test");
        var tightened = await Assert.ThrowsAsync<ValidationException>(() =>
            db.Store.UpdateAsync(region with { Confidentiality = Confidentiality.Restricted }, "test"));
        Assert.Contains("Town", Assert.Single(tightened.Errors).Message, StringComparison.Ordinal);
        Assert.Equal(Confidentiality.Public, (await db.Store.GetAsync<Place>(region.Id))!.Confidentiality);
        Assert.NotNull(town);
        Assert.NotNull(block);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Imported_places_take_the_confidentiality_of_the_place_they_are_in(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Store.CreateAsync(Build.Place("Secretland") with { Confidentiality = Confidentiality.Confidential }, "test");
        var csv = Path.Combine(db.WorkDirectory, "people.csv");
        await File.WriteAllTextAsync(csv, "external_id,name,hometown\nP-1,Aigerim Testova,Secretland > Inner town\n");

        var result = await new PersonImport(db.Database, new ImportOptions("test")).ImportFileAsync(csv);

        Assert.Empty(result.Errors);
        await using var c = await db.Database.OpenAsync();
        Assert.Equal("confidential", await Dapper.SqlMapper.ExecuteScalarAsync<string>(c, "SELECT confidentiality FROM places WHERE name = 'Inner town'"));
    }
}
