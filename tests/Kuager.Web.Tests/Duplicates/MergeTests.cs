using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using Kuager.Core;
using Kuager.Storage;
using Kuager.Storage.Tests;
using Kuager.Web.Tests.Api;
using Kuager.Web.Tests.Persons;

namespace Kuager.Web.Tests.Duplicates;

/// <summary>Merging two records from the comparison, the merged address leading to the survivor, and the merge undone from the person page.</summary>
public sealed class MergeTests
{
    private static IHtmlFormElement FormWith(IHtmlDocument page, string handler) =>
        page.QuerySelectorAll("main form[method=post]").OfType<IHtmlFormElement>()
            .Single(f => (f.GetAttribute("action") ?? "").Contains("handler=" + handler, StringComparison.Ordinal));

    private static IReadOnlyList<string> Names(IHtmlDocument page) =>
        page.QuerySelectorAll("table.names tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_merge_from_the_comparison_is_listed_on_the_survivor_redirects_the_merged_address_and_is_undone(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var d = await DuplicateData.PlantAsync(app);
        var (a, b) = (d.Baibolat.Id, d.Baibolat2.Id);

        // The lower id stays by default.
        var compare = $"/duplicates/{a}/{b}";
        var merged = await PersonForms.SubmitAsync(app.Client, compare, FormWith(await app.PageAsync(compare), "Merge"));
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        Assert.Equal($"/persons/{a}?notice=merged", merged.Headers.Location!.ToString());

        var survivor = await app.PageAsync($"/persons/{a}?notice=merged");
        Assert.Contains("merged into this one", survivor.QuerySelector(".notice")!.TextContent);
        Assert.Contains("Baybolat Kunbolatuly", Names(survivor));
        var row = survivor.QuerySelector("table.merges tbody tr")!;
        Assert.Contains("K-000102", row.TextContent);
        Assert.Contains("in force", row.TextContent);
        Assert.Contains(survivor.QuerySelectorAll("table.history tbody td"), td => td.TextContent.Trim() == "merged");
        Assert.DoesNotContain(await ReviewPairsAsync(app), p => p == $"{a}-{b}");

        // The merged record's address leads to the survivor, saying so; a reader who may not see the records gets the 404.
        var redirected = await app.Client.GetAsync($"/persons/{b}");
        Assert.Equal(HttpStatusCode.Redirect, redirected.StatusCode);
        Assert.Equal($"/persons/{a}?notice=redirected&from={b}", redirected.Headers.Location!.ToString());
        var landed = await app.PageAsync(redirected.Headers.Location.ToString());
        Assert.Equal($"Record {b} was merged into this one; its address leads here.", landed.QuerySelector(".notice")!.TextContent);
        using (var visitor = await app.ClientAsync(Role.Visitor))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/persons/{b}")).StatusCode);
        }

        // Undo merge: the merged record is back as it was, the survivor without what the merge added.
        var undone = await PersonForms.SubmitAsync(app.Client, $"/persons/{a}", FormWith(survivor, "Unmerge"));
        Assert.Equal(HttpStatusCode.Redirect, undone.StatusCode);
        Assert.Equal($"/persons/{a}?notice=unmerged", undone.Headers.Location!.ToString());
        var after = await app.PageAsync($"/persons/{a}?notice=unmerged");
        Assert.DoesNotContain("Baybolat Kunbolatuly", Names(after));
        Assert.Contains("undone", after.QuerySelector("table.merges tbody tr")!.TextContent);
        Assert.Empty(after.QuerySelectorAll("table.merges form"));
        Assert.Contains(after.QuerySelectorAll("table.history tbody td"), td => td.TextContent.Trim() == "merge undone");
        var back = await app.PageAsync($"/persons/{b}");
        Assert.Equal(["Байболат Құнболатұлы", "Baybolat Kunbolatuly"], Names(back));
        Assert.Contains("This record was merged into", back.QuerySelector("table.merges")!.TextContent);

