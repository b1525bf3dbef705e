using System.Xml.Linq;
using Dapper;
using Kuager.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace Kuager.Web;

/// <summary>
/// The keys that protect sign-in cookies and antiforgery tokens, kept in the database's settings and sealed with the
/// instance key: they survive restarts, go into backups encrypted, follow a key rotation, and are never left as
/// plain XML in a home directory.
/// </summary>
public sealed class DatabaseXmlRepository(Database database) : IXmlRepository
{
    private const string Prefix = "dataprotection:";

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = database.OpenAsync().GetAwaiter().GetResult();
        var rows = connection.Query<(string Name, string Value)>(
            "SELECT name, value FROM settings WHERE name LIKE 'dataprotection:%' ORDER BY name");
        return rows.Select(r => XElement.Parse(database.Keys.Unseal(r.Value, r.Name))).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        var name = Prefix + (string.IsNullOrWhiteSpace(friendlyName) ? Guid.NewGuid().ToString("N") : friendlyName);
        using var connection = database.OpenAsync().GetAwaiter().GetResult();
        using var tx = connection.BeginTransaction();
        connection.Execute("DELETE FROM settings WHERE name = @name", new { name }, tx);
        connection.Execute("INSERT INTO settings (name, value) VALUES (@name, @value)",
            new { name, value = database.Keys.Seal(element.ToString(SaveOptions.DisableFormatting), name) }, tx);
        tx.Commit();
    }

    public static void AddTo(IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("Kuager");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DatabaseXmlRepository(sp.GetRequiredService<Database>())));
    }
}
