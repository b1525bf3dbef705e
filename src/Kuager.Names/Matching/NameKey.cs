namespace Kuager.Names;

/// <summary>One word of a name, prepared for matching.</summary>
/// <param name="Text">The word as written, normalised (<see cref="NameText.Normalize"/>) and lower-cased.</param>
/// <param name="Latin">
/// The word romanised into one comparable Latin spelling: lower-case ASCII letters a-z only, with the digraphs
/// sh ch zh gh kh ng for the sounds that have them ("Тоқаев" and "Toqaev" give "toqaev"; "Tokayev" gives "tokayev").
/// Used for edit-distance scoring and character n-grams. Never empty for a part that has letters.
/// </param>
/// <param name="Key">
/// The phonetic key: <see cref="Latin"/> with every confusable pair merged (q/k, gh/g, kh/h/x, zh/j, sh/x, ü/u,
/// ö/o, ä/a/e, i/ı/y, w/v, ng/n, doubled letters, ...). Two spellings of one name in any system should share it.
/// </param>
/// <param name="Root">
/// For a patronymic or a Russian-style surname (Kunbolatuly, Kunbolatqyzy, Kunbolatov, Kunbolatova, Kunbolatovich),
/// the <see cref="Key"/> of the father's name it is made from ("kunbolat"'s key); null for other words.
/// </param>
/// <param name="IsInitial">A single letter, with or without a full stop ("A." in "A. Tursun").</param>
public sealed record NamePart(string Text, string Latin, string Key, string? Root, bool IsInitial)
{
    /// <summary>
    /// A second Latin reading of the same word, or null: for a word in Chinese characters its plain pinyin
    /// ("伊力哈木" reads "ilham", Alt "yilihamu"); for a Latin word that is pinyin its Turkic reading ("Yilamujiang",
    /// Alt "ilamjan"); for a Latin word with x, the reading of x as sh (older Uyghur script and pinyin: Karakax).
    /// Same alphabet as <see cref="Latin"/>. The index and <see cref="NameSimilarity"/> use both readings.
    /// </summary>
    public string? Alt { get; init; }
}

/// <summary>A whole name prepared for matching: its words in the order written.</summary>
public sealed record NameKey(string Text, Script Script, IReadOnlyList<NamePart> Parts)
{
    public static NameKey Empty { get; } = new(string.Empty, Script.English, []);
}
