using System.Globalization;
using Kuager.Core;
using Kuager.Storage;
using Kuager.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Kuager.Web.Features.Events;

/// <summary>
/// Reading what people type into the event, case and testimony forms. Every value arrives as text and is parsed
/// here, so a bad value gets a message in the reader's language beside its field (model binding would answer in English).
/// </summary>
public static class FormValues
{
    public static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>A date as a form shows it: the source's words when there are some, else the canonical value.</summary>
    public static string? Show(FuzzyDate? date) => date?.Text ?? date?.ToCanonical();

    /// <summary>
    /// A date in a canonical form ("2017-spring", "2018-06/2018-07") or in words ("in spring 2017", "22 февраля 2018"),
    /// which are kept as the date's text. Words that repeat <paramref name="existing"/>'s keep its value: "on February 22"
    /// read again next year must not move the event a year.
    /// </summary>
    public static bool TryReadDate(string? text, FuzzyDate? existing, out FuzzyDate? date)
    {
        date = null;
        var value = Trimmed(text);
        if (value is null)
        {
            return true;
        }

        if (existing is not null && value == Show(existing))
        {
            date = existing;
            return true;
        }

        if (FuzzyDate.TryParseCanonical(value, out var canonical, out _))
        {
            date = canonical;
            return true;
        }

        if (FuzzyDate.TryParseText(value, DateOnly.FromDateTime(DateTime.UtcNow), out var words))
        {
            date = words;
            return true;
        }

        return false;
    }

    public static bool TryReadInt(string? text, out int? value)
    {
        value = null;
        var s = Trimmed(text);
        if (s is null)
        {
            return true;
        }

        if (int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || int.TryParse(s, NumberStyles.Integer | NumberStyles.AllowThousands, CultureInfo.CurrentCulture, out n))
        {
            value = n;
            return true;
        }

        return false;
    }

    /// <summary>An amount as a number field sends it ("1500.50"), or as the reader writes it ("1 500,50").</summary>
    public static bool TryReadDecimal(string? text, out decimal? value)
    {
        value = null;
        var s = Trimmed(text);
        if (s is null)
        {
            return true;
        }

        if (decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) || decimal.TryParse(s, NumberStyles.Number, CultureInfo.CurrentCulture, out n))
        {
            value = n;
            return true;
        }

        return false;
    }

    /// <summary>A day as a date field sends it (yyyy-MM-dd), or in the reader's short date format.</summary>
    public static bool TryReadDay(string? text, out DateOnly? value)
    {
        value = null;
        var s = Trimmed(text);
        if (s is null)
        {
            return true;
        }

        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) || DateOnly.TryParse(s, CultureInfo.CurrentCulture, DateTimeStyles.None, out day))
        {
            value = day;
            return true;
        }

        return false;
    }

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    public static bool TryReadCode<TEnum>(string? code, TEnum fallback, out TEnum value) where TEnum : struct, Enum
    {
        if (Trimmed(code) is null)
        {
            value = fallback;
            return true;
        }

        return WireCode.TryParse(code, out value);
    }
}

/// <summary>The history section of a record's page, with its undo buttons.</summary>
public sealed record HistoryView(IReadOnlyList<Revision> Revisions, string? Error);

public static class RecordHistory
{
    /// <summary>Undoes one revision of this record; returns what to tell the reader when that is refused, or null.</summary>
    public static async Task<string?> UndoAsync(RecordStore store, RecordKind kind, long id, long revisionId, string actor, IStringLocalizer<TextLocalizer> t, CancellationToken ct)
    {
        if (!await store.IsRevisionOfAsync(revisionId, kind, id, ct))
        {
            return t["events.UndoNotHere"];
        }

        try
        {
            await store.UndoAsync(revisionId, actor, ct);
            return null;
        }
        catch (RevisionConflictException e)
        {
            return t["events.UndoRefused", e.Message];
        }
        catch (ValidationException e)
        {
            return t["events.UndoRefused", e.Message];
        }
        catch (NotFoundException e)
        {
            return t["events.UndoRefused", e.Message];
        }
    }
}

/// <summary>Links to the other pages of a filtered list, keeping the filters.</summary>
public static class Paging
{
    public const int PageSize = 50;

    public static string Url(string path, IEnumerable<KeyValuePair<string, string?>> filters, int page) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(
            path,
            filters.Where(f => !string.IsNullOrEmpty(f.Value)).Append(new("page", page.ToString(CultureInfo.InvariantCulture))));
}
