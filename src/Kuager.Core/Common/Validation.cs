namespace Kuager.Core;

/// <summary>
/// One thing wrong with a record, named by the field it concerns (as the form and the API call it). The message is
/// English; <see cref="Template"/> (the message with {0} placeholders for <see cref="Args"/>) is the key under which
/// the web finds its Russian and Kazakh translations, so forms and API errors speak the reader's language.
/// </summary>
public sealed record ValidationError(string Field, string Message)
{
    public string Template { get; init; } = Message;

    public IReadOnlyList<object?> Args { get; init; } = [];

    public static ValidationError Of(string field, string template, params object?[] args) =>
        new(field, string.Format(System.Globalization.CultureInfo.InvariantCulture, template, args)) { Template = template, Args = args };

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

    /// <summary>An error whose message has values in it: the template stays the translation key.</summary>
    public Rules Add(string field, string template, params object?[] args)
    {
        _errors.Add(ValidationError.Of(field, template, args));
        return this;
    }

    public Rules When(bool broken, string field, string template, params object?[] args)
    {
        if (broken)
        {
            Add(field, template, args);
        }

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
            Add(field, "is {0} characters long; the limit is {1}", value.Length, max);
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

    /// <summary>The record's confidential-field marks name fields that can be marked.</summary>
    public Rules Confidential(RecordKind kind, IReadOnlyList<string>? marked)
    {
        _errors.AddRange(ConfidentialFields.Check(kind, marked));
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
