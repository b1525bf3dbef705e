namespace Kuager.Core;

public enum EventRegion
{
    Xinjiang,
    Crossing,
    Kazakhstan,
    Elsewhere,
}

/// <summary>
/// A kind of event in the group's vocabulary, and the status it puts its subject in (null: no change).
/// Users extend the vocabulary; these are the ones every instance starts with.
/// </summary>
public sealed record EventType(string Code, string Label, EventRegion Region, PersonStatus? Implies)
{
    public IReadOnlyList<ValidationError> Validate() => new Rules()
        .Required("code", Code)
        .When(!string.IsNullOrEmpty(Code) && !IsValidCode(Code), "code", "\"{0}\" must be lower-case letters, digits and hyphens", Code)
        .Required("label", Label)
        .MaxLength("label", Label, 200)
        .Errors;

    public static bool IsValidCode(string code) =>
        code.Length is > 0 and <= 60 && code.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}

public static class EventVocabulary
{
    public static IReadOnlyList<EventType> Defaults { get; } =
    [
        new("detained", "Detained", EventRegion.Xinjiang, PersonStatus.Detained),
        new("taken-to-camp", "Taken to a camp (\"vocational training centre\")", EventRegion.Xinjiang, PersonStatus.InCamp),
        new("interrogated", "Interrogated", EventRegion.Xinjiang, null),
        new("ill-treatment-reported", "Ill-treatment or torture reported", EventRegion.Xinjiang, null),
        new("sentenced", "Sentenced", EventRegion.Xinjiang, PersonStatus.Imprisoned),
        new("transferred", "Transferred", EventRegion.Xinjiang, null),
        new("released", "Released", EventRegion.Xinjiang, PersonStatus.Released),
        new("surveillance-after-release", "House arrest or surveillance after release", EventRegion.Xinjiang, PersonStatus.UnderSurveillance),
        new("passport-confiscated", "Passport confiscated", EventRegion.Xinjiang, null),
        new("barred-from-leaving", "Barred from leaving the region", EventRegion.Xinjiang, null),
        new("forced-labour", "Forced labour", EventRegion.Xinjiang, null),
        new("forced-marriage", "Forced marriage", EventRegion.Xinjiang, null),
        new("contact-lost", "Contact lost", EventRegion.Xinjiang, PersonStatus.Missing),
        new("died-in-custody", "Died in custody", EventRegion.Xinjiang, PersonStatus.Deceased),
        new("relative-held-as-guarantor", "Relative held as guarantor", EventRegion.Xinjiang, null),
        new("checkpoint-alarm", "Checkpoint alarm (blacklisted)", EventRegion.Xinjiang, null),
        new("biometrics-taken", "Biometrics taken", EventRegion.Xinjiang, null),
        new("crossed-border", "Crossed the border", EventRegion.Crossing, PersonStatus.Abroad),
        new("returned-to-china", "Returned or deported to China", EventRegion.Crossing, PersonStatus.Deported),
        new("asylum-applied", "Asylum applied", EventRegion.Kazakhstan, PersonStatus.AsylumSeeker),
        new("refugee-status-granted", "Refugee status granted", EventRegion.Kazakhstan, PersonStatus.Refugee),
        new("refugee-status-refused", "Refugee status refused", EventRegion.Kazakhstan, null),
        new("refugee-status-appealed", "Refugee status decision appealed", EventRegion.Kazakhstan, null),
        new("visa-refused", "Visa refused", EventRegion.Kazakhstan, null),
        new("deportation-ordered", "Deportation ordered", EventRegion.Kazakhstan, null),
        new("left-for-third-country", "Left for a third country", EventRegion.Kazakhstan, PersonStatus.Abroad),
        new("picket", "Picket or protest", EventRegion.Kazakhstan, null),
        new("administrative-arrest", "Administrative arrest", EventRegion.Kazakhstan, PersonStatus.Detained),
        new("fined", "Fined", EventRegion.Kazakhstan, null),
        new("criminally-charged", "Criminally charged", EventRegion.Kazakhstan, null),
        new("convicted", "Convicted", EventRegion.Kazakhstan, PersonStatus.Imprisoned),
        new("released-early", "Released early", EventRegion.Kazakhstan, PersonStatus.Released),
        new("early-release-refused", "Early release refused", EventRegion.Kazakhstan, null),
        new("attacked", "Attacked", EventRegion.Kazakhstan, null),
        new("threatened", "Threatened or followed", EventRegion.Kazakhstan, null),
        new("summoned-by-police", "Summoned by police", EventRegion.Kazakhstan, null),
        new("blacklisted", "Blacklisted, accounts frozen", EventRegion.Kazakhstan, null),
        new("organisation-suspended", "Organisation suspended or fined", EventRegion.Kazakhstan, null),
        new("election-day-detention", "Election-day detention", EventRegion.Kazakhstan, PersonStatus.Detained),
        new("observer-expelled", "Observer expelled", EventRegion.Kazakhstan, null),
    ];
}