        // The old undo button, pressed again, changes nothing and says why.
        var again = await PersonForms.SubmitAsync(app.Client, $"/persons/{a}", FormWith(survivor, "Unmerge"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var refused = await Events.WebForm.ParseAsync(again);
        Assert.Contains("no merge into this record that can be undone", refused.QuerySelector(".alert")!.TextContent);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_reviewer_may_keep_the_higher_id(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var d = await DuplicateData.PlantAsync(app);
        var compare = $"/duplicates/{d.Gulnar.Id}/{d.Gulnar2.Id}";

        var form = FormWith(await app.PageAsync(compare), "Merge");
        var response = await PersonForms.SubmitAsync(app.Client, compare, form,
            new Dictionary<string, string> { ["survivor"] = d.Gulnar2.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal($"/persons/{d.Gulnar2.Id}?notice=merged", response.Headers.Location!.ToString());
        Assert.Equal($"/persons/{d.Gulnar2.Id}?notice=redirected&from={d.Gulnar.Id}", (await app.Client.GetAsync($"/persons/{d.Gulnar.Id}")).Headers.Location!.ToString());

        // A survivor that is neither of the two is refused, and nothing is merged.
        var other = await PersonForms.SubmitAsync(app.Client, $"/duplicates/{d.Baibolat.Id}/{d.Baibolat2.Id}",
            FormWith(await app.PageAsync($"/duplicates/{d.Baibolat.Id}/{d.Baibolat2.Id}"), "Merge"),
            new Dictionary<string, string> { ["survivor"] = d.Serik.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.Equal(1, await app.Db.RowsAsync("person_merges"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Merges_through_the_api_are_created_undone_once_and_explain_their_errors(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var d = await DuplicateData.PlantAsync(app);
        var (a, b) = (d.Baibolat.Id, d.Baibolat2.Id);
        JsonObject Body(JsonNode? survivor, JsonNode? merged) => new() { ["survivor_id"] = survivor, ["merged_id"] = merged };

        (await app.PostAsync("/api/v1/merges", Body(a, null))).ExpectFieldErrors("merged_id");
        (await app.PostAsync("/api/v1/merges", Body("one", b))).ExpectFieldErrors("survivor_id");
        (await app.PostAsync("/api/v1/merges", Body(a, a))).ExpectFieldErrors("merged_id");
        (await app.PostAsync("/api/v1/merges", Body(a, 987654))).ExpectProblem(HttpStatusCode.NotFound);
        Assert.Equal(0, await app.Db.RowsAsync("person_merges"));

        var merge = (await app.PostAsync("/api/v1/merges", Body(a, b))).Expect(HttpStatusCode.Created).Object;
        Assert.Equal(["id", "survivor_id", "merged_id", "actor", "at", "undone_at"], merge.Select(p => p.Key));
        Assert.Equal(a, (long)merge["survivor_id"]!);
        Assert.Equal(b, (long)merge["merged_id"]!);
        Assert.Equal("test-admin", (string)merge["actor"]!);
        Assert.Null(merge["undone_at"]);
        (await app.GetAsync($"/api/v1/persons/{b}")).ExpectProblem(HttpStatusCode.NotFound);
        (await app.PostAsync("/api/v1/merges", Body(d.Serik.Id, b))).ExpectProblem(HttpStatusCode.NotFound);

        var id = (long)merge["id"]!;
        var undone = (await app.PostAsync($"/api/v1/merges/{id}/undo", null)).Expect(HttpStatusCode.OK).Object;
        Assert.Equal(id, (long)undone["id"]!);
        Assert.NotNull(undone["undone_at"]);
        (await app.GetAsync($"/api/v1/persons/{b}")).Expect(HttpStatusCode.OK);
        (await app.PostAsync($"/api/v1/merges/{id}/undo", null)).ExpectProblem(HttpStatusCode.Conflict);
        (await app.PostAsync("/api/v1/merges/987654/undo", null)).ExpectProblem(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_merged_address_leads_on_only_for_readers_who_may_see_both_records(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var survivor = await app.Store.CreateAsync(
            DuplicateData.Make("P-1", Gender.Female, 1980, null, ("Aruzhan Publicova", Kuager.Names.Script.English)) with { Confidentiality = Confidentiality.Public }, "test");
        var secret = await app.Store.CreateAsync(
            DuplicateData.Make("C-1", Gender.Female, 1980, null, ("Aruzhan Publicova", Kuager.Names.Script.English)) with { Confidentiality = Confidentiality.Confidential }, "test");
        var merge = await app.Store.MergeAsync(survivor.Id, secret.Id, "test");

        // The merge raised the survivor to the merged record's level; an editor later makes it public again. The
        // confidential record's address must still not tell a visitor or researcher that it existed.
        var raised = (await app.Store.GetAsync<Person>(survivor.Id, Viewer.Operator("test")))!;
        Assert.Equal(Confidentiality.Confidential, raised.Confidentiality);
        await app.Store.UpdateAsync(raised with { Confidentiality = Confidentiality.Public }, "test");
        foreach (var role in new[] { Role.Visitor, Role.Researcher })
        {
            using var client = await app.ClientAsync(role);
            var answer = await client.GetAsync($"/persons/{secret.Id}");
            Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
            var page = await app.PageAsync($"/persons/{survivor.Id}", client);
            Assert.Empty(page.QuerySelectorAll("table.merges"));
            Assert.DoesNotContain("C-1", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        }

        using (var editor = await app.ClientAsync(Role.Editor))
        {
            var answer = await editor.GetAsync($"/persons/{secret.Id}");
            Assert.Equal($"/persons/{survivor.Id}?notice=redirected&from={secret.Id}", answer.Headers.Location!.ToString());
            var page = await app.PageAsync($"/persons/{survivor.Id}", editor);
            Assert.Equal(merge.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector("table.merges tbody tr")!.GetAttribute("data-merge"));
            Assert.Contains("C-1", page.QuerySelector("table.merges")!.TextContent, StringComparison.Ordinal);
        }

        // A notice code from the address alone says nothing: "redirected" without a record, or an unknown code, is left out.
        Assert.Null((await app.PageAsync($"/persons/{survivor.Id}?notice=redirected")).QuerySelector(".notice"));
        Assert.Null((await app.PageAsync($"/persons/{survivor.Id}?notice=<script>")).QuerySelector(".notice"));
    }

    private static async Task<List<string>> ReviewPairsAsync(KuagerApp app) =>
        (await app.GetAsync("/api/v1/duplicates")).Expect(HttpStatusCode.OK).Array
            .Select(p => $"{(long)p!["a"]!["id"]!}-{(long)p["b"]!["id"]!}").ToList();
}
