namespace Kuager.Core;

/// <summary>Where a person stands now, as far as the record knows. Computed from events; never typed twice.</summary>
public enum PersonStatus
{
    Unknown,
    Detained,
    InCamp,
    Imprisoned,
    Released,
    UnderSurveillance,
    Missing,
    Deceased,
    Deported,
    AsylumSeeker,
    Refugee,
    Abroad,
}
