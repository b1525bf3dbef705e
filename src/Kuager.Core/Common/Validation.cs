namespace Kuager.Core;

/// <summary>One thing wrong with a record, named by the field it concerns (as the form and the API call it).</summary>
public sealed record ValidationError(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}

/// <summary>Thrown when a record breaks a domain rule; nothing has been written.</summary>
public sealed class ValidationException(IReadOnlyList<ValidationError> errors)
    : Exception(string.Join("; ", errors.Select(e => e.ToString())))
{
    public IReadOnlyList<ValidationError> Errors { get; } = errors;
}

/// <summary>Collects validation errors with small helpers, so each record's rules read as a list.</summary>
public sealed class Rules
{
    private readonly List<ValidationError> _errors = [];

    public IReadOnlyList<ValidationError> Errors => _errors;

    public Rules Add(string field, string message)
    {
        _errors.Add(new ValidationError(field, message));
        return this;
    }

    public Rules Required(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "is required");
        }

        return this;
    }

    public Rules MaxLength(string field, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            Add(field, $"is {value.Length} characters long; the limit is {max}");
        }

        return this;
    }

    public Rules When(bool broken, string field, string message)
    {
        if (broken)
        {
            Add(field, message);
        }

        return this;
    }

    public Rules Positive(string field, long? id)
    {
        if (id is <= 0)
        {
            Add(field, "must refer to an existing record");
        }

        return this;
    }

    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw new ValidationException(_errors);
        }
    }
}
