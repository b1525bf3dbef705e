namespace Kuager.Core.Tests.Domain;

/// <summary>Assertions on validation errors by the field they name.</summary>
internal static class Errors
{
    public static void None(IReadOnlyList<ValidationError> errors) => Assert.Empty(errors);

    /// <summary>Asserts that at least one error names <paramref name="field"/> and returns the first such error.</summary>
    public static ValidationError On(IReadOnlyList<ValidationError> errors, string field)
    {
        var found = errors.FirstOrDefault(e => e.Field == field);
        Assert.True(found is not null, $"expected an error on \"{field}\", got: [{string.Join("; ", errors)}]");
        return found;
    }

    /// <summary>Asserts that every error names <paramref name="field"/> (and that there is at least one).</summary>
    public static void OnlyOn(IReadOnlyList<ValidationError> errors, string field)
    {
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Equal(field, e.Field));
    }

    public static void NotOn(IReadOnlyList<ValidationError> errors, string field) =>
        Assert.DoesNotContain(errors, e => e.Field == field);
}
