using System.Globalization;
using Kuager.Core;
using Microsoft.Extensions.Localization;

namespace Kuager.Web.Features.Persons;

/// <summary>A fuzzy date in the reader's language, at the precision it is known: "12.03.2019", "June 2017", "spring 2017", "c. 2016".</summary>
public static class DateText
{
    public static string Describe(FuzzyDate date, IStringLocalizer t)
    {
        var culture = CultureInfo.CurrentCulture;
        var year = date.Start.Year.ToString(CultureInfo.InvariantCulture);
        return date.Precision switch
        {
            DatePrecision.Day => date.Start.ToString("d", culture),
            DatePrecision.Month => date.Start.ToString("Y", culture),
            DatePrecision.Season => t["persons.season." + WireCode.Of(date.Season ?? Season.Spring), year],
            DatePrecision.Year => year,
            DatePrecision.Circa => t["persons.Circa", (date.Start.Year + 1).ToString(CultureInfo.InvariantCulture)],
            _ => date.Start.ToString("d", culture) + " – " + date.End.ToString("d", culture),
        };
    }
}
