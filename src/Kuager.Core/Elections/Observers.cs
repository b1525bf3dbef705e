namespace Kuager.Core;

/// <summary>
/// Limits on observers at one polling station, per election. E.g. Kazakhstan's "one observer per candidate (or party)
/// per station": <see cref="PerRepresentedPerStation"/> = 1. Null: no limit.
/// </summary>
public sealed record ObserverLimits(int? PerRepresentedPerStation = 1, int? PerOrganisationPerStation = null);

/// <summary>An observer accredited at a station by an organisation, on behalf of a candidate or party when they represent one.</summary>
public sealed record Accreditation(string Observer, string Organisation, string Station, string? Represents = null);

/// <summary>Checks a new accreditation against those already at the station.</summary>
public static class ObserverRules
{
    public static IReadOnlyList<ValidationError> Check(Accreditation wanted, IEnumerable<Accreditation> existing, ObserverLimits limits)
    {
        var atStation = existing.Where(a => a.Station == wanted.Station).ToList();
        var rules = new Rules()
            .Required("observer", wanted.Observer)
            .Required("organisation", wanted.Organisation)
            .Required("station", wanted.Station)
            .When(atStation.Any(a => a.Observer == wanted.Observer), "observer", "{0} is already accredited at station {1}", wanted.Observer, wanted.Station);
        if (limits.PerRepresentedPerStation is { } perRepresented && wanted.Represents is { Length: > 0 } represents)
        {
            var count = atStation.Count(a => a.Represents == represents);
            rules.When(count >= perRepresented, "represents",
                "station {0} already has {1} observer(s) for {2}; the limit is {3}", wanted.Station, count, represents, perRepresented);
        }

        if (limits.PerOrganisationPerStation is { } perOrganisation)
        {
            var count = atStation.Count(a => a.Organisation == wanted.Organisation);
            rules.When(count >= perOrganisation, "organisation",
                "station {0} already has {1} observer(s) from {2}; the limit is {3}", wanted.Station, count, wanted.Organisation, perOrganisation);
        }

        return rules.Errors;
    }
}
