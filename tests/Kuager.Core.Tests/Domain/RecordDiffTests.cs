using System.Text.Json;
using Kuager.Names;

namespace Kuager.Core.Tests.Domain;

public class RecordDiffTests
{
    private static readonly Person Before = new()
    {
        Id = 7,
        Version = 1,
        ExternalId = "AT-0007",
        Names = [new PersonName("Байболат Құнболатұлы", Script.KazakhCyrillic, NameKind.Primary)],
        Gender = Gender.Male,
        BirthDate = FuzzyDate.InYear(1980),
        Occupation = "driver",
        ReportedStatus = PersonStatus.Detained,
    };

    private static Revision RevisionOf(long id, FieldChange[] changes) =>
        new(id, RecordKind.Person, 7, 2, RevisionAction.Update, "volunteer", DateTimeOffset.UnixEpoch, changes, null);

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, KuagerJson.Options);

    [Fact]
    public void Creation_lists_every_non_null_field_with_no_old_value()
    {
        var changes = RecordDiff.Changes<Person>(null, Before);

        Assert.Equal(RecordDiff.Fields(Before).Where(p => p.Value is not null).Select(p => p.Key), changes.Select(c => c.Field));
        Assert.Subset(
            changes.Select(c => c.Field).ToHashSet(),
            new HashSet<string> { "externalId", "names", "gender", "birthDate", "citizenships", "occupation", "otherIds", "reportedStatus", "confidentiality" });
        Assert.DoesNotContain(changes, c => c.Field is "ethnicity" or "notes" or "hometownId");
        Assert.All(changes, c => Assert.Null(c.Old));
        Assert.Contains(new FieldChange("gender", null, "\"male\""), changes);
        Assert.Contains(new FieldChange("birthDate", null, "{\"value\":\"1980\"}"), changes);
        Assert.Contains(new FieldChange("citizenships", null, "[]"), changes);
    }

    [Fact]
    public void Creation_changes_from_stored_data_are_the_same_as_a_diff_from_nothing()
    {
        var fromData = RecordDiff.CreationChanges(RecordDiff.Data(KuagerJsonTests.Qaisha));

        Assert.Equal(RecordDiff.Changes<Person>(null, KuagerJsonTests.Qaisha), fromData);
    }

    [Fact]
    public void Stored_data_has_no_id_or_version()
    {
        using var doc = JsonDocument.Parse(RecordDiff.Data(Before));

        Assert.False(doc.RootElement.TryGetProperty("id", out _));
        Assert.False(doc.RootElement.TryGetProperty("version", out _));
        Assert.Equal("AT-0007", doc.RootElement.GetProperty("externalId").GetString());
    }

    [Fact]
    public void Id_and_version_are_never_fields()
    {
        var fields = RecordDiff.Fields(Before);

        Assert.False(fields.ContainsKey("id"));
        Assert.False(fields.ContainsKey("version"));
        Assert.Empty(RecordDiff.Changes(Before, Before with { Id = 8, Version = 9 }));
        Assert.DoesNotContain(RecordDiff.Changes<Person>(null, Before), c => c.Field is "id" or "version");
    }

    [Fact]
    public void An_update_lists_exactly_the_changed_fields_with_old_and_new_json()
    {
        var after = Before with
        {
            Version = 2,
            Occupation = "farmer",
            Notes = "seen in Emin in 2018",
            BirthDate = FuzzyDate.InSeason(1980, Season.Spring, "spring 1980"),
        };

        var changes = RecordDiff.Changes(Before, after);

        Assert.Equal(
            [
                new FieldChange("birthDate", "{\"value\":\"1980\"}", "{\"value\":\"1980-spring\",\"text\":\"spring 1980\"}"),
                new FieldChange("occupation", "\"driver\"", "\"farmer\""),
                new FieldChange("notes", null, "\"seen in Emin in 2018\""),
            ],
            changes);
    }

    [Fact]
    public void A_change_inside_a_list_shows_the_whole_list()
    {
        var after = Before with { Names = [.. Before.Names, new PersonName("Baibolat", Script.English, NameKind.Alias)] };

        var change = Assert.Single(RecordDiff.Changes(Before, after));

        Assert.Equal("names", change.Field);
        Assert.Equal(Json(Before.Names), change.Old);
        Assert.Equal(Json(after.Names), change.New);
    }

    [Fact]
    public void Equal_records_have_no_changes()
    {
        // A copy with new list instances: compared by value, not by reference.
        var copy = Before with { Names = Before.Names.ToArray(), Citizenships = [] };

        Assert.Empty(RecordDiff.Changes(Before, copy));
    }

    [Fact]
    public void Deletion_lists_every_non_null_field_with_no_new_value()
    {
        var changes = RecordDiff.Changes<Person>(Before, null);

        Assert.Equal(RecordDiff.Changes<Person>(null, Before).Select(c => (c.Field, c.New)), changes.Select(c => (c.Field, c.Old)));
        Assert.All(changes, c => Assert.Null(c.New));
    }

    [Fact]
    public void Revert_restores_the_old_values_of_the_revision_fields_only()
    {
        var edited = Before with { Version = 2, Occupation = "farmer", Notes = "seen in 2018", Gender = Gender.Female };
        var revision = RevisionOf(100, [.. RecordDiff.Changes(Before, edited)]);
        // A later, unrelated edit that the undo must keep.
        var current = edited with { Version = 3, Ethnicity = "Kazakh" };

        var reverted = RecordDiff.Revert(current, revision);

        Assert.Equal("driver", reverted.Occupation);
        Assert.Null(reverted.Notes);
        Assert.Equal(Gender.Male, reverted.Gender);
        Assert.Equal("Kazakh", reverted.Ethnicity);
        Assert.Equal(7, reverted.Id);
        Assert.Equal(3, reverted.Version);
        Assert.Equal(Json(Before with { Version = 3, Ethnicity = "Kazakh" }), Json(reverted));
    }

    [Fact]
    public void Revert_restores_dates_and_lists()
    {
        var edited = Before with
        {
            BirthDate = FuzzyDate.OnDay(1980, 4, 2, "2 April 1980"),
            Citizenships = ["KZ"],
            Names = [Before.Names[0], new PersonName("Baibolat", Script.English, NameKind.Alias)],
        };
        var revision = RevisionOf(101, [.. RecordDiff.Changes(Before, edited)]);

        var reverted = RecordDiff.Revert(edited, revision);

        Assert.Equal(FuzzyDate.InYear(1980), reverted.BirthDate);
        Assert.Empty(reverted.Citizenships);
        Assert.Equal(Before.Names, reverted.Names);
    }

    [Fact]
    public void Revert_refuses_when_a_field_of_the_revision_changed_again()
    {
        var edited = Before with { Occupation = "farmer", Notes = "first note" };
        var revision = RevisionOf(102, [.. RecordDiff.Changes(Before, edited)]);
        var current = edited with { Notes = "a later editor rewrote this" };

        var ex = Assert.Throws<RevisionConflictException>(() => RecordDiff.Revert(current, revision));

        Assert.Contains("revision 102", ex.Message);
        Assert.Contains("notes", ex.Message);
        Assert.DoesNotContain("occupation", ex.Message);
    }

    [Fact]
    public void Revert_refuses_when_a_field_the_revision_set_was_cleared_since()
    {
        var edited = Before with { Notes = "first note" };
        var revision = RevisionOf(103, [.. RecordDiff.Changes(Before, edited)]);

        var ex = Assert.Throws<RevisionConflictException>(() => RecordDiff.Revert(edited with { Notes = null }, revision));

        Assert.Contains("notes", ex.Message);
    }

    [Fact]
    public void Reverting_twice_is_refused_because_the_fields_no_longer_hold_the_revision_values()
    {
        var edited = Before with { Occupation = "farmer" };
        var revision = RevisionOf(104, [.. RecordDiff.Changes(Before, edited)]);
        var reverted = RecordDiff.Revert(edited, revision);

        Assert.Throws<RevisionConflictException>(() => RecordDiff.Revert(reverted, revision));
    }

    [Fact]
    public void Revert_works_for_other_kinds_of_record()
    {
        var open = new Case { Id = 3, Title = "Deportation of S. B.", Kind = CaseKind.Deportation };
        var closed = open with { Status = CaseStatus.Closed, Outcome = "deportation cancelled" };
        var revision = new Revision(1, RecordKind.Case, 3, 2, RevisionAction.Update, "lawyer", DateTimeOffset.UnixEpoch,
            RecordDiff.Changes(open, closed), null);

        Assert.Equal(["status", "outcome"], revision.Changes.Select(c => c.Field));
        Assert.Equal(open, RecordDiff.Revert(closed, revision) with
        {
            Parties = open.Parties, Hearings = open.Hearings, Deadlines = open.Deadlines, ConfidentialFields = open.ConfidentialFields,
        });
        Assert.Equal(CaseStatus.Open, RecordDiff.Revert(closed, revision).Status);
    }
}
