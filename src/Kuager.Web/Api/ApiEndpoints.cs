using Kuager.Core;
using Kuager.Web.Api;

namespace Kuager.Web;

/// <summary>
/// The REST API under /api/v1: every kind of record with the same list, read, create, update, delete and history
/// endpoints, undo of a revision, the search box's suggestions, likely duplicates and merges, and the OpenAPI document that describes them.
/// Records travel as the domain serialises them (<see cref="KuagerJson"/>); every error is RFC 7807 problem details.
/// </summary>
public static class ApiEndpoints
{
    public const string Prefix = "/api/v1";

    public static IServiceCollection AddApi(this IServiceCollection services) => services.AddOpenApi(ApiDocument.Name, ApiDocument.Configure);

    public static WebApplication MapApi(this WebApplication app)
    {
        // Runs after routing and around the endpoint, so it also answers unknown routes and unreadable requests.
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.Use(ApiProblems.HandleAsync));

        var api = app.MapGroup(Prefix);
        api.MapRecordEndpoints<Person, PersonPage>("persons", "external id and primary name; q matches any of the person's names",
            (db, list, viewer, store, ct) => PersonEndpoints.ListAsync(store, list.Q, list.Page, list.PageSize, viewer, ct),
            DuplicatesEndpoints.BeforePersonCreate);
        api.MapRecordEndpoints<Place, Page<PlaceListItem>>("places", "name, kind, parent and full path; q matches the path", RecordLists.Places);
        api.MapRecordEndpoints<Organization, Page<OrganizationListItem>>("organizations", "name, kind and place; q matches the name", RecordLists.Organizations);
        api.MapRecordEndpoints<Relationship, Page<RelationshipListItem>>("relationships", "the two people and the type; q matches the type code", RecordLists.Relationships);
        api.MapRecordEndpoints<Event, Page<EventListItem>>("events", "type, canonical date and place, oldest first; q matches the type code", RecordLists.Events);
        api.MapRecordEndpoints<Case, Page<CaseListItem>>("cases", "title, kind and status; q matches the title", RecordLists.Cases);
        api.MapRecordEndpoints<Testimony, Page<TestimonyListItem>>("testimonies", "subject, testifier and consent; q is not used", RecordLists.Testimonies);
        api.MapRecordEndpoints<Source, Page<SourceListItem>>("sources", "kind, title and address; q matches the title", RecordLists.Sources);
        api.MapRecordEndpoints<Citation, Page<CitationListItem>>("citations", "source, target and evidence level; q is not used", RecordLists.Citations);
        api.MapRevisionEndpoints();
        api.MapSearch();
        api.MapDuplicates();
        api.MapIngestion();
        api.MapElections();
        // One document, at a fixed path: other names fall through to the 404 problem instead of a plain-text answer.
        app.MapOpenApi(Prefix + "/openapi.json");
        return app;
    }
}
