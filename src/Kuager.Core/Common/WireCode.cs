using System.Collections.Concurrent;
using System.Text;

namespace Kuager.Core;

/// <summary>
/// Enum values travel as lower-case kebab codes ("detention-centre", "official-chinese") in CSV, JSON, the API
/// and the database, so a renamed C# member never silently changes stored data.
/// </summary>
public static class WireCode
{
    private static readonly ConcurrentDictionary<Type, (Dictionary<string, object> ByCode, Dictionary<object, string> ByValue)> Maps = new();

    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        Map(typeof(TEnum)).ByValue.TryGetValue(value, out var code) ? code : throw new ArgumentOutOfRangeException(nameof(value), value, $"not a defined {typeof(TEnum).Name}");

    public static bool TryParse<TEnum>(string? code, out TEnum value) where TEnum : struct, Enum
    {
        if (code is not null && Map(typeof(TEnum)).ByCode.TryGetValue(code.Trim().ToLowerInvariant(), out var found))
        {
            value = (TEnum)found;
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>For stored data, where an unknown code means the data is damaged: fails loudly instead of defaulting.</summary>
    public static TEnum Parse<TEnum>(string code) where TEnum : struct, Enum =>
        TryParse<TEnum>(code, out var value) ? value : throw new FormatException($"\"{code}\" is not one of {Choices<TEnum>()}");

    public static IReadOnlyList<string> All<TEnum>() where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(Of).ToArray();

    /// <summary>"one | two | three", for error messages that say what is allowed.</summary>
    public static string Choices<TEnum>() where TEnum : struct, Enum => string.Join(" | ", All<TEnum>());

    public static string ToKebab(string pascal)
    {
        var sb = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c) && i > 0)
            {
                sb.Append('-');
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }

    private static (Dictionary<string, object> ByCode, Dictionary<object, string> ByValue) Map(Type type) =>
        Maps.GetOrAdd(type, t =>
        {
            var byCode = new Dictionary<string, object>(StringComparer.Ordinal);
            var byValue = new Dictionary<object, string>();
            foreach (var value in Enum.GetValues(t))
            {
                var code = ToKebab(Enum.GetName(t, value)!);
                byCode[code] = value;
                byValue[value] = code;
            }

            return (byCode, byValue);
        });
}
