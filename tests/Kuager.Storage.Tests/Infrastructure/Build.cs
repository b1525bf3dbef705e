using Kuager.Core;
using Kuager.Names;

namespace Kuager.Storage.Tests;

/// <summary>Builders for test records: valid by default, changed with `with`.</summary>
public static class Build
{
    private static int _next;

    public static Person Person(string? name = null, string? externalId = null) => new()
    {
        ExternalId = externalId ?? $"T-{Interlocked.Increment(ref _next):D6}",
        Names = [new PersonName(name ?? "Aigerim Testova", Script.English, NameKind.Primary), new PersonName("Айгерім Тестова", Script.KazakhCyrillic, NameKind.Alias)],
        Gender = Gender.Female,
        BirthDate = FuzzyDate.InYear(1980),
        Ethnicity = "Kazakh",
        Citizenships = ["PRC"],
        Notes = "test person",
    };

    public static Place Place(string name, long? parent = null, PlaceKind kind = PlaceKind.Other) =>
        new() { Names = [new PlaceName(name, ScriptDetector.Detect(name))], ParentId = parent, Kind = kind };

    public static Event Event(string type, long subject, FuzzyDate? date = null) => new()
    {
        Type = type,
        Date = date,
        Participants = [new Participant(ParticipantRole.Subject, subject)],
    };

    public static Source Source(string title = "A report") => new() { Kind = SourceKind.News, Title = title, Text = "Text of " + title, Url = "https://example.org/report" };
}
