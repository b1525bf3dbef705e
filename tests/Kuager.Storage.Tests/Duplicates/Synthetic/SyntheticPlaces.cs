namespace Kuager.Storage.Tests.Duplicates.Synthetic;

/// <summary>One place of the synthetic hierarchy; depth 0 is a country.</summary>
public sealed record SyntheticPlace(int Index, int? Parent, string Name, int Depth, string Path, bool Village);

/// <summary>
/// The place hierarchy people come from: China > Xinjiang > prefecture > county > township > village, and
/// Kazakhstan > region > district > village. Prefectures and counties are real names; townships and villages are
/// composed. Each people lives mostly in its own prefectures.
/// </summary>
public sealed class SyntheticPlaces
{
    private static readonly (string Prefecture, string[] Counties)[] Xinjiang =
    [
        ("Ili", ["Ghulja County", "Qorghas", "Chapchal", "Nilqa", "Tekes", "Künes", "Mongghulküre", "Toqquztara"]),
        ("Tacheng", ["Dörbiljin", "Toli", "Shiho", "Chöchek", "Yumin"]),
        ("Altay", ["Burjin", "Kaba", "Köktogay", "Chinggil", "Jeminay", "Altay City"]),
        ("Bortala", ["Bole", "Jing", "Alashankou"]),
        ("Changji", ["Sanji", "Manas", "Qutubi", "Mori", "Jimsar", "Fukang"]),
        ("Urumqi", ["Tianshan District", "Saybagh", "Midong", "Dabancheng"]),
        ("Kashgar", ["Yengisar", "Peyzawat", "Yarkand", "Kargilik", "Maralbeshi", "Konasheher", "Opal"]),
        ("Hotan", ["Qaraqash", "Keriya", "Lop", "Guma", "Chira", "Niya"]),
        ("Aksu", ["Kuqa", "Awat", "Onsu", "Shayar", "Toksu", "Uchturpan"]),
        ("Turpan", ["Toksun", "Pichan", "Turpan City"]),
        ("Kumul", ["Barkol", "Aratürük", "Kumul City"]),
        ("Kizilsu", ["Artux", "Akto", "Ulugqat", "Akqi"]),
    ];

    private static readonly (string Region, string[] Districts)[] Kazakhstan =
    [
        ("Almaty Region", ["Enbekshikazakh", "Uighur District", "Talgar", "Raiymbek"]),
        ("Abai Region", ["Urzhar", "Ayagoz", "Makanchi"]),
        ("East Kazakhstan Region", ["Zaisan", "Katon-Karagai", "Kurchum"]),
        ("Zhetysu Region", ["Sarkand", "Alakol", "Kerbulak", "Panfilov"]),
        ("Turkistan Region", ["Saryagash", "Sairam", "Maktaaral"]),
    ];

    private static readonly string[] Stems =
    [
        "Aqsu", "Qaratal", "Bayandai", "Sarybulaq", "Tasbulaq", "Janaturmys", "Qarabura", "Aral", "Toghraq", "Yengi Östeng", "Bostan",
        "Qumbel", "Bashbulaq", "Samal", "Shankou", "Ayköl", "Kökterek", "Tamchi", "Bayköl", "Köktal", "Qizilbash", "Arasan",
        "Aqtoghay", "Qoshtal", "Yarbash", "Beshterek", "Tolqun", "Jarbulaq", "Saryqobda", "Tögiz", "Böribay", "Qaynar", "Shonji",
        "Ulastay", "Yantaq", "Toqsun Bagh", "Charbagh", "Yaqa", "Ördeklik", "Sugetbulaq",
    ];

    // Where each people lives: prefecture (or "KZ" for Kazakhstan) and weight.
    private static readonly Dictionary<Ethnic, (string Where, int Weight)[]> Affinity = new()
    {
        [Ethnic.Kazakh] = [("Ili", 30), ("Tacheng", 20), ("Altay", 20), ("Changji", 8), ("Urumqi", 5), ("Bortala", 7), ("KZ", 10)],
        [Ethnic.Uyghur] = [("Kashgar", 22), ("Hotan", 18), ("Aksu", 14), ("Turpan", 8), ("Ili", 12), ("Urumqi", 12), ("Kumul", 6), ("KZ", 8)],
        [Ethnic.Kyrgyz] = [("Kizilsu", 75), ("Ili", 10), ("Aksu", 10), ("Kashgar", 5)],
        [Ethnic.Hui] = [("Changji", 35), ("Urumqi", 35), ("Ili", 20), ("Tacheng", 10)],
        [Ethnic.Han] = [("Urumqi", 40), ("Changji", 30), ("Ili", 15), ("Kumul", 15)],
    };

