using System.Collections.Frozen;

namespace Kuager.Names.Chinese;

/// <summary>Toneless pinyin of a Chinese character (CJK Unified Ideographs U+4E00-U+9FFF), and the set of syllables.</summary>
internal static partial class HanziPinyin
{
    private const char First = '\u4E00';
    private const char Last = '\u9FFF';

    /// <summary>Syllables by id; id 0 is unused so that 0 in <see cref="ByChar"/> means "no reading".</summary>
    public static readonly string[] Syllables;

    private static readonly ushort[] ByChar = new ushort[Last - First + 1];

    /// <summary>Syllable id by spelling (ü written v), for reading pinyin typed in Latin letters.</summary>
    public static readonly FrozenDictionary<string, int> Ids;

    public static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> IdLookup;

    static HanziPinyin()
    {
        var syllables = new List<string> { string.Empty };
        var ids = new Dictionary<string, int>();
        var i = 0;
        while (i < Data.Length)
        {
            var start = i;
            while (i < Data.Length && Data[i] < 0x80)
                i++;
            var syllable = Data[start..i];
            var id = syllables.Count;
            syllables.Add(syllable);
            ids[syllable] = id;
            for (; i < Data.Length && Data[i] >= 0x80; i++)
                ByChar[Data[i] - First] = (ushort)id;
        }

        // Readings that Xinjiang name transcriptions use instead of the dictionary's first reading.
        foreach (var (c, reading) in NameReadings)
            ByChar[c - First] = (ushort)ids[reading];

        Syllables = [.. syllables];
        Ids = ids.ToFrozenDictionary(StringComparer.Ordinal);
        IdLookup = Ids.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private static readonly (char Char, string Reading)[] NameReadings =
    [
        ('都', "du"), ('卜', "bu"), ('吾', "wu"), ('若', "ruo"), ('提', "ti"), ('阿', "a"), ('合', "he"), ('丁', "ding"),
        ('扎', "zha"), ('约', "yue"), ('叶', "ye"), ('朱', "zhu"), ('乐', "le"), ('曾', "zeng"), ('单', "shan"), ('尉', "yu"),
    ];

    /// <summary>The syllable id of a character, 0 if it has none.</summary>
    public static int Of(char c) => c is >= First and <= Last ? ByChar[c - First] : 0;

    public static bool IsHan(char c) =>
        c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF');
}
