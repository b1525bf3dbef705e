using Kuager.Storage;

namespace Kuager.Web;

/// <summary>Sign-ins, failures, lockouts, second factors and sign-outs in the audit log. Never a password or a code.</summary>
public static class SignInAudit
{
    public static Task RecordAsync(Database database, string actor, string action, string? userName, string? detail, CancellationToken ct = default) =>
        AuditLog.AppendAsync(database, actor, action, userName is null ? null : $"user {userName}", detail, ct);
}
