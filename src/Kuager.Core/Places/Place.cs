using Kuager.Names;

namespace Kuager.Core;

public enum PlaceKind
{
    Country,
    Region,
    Prefecture,
    County,
    City,
    Township,
    Village,
    Camp,
    DetentionCentre,
    Prison,
    Consulate,
    Court,
    OtherFacility,
    Other,
}

public sealed record PlaceName(string Text, Script Script);

/// <summary>A place in a hierarchy of any depth: China > Xinjiang > Ili > Gulja; facilities are places too.</summary>
public sealed record Place : IRecord
{
    public const string PathSeparator = " > ";

    public long Id { get; init; }

    public int Version { get; init; }

    public long? ParentId { get; init; }

    public PlaceKind Kind { get; init; } = PlaceKind.Other;

    /// <summary>The first name is the one shown; the others are the same place in other scripts.</summary>
    public required IReadOnlyList<PlaceName> Names { get; init; }

    public double? Latitude { get; init; }

    public double? Longitude { get; init; }

    public Confidentiality Confidentiality { get; init; } = Confidentiality.Public;

    /// <summary>Fields of this record marked confidential (JSON names): encrypted at rest and shown only to editors.</summary>
    public IReadOnlyList<string> ConfidentialFields { get; init; } = [];

    [System.Text.Json.Serialization.JsonIgnore]
    public string Name => Names[0].Text;

    public IReadOnlyList<ValidationError> Validate()
    {
        var rules = new Rules()
            .When(Names.Count == 0 || Names.Any(n => string.IsNullOrWhiteSpace(n.Text)), "names", "a place needs a name")
            .When(Names.Any(n => n.Text.Contains('>')), "names", "a place name cannot contain '>' (it separates the levels of a path)")
            .When(Latitude is < -90 or > 90, "latitude", "must be between -90 and 90")
            .When(Longitude is < -180 or > 180, "longitude", "must be between -180 and 180")
            .When((Latitude is null) != (Longitude is null), "latitude", "give both latitude and longitude, or neither")
            .Positive("parentId", ParentId)
            .When(ParentId is not null && ParentId == Id && Id != 0, "parentId", "a place cannot be its own parent");
        foreach (var n in Names)
        {
            rules.MaxLength("names", n.Text, 200);
        }

        return rules.Confidential(RecordKind.Place, ConfidentialFields).Errors;
    }

    /// <summary>Splits "China > Xinjiang > Ili" into its levels, trimmed; empty levels are an error.</summary>
    public static bool TryParsePath(string path, out IReadOnlyList<string> levels, out string? error)
    {
        var parts = path.Split('>', StringSplitOptions.TrimEntries);
        if (parts.Any(p => p.Length == 0))
        {
            levels = [];
            error = $"\"{path}\" has an empty level; write places as \"Country > Region > Town\"";
            return false;
        }

        levels = parts;
        error = null;
        return true;
    }
}
