using Kuager.Core;

namespace Kuager.Ingestion;

/// <summary>A person named in an article: the full name, every way the article wrote them, and the sentences.</summary>
/// <param name="Name">The full name as the article most often writes it, titles stripped.</param>
/// <param name="Mentions">Each distinct form used, in order of first use: the full name, surname-only or given-name-only mentions.</param>
/// <param name="Sentences">The exact sentences that mention the person, in order.</param>
public sealed record PersonFound(string Name, IReadOnlyList<string> Mentions, IReadOnlyList<string> Sentences)
{
    /// <summary>Named as the speaker of a quotation ("…," Zharykbasova told RFE/RL).</summary>
    public bool Quoted { get; init; }

    /// <summary>
    /// The full names as written that are spellings of the name: not a surname alone, nor a form a Russian or Kazakh
    /// sentence declined ("Айгуль Сапарову", "Ерлан Сапаровты"), which would be wrong as a name of the person.
    /// </summary>
    public IReadOnlyList<string> Spellings { get; init; } = [];
}

/// <summary>A place or organisation named in an article, with its canonical name and the first sentence naming it.</summary>
/// <param name="Kind">For places the gazetteer's kind (country, city, county, ...); "organization" for organisations.</param>
/// <param name="Path">For a place from the gazetteer, its path ("China > Xinjiang > Ili"); else null.</param>
public sealed record NameFound(string Name, string Kind, string? Path, IReadOnlyList<string> Mentions, string Sentence);

/// <summary>A date or duration in an article: the words, their reading against the article's date, and the sentence.</summary>
/// <param name="Date">The date read (precision kept); null for a duration.</param>
/// <param name="Days">For a duration ("a year and four months", "15 days"), its length in days (months of 30, years of 365).</param>
public sealed record DateFound(string Text, FuzzyDate? Date, int? Days, string Sentence);

/// <summary>An event of the domain's vocabulary proposed from one sentence.</summary>
/// <param name="Type">An event type code of Kuager's vocabulary (detained, administrative-arrest, fined, ...).</param>
/// <param name="Date">The first date the sentence gives, read against the article's date; null when it gives none.</param>
/// <param name="Persons">The full names of the people the sentence speaks of (resolved from surnames and pronouns).</param>
/// <param name="Place">The first known place the sentence names, canonical; null when none.</param>
/// <param name="Particulars">What the type has: "days" of an arrest, "amount" and "currency" of a fine, "years"/"months" of a sentence, "status" of asylum.</param>
public sealed record EventFound(string Type, FuzzyDate? Date, IReadOnlyList<string> Persons, string? Place, string Sentence, IReadOnlyDictionary<string, string> Particulars)
{
    /// <summary>The gazetteer path of <see cref="Place"/> ("China > Xinjiang > Ili > Ghulja"); null when no place.</summary>
    public string? PlacePath { get; init; }
}

/// <summary>Everything proposed from one article.</summary>
public sealed record Extraction(
    IReadOnlyList<PersonFound> Persons,
    IReadOnlyList<NameFound> Places,
    IReadOnlyList<NameFound> Organizations,
    IReadOnlyList<DateFound> Dates,
    IReadOnlyList<EventFound> Events);
