using System.Net;
using Kuager.Core;
using Kuager.Storage;
using Kuager.Storage.Tests;
using Kuager.Storage.Tests.Ingestion;
using Kuager.Web.Tests.Accounts;
using Kuager.Web.Tests.Events;

namespace Kuager.Web.Tests.Ingestion;

/// <summary>The page asks what the text is: a testimony pasted there becomes a confidential testimony source.</summary>
public sealed class IngestionKindPageTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_testimony_pasted_on_the_page_is_a_confidential_testimony_and_an_unknown_kind_writes_nothing(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var (editor, _, _) = await app.SignedInAsync(Role.Editor);
        var form = await WebForm.LoadAsync(app, "/ingestion", editor);
        var options = form.Page.QuerySelectorAll("select#ingest-kind option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal(["news", "social-media", "testimony", "first-person-testimony", "official-document", "court-record"], options);
        Assert.Equal("news", form.Page.QuerySelector("select#ingest-kind option[selected]")!.GetAttribute("value"));

        async Task<HttpResponseMessage> PostAsync(string kind) => await editor.PostAsync("/ingestion?handler=Ingest", new MultipartFormDataContent
        {
            { new StringContent(form["__RequestVerificationToken"]!), "__RequestVerificationToken" },
            { new StringContent(SourceIngestionTests.Story), "Text" },
            { new StringContent("text"), "Format" },
            { new StringContent(kind), "Kind" },
            { new StringContent("ru"), "Language" },
        });

        var bad = await PostAsync("rumour");
        Assert.NotEqual(HttpStatusCode.Redirect, bad.StatusCode);
        Assert.Equal(0, await app.Db.RowsAsync("sources"));

        var ingested = await PostAsync("first-person-testimony");
        Assert.Equal(HttpStatusCode.Redirect, ingested.StatusCode);
        Assert.Equal(1, await app.Db.RowsAsync("sources"));
        var source = await app.Store.GetAsync<Source>(1, Viewer.Operator("test"));
        Assert.NotNull(source);
        Assert.Equal((SourceKind.Testimony, Confidentiality.Confidential, "ru"), (source!.Kind, source.Confidentiality, source.Language));
    }
}
