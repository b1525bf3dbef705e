using System.Text.Json.Nodes;
using Kuager.Storage;
using Kuager.Storage.Tests;

namespace Kuager.Web.Tests.Api;

/// <summary>
/// One kind of record as the API tests use it: a valid body (the n-th, distinct from the others), a field to edit
/// with its new value, and a way to break the body with the field the domain then names.
/// </summary>
internal sealed record ApiKind(
    string Route,
    Func<KuagerApp, int, Task<JsonObject>> ValidAsync,
    string EditField,
    Func<JsonNode> EditValue,
    Action<JsonObject> Break,
    string BrokenField)
{
    private static readonly string[] PersonNames = ["Aigerim Sadykova", "Dilnaz Turganbekova", "Meiramgul Zhaksylyk", "Ulbossyn Nurtaza"];

    public static readonly IReadOnlyList<ApiKind> All =
    [
        // Distinct people, not one person entered thrice: the API would ask to confirm a likely duplicate.
        new("persons",
            (_, n) => Task.FromResult(new JsonObject
            {
                ["externalId"] = $"API-{n}",
                ["names"] = new JsonArray(new JsonObject { ["text"] = PersonNames[(n - 1) % PersonNames.Length], ["script"] = "en", ["kind"] = "primary" }),
                ["gender"] = "female",
                ["birthDate"] = new JsonObject { ["value"] = $"{1950 + (10 * n)}", ["text"] = $"born in {1950 + (10 * n)}" },
            }),
            "notes", () => "edited through the API",
            b => b["externalId"] = "", "externalId"),
        new("places",
            (_, n) => Task.FromResult(new JsonObject
            {
                ["names"] = new JsonArray(new JsonObject { ["text"] = $"Api Town {n}", ["script"] = "en" }),
                ["kind"] = "city",
            }),
            "kind", () => "village",
            b => { b["latitude"] = 100; b["longitude"] = 0; }, "latitude"),
        new("organizations",
            (_, n) => Task.FromResult(new JsonObject { ["name"] = $"Api Organisation {n}", ["kind"] = "ngo" }),
            "notes", () => "edited through the API",
            b => b["name"] = " ", "name"),
        new("relationships",
            async (app, n) =>
            {
                var a = await app.AddPersonAsync($"Api Parent {n}");
                var b = await app.AddPersonAsync($"Api Child {n}");
                return new JsonObject { ["personAId"] = a.Id, ["personBId"] = b.Id, ["type"] = "parent" };
            },
            "notes", () => "edited through the API",
            b => b["personBId"] = b["personAId"]!.DeepClone(), "personBId"),
        new("events",
            async (app, n) =>
            {
                var p = await app.AddPersonAsync($"Api Subject {n}");
                return new JsonObject
                {
                    ["type"] = "detained",
                    ["date"] = new JsonObject { ["value"] = $"{2010 + n}-spring", ["text"] = $"in spring {2010 + n}" },
                    ["participants"] = new JsonArray(new JsonObject { ["role"] = "subject", ["personId"] = p.Id }),
                };
            },
            "description", () => "edited through the API",
            b => b["termDays"] = -1, "termDays"),
        new("cases",
            (_, n) => Task.FromResult(new JsonObject { ["title"] = $"Api asylum case {n}", ["kind"] = "asylum" }),
            "notes", () => "edited through the API",
            b => b["status"] = "closed", "outcome"),
        new("testimonies",
            async (app, n) =>
            {
                var p = await app.AddPersonAsync($"Api Witness {n}");
                return new JsonObject { ["subjectPersonId"] = p.Id, ["summary"] = $"Testimony {n}", ["consent"] = "internal-use-only" };
            },
            "summary", () => "edited through the API",
            b => b.Remove("subjectPersonId"), "subjectPersonId"),
        new("sources",
            (_, n) => Task.FromResult(new JsonObject { ["title"] = $"Api report {n}", ["kind"] = "news", ["url"] = $"https://example.org/report/{n}" }),
            "publisher", () => "Edited Press",
            b => b["url"] = "not a web address", "url"),
        new("citations",
            async (app, n) =>
            {
                var source = await app.Store.CreateAsync(Build.Source($"Cited report {n}"), "test");
                var p = await app.AddPersonAsync($"Api Cited {n}");
                return new JsonObject { ["sourceId"] = source.Id, ["targetKind"] = "person", ["targetId"] = p.Id, ["level"] = 3 };
            },
            "quote", () => "edited through the API",
            b => b["targetKind"] = "place", "targetKind"),
    ];

    public static TheoryData<Provider, string> Cases
    {
        get
        {
            var data = new TheoryData<Provider, string>();
            foreach (var provider in TestDatabase.Providers)
            {
                foreach (var kind in All)
                {
                    data.Add(provider, kind.Route);
                }
            }

            return data;
        }
    }

    public static ApiKind Of(string route) => All.Single(k => k.Route == route);

    public override string ToString() => Route;
}