    private readonly List<SyntheticPlace> _places = [];
    private readonly Dictionary<string, int[]> _villagesOf = [];
    private readonly Dictionary<int, List<int>> _villagesInCounty = [];

    public SyntheticPlaces(Random random)
    {
        var china = Add(null, "China", false);
        var xinjiang = Add(china, "Xinjiang", false);
        foreach (var (prefecture, counties) in Xinjiang)
        {
            var p = Add(xinjiang, prefecture, false);
            var villages = new List<int>();
            foreach (var county in counties)
            {
                var c = Add(p, county, false);
                foreach (var township in Pick(random, 4 + random.Next(3)))
                {
                    var t = Add(c, township + " Township", false);
                    villages.AddRange(Villages(random, t, 4 + random.Next(4)));
                }
            }

            _villagesOf[prefecture] = [.. villages];
        }

        var kz = Add(null, "Kazakhstan", false);
        var kzVillages = new List<int>();
        foreach (var (region, districts) in Kazakhstan)
        {
            var r = Add(kz, region, false);
            foreach (var district in districts)
            {
                kzVillages.AddRange(Villages(random, Add(r, district + " District", false), 6 + random.Next(5)));
            }
        }

        _villagesOf["KZ"] = [.. kzVillages];
    }

    public IReadOnlyList<SyntheticPlace> All => _places;

    public SyntheticPlace this[int index] => _places[index];

    /// <summary>A village where a person of this people may come from.</summary>
    public int VillageFor(Ethnic ethnic, Random random)
    {
        var where = Weighted(random, Affinity[ethnic]);
        var villages = _villagesOf[where];
        return villages[random.Next(villages.Length)];
    }

    /// <summary>Another village in the same county (district), or the same when it has no other.</summary>
    public int NeighbourVillage(int village, Random random)
    {
        var inCounty = _villagesInCounty[CountyOf(village)];
        var other = inCounty[random.Next(inCounty.Count)];
        return other;
    }

    /// <summary>The county (in Kazakhstan the district) a village lies in.</summary>
    public int CountyOf(int village) => _places[village].Depth == 5 ? _places[_places[village].Parent!.Value].Parent!.Value : _places[village].Parent!.Value;

    /// <summary>The place and every place it is in, the place itself first.</summary>
    public IEnumerable<int> Ancestors(int index)
    {
        for (int? at = index; at is not null; at = _places[at.Value].Parent)
        {
            yield return at.Value;
        }
    }

    /// <summary>A coarser place of the hometown (its township, county or prefecture), as a reporter who knows less writes it.</summary>
    public int Coarser(int place, Random random)
    {
        var up = Ancestors(place).Skip(1).Where(p => _places[p].Depth >= 2).ToArray();
        return up.Length == 0 ? place : up[Math.Min(up.Length - 1, random.Next(100) < 55 ? 0 : random.Next(up.Length))];
    }

    /// <summary>Whether one place lies in the other (or is it).</summary>
    public bool Within(int inner, int outer) => Ancestors(inner).Contains(outer);

    public static T Weighted<T>(Random random, IReadOnlyList<(T Item, int Weight)> items)
    {
        var roll = random.Next(items.Sum(i => i.Weight));
        foreach (var (item, weight) in items)
        {
            if ((roll -= weight) < 0)
            {
                return item;
            }
        }

        return items[^1].Item;
    }

    private IEnumerable<int> Villages(Random random, int parent, int count)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var name = random.Next(100) < 40
                ? $"No. {i + 1} Village"
                : Stems[random.Next(Stems.Length)] + " Village";
            if (names.Add(name))
            {
                yield return Add(parent, name, true);
            }
        }
    }

    private static IEnumerable<string> Pick(Random random, int count)
    {
        var stems = Stems.ToArray();
        random.Shuffle(stems);
        return stems.Take(count);
    }

    private int Add(int? parent, string name, bool village)
    {
        var index = _places.Count;
        var path = parent is null ? name : _places[parent.Value].Path + " > " + name;
        _places.Add(new SyntheticPlace(index, parent, name, parent is null ? 0 : _places[parent.Value].Depth + 1, path, village));
        if (village)
        {
            var county = CountyOf(index);
            if (!_villagesInCounty.TryGetValue(county, out var list))
            {
                _villagesInCounty[county] = list = [];
            }

            list.Add(index);
        }

        return index;
    }
}
