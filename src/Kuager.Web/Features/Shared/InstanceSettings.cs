using Kuager.Core;

namespace Kuager.Web;

/// <summary>
/// Settings of this Kuager instance that pages need, read once from configuration at start.
/// <c>Kuager:DefaultConfidentiality</c> (public | restricted | confidential, default restricted) is the level new
/// records start with in the forms.
/// </summary>
public sealed class InstanceSettings
{
    public const string DefaultConfidentialityKey = "Kuager:DefaultConfidentiality";

    public InstanceSettings(Confidentiality defaultConfidentiality)
    {
        DefaultConfidentiality = defaultConfidentiality;
    }

    /// <summary>The level a new record starts with unless the person entering it chooses another.</summary>
    public Confidentiality DefaultConfidentiality { get; }

    /// <summary>The settings from configuration; an unknown level is refused at start with the key and the choices.</summary>
    public static InstanceSettings From(IConfiguration configuration)
    {
        var value = configuration[DefaultConfidentialityKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            return new InstanceSettings(Confidentiality.Restricted);
        }

        return WireCode.TryParse<Confidentiality>(value.Trim(), out var level)
            ? new InstanceSettings(level)
            : throw new InvalidOperationException(
                $"{DefaultConfidentialityKey} is \"{value}\", which is not a confidentiality level; use {WireCode.Choices<Confidentiality>()}");
    }
}
