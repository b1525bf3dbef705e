using System.Net;
using Kuager.Core;
using Kuager.Storage;
using Kuager.Storage.Tests;

namespace Kuager.Web.Tests.Security;

/// <summary>A testimony's files open only for readers who may see the testimony and, when its files are marked confidential, only for editors.</summary>
public sealed class TestimonyFileAccessTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Files_open_only_for_readers_cleared_for_the_testimony_and_its_files(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var files = FileStore.For(app.Store.Database);
        StoredFile file;
        long confidential, publicWithMarkedFiles, publicOpen;
        await using (var s = await app.Store.BeginAsync("test"))
        {
            var person = await s.CreateAsync(Build.Person() with { Confidentiality = Confidentiality.Public });
            file = await files.StoreAsync(s, new MemoryStream("a recorded account"u8.ToArray()), "account.mp3", "audio/mpeg");
            var testimony = new Testimony { SubjectPersonId = person.Id, Files = [file], Consent = Consent.PublishAnonymously };
            confidential = (await s.CreateAsync(testimony with { Confidentiality = Confidentiality.Confidential })).Id;
            publicWithMarkedFiles = (await s.CreateAsync(testimony with { Confidentiality = Confidentiality.Public, ConfidentialFields = ["files"] })).Id;
            publicOpen = (await s.CreateAsync(testimony with { Confidentiality = Confidentiality.Public })).Id;
            await s.CommitAsync();
        }

        var expected = new Dictionary<Role, (HttpStatusCode Confidential, HttpStatusCode Marked, HttpStatusCode Open)>
        {
            [Role.Visitor] = (HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.OK),
            [Role.Researcher] = (HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.OK),
            [Role.Editor] = (HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK),
        };
        foreach (var (role, want) in expected)
        {
            using var client = await app.ClientAsync(role);
            Assert.Equal(want.Confidential, (await client.GetAsync($"/testimonies/{confidential}/files/{file.Sha256}")).StatusCode);
            Assert.Equal(want.Marked, (await client.GetAsync($"/testimonies/{publicWithMarkedFiles}/files/{file.Sha256}")).StatusCode);
            Assert.Equal(want.Open, (await client.GetAsync($"/testimonies/{publicOpen}/files/{file.Sha256}")).StatusCode);
        }
    }
}
