namespace Kuager.Core.Tests.Domain;

public class RelationshipTests
{
    [Theory]
    [InlineData(RelationshipType.Sibling)]
    [InlineData(RelationshipType.Spouse)]
    [InlineData(RelationshipType.OtherRelative)]
    [InlineData(RelationshipType.Acquaintance)]
    public void Symmetric_relationships_are_stored_with_the_lower_id_first(RelationshipType type)
    {
        var reversed = new Relationship { PersonAId = 9, PersonBId = 4, Type = type, Notes = "same family" };

        var normalized = reversed.Normalized();

        Assert.True(reversed.IsSymmetric);
        Assert.Equal((4L, 9L), (normalized.PersonAId, normalized.PersonBId));
        Assert.Equal(type, normalized.Type);
        Assert.Equal("same family", normalized.Notes);
        Assert.Equal(normalized, new Relationship { PersonAId = 4, PersonBId = 9, Type = type, Notes = "same family" }.Normalized());
    }

    [Fact]
    public void Parent_is_not_symmetric_and_keeps_its_direction()
    {
        var parent = new Relationship { PersonAId = 9, PersonBId = 4, Type = RelationshipType.Parent };

        Assert.False(parent.IsSymmetric);
        Assert.Same(parent, parent.Normalized());
    }

    [Fact]
    public void ChildOf_is_stored_as_the_parent_relationship()
    {
        var r = Relationship.ChildOf(child: 7, parent: 3);

        Assert.Equal(RelationshipType.Parent, r.Type);
        Assert.Equal(3, r.PersonAId);
        Assert.Equal(7, r.PersonBId);
        Assert.Equal("parent", r.RoleOf(3));
        Assert.Equal("child", r.RoleOf(7));
        Assert.Equal(r, r.Normalized());
    }

    [Theory]
    [InlineData(RelationshipType.Sibling, "sibling")]
    [InlineData(RelationshipType.Spouse, "spouse")]
    [InlineData(RelationshipType.OtherRelative, "other-relative")]
    [InlineData(RelationshipType.Acquaintance, "acquaintance")]
    public void A_symmetric_relationship_reads_the_same_from_both_sides(RelationshipType type, string role)
    {
        var r = new Relationship { PersonAId = 2, PersonBId = 5, Type = type };

        Assert.Equal(role, r.RoleOf(2));
        Assert.Equal(role, r.RoleOf(5));
    }

    [Fact]
    public void Other_gives_the_person_on_the_other_side()
    {
        var r = new Relationship { PersonAId = 2, PersonBId = 5, Type = RelationshipType.Spouse };

        Assert.Equal(5, r.Other(2));
        Assert.Equal(2, r.Other(5));
    }

    [Fact]
    public void A_person_cannot_be_related_to_themselves()
    {
        var errors = new Relationship { PersonAId = 4, PersonBId = 4, Type = RelationshipType.Sibling }.Validate();

        var error = Errors.On(errors, "personBId");
        Assert.Contains("themselves", error.Message);
        Errors.NotOn(errors, "personAId");
    }

    [Fact]
    public void Both_people_must_exist()
    {
        var errors = new Relationship { PersonAId = 0, PersonBId = -1, Type = RelationshipType.Parent }.Validate();

        Errors.On(errors, "personAId");
        Errors.On(errors, "personBId");
        Assert.Equal(2, errors.Count);
    }

    [Fact]
    public void A_valid_relationship_has_no_errors_and_notes_are_limited()
    {
        var r = Relationship.ChildOf(child: 7, parent: 3) with { Notes = new string('n', 5_000) };

        Errors.None(r.Validate());
        Errors.OnlyOn((r with { Notes = new string('n', 5_001) }).Validate(), "notes");
    }
}
