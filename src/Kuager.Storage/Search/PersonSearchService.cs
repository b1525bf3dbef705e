using Kuager.Core;

namespace Kuager.Storage.Search;

/// <summary>Finds people by name across scripts and spellings, kept to what the viewer may see.</summary>
public sealed class PersonSearch
{
    private PersonSearch(Database database) => Database = database;

    public Database Database { get; }

    /// <summary>The search over one database (one shared index per database per process).</summary>
    public static PersonSearch For(Database database) => new(database);

    /// <summary>The people best matching the query, best first, at most <see cref="PersonQuery.Limit"/>.</summary>
    public Task<IReadOnlyList<PersonMatch>> SearchAsync(PersonQuery query, Viewer viewer, CancellationToken ct = default) =>
        throw new NotImplementedException("being written");
}
