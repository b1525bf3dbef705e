using System.Globalization;
using Kuager.Core;

namespace Kuager.Storage.Tests.Duplicates.Synthetic;

/// <summary>What to generate. The same options and seed give the same registry, record for record.</summary>
public sealed record SyntheticOptions
{
    /// <summary>Distinct real people in the registry (each with one record or more).</summary>
    public int People { get; init; } = 3000;

    /// <summary>About this share of the people are entered more than once (by another reporter, in another spelling).</summary>
    public double DuplicateShare { get; init; } = 0.3;

    public int Seed { get; init; } = 1;
}

/// <summary>A real person of the synthetic world (recorded or not): the truth the records are written from.</summary>
public sealed class SyntheticPerson
{
    public int Id { get; init; }

    public Ethnic Ethnic { get; init; }

    public bool Female { get; init; }

    public NameSpec Name { get; init; }

    public int BirthYear { get; init; }

    /// <summary>The village (a place index) the person comes from.</summary>
    public int Village { get; init; }

    public int Family { get; init; }

    public int? Father { get; init; }

    public int? Mother { get; init; }

    public int? Spouse { get; set; }

    /// <summary>Set for a namesake planted on purpose: the person whose name this one shares.</summary>
    public int? NamesakeOf { get; init; }

    /// <summary>Whether the person is in the registry at all (many relatives are known only through names).</summary>
    public bool Recorded { get; set; }

    /// <summary>+1 or -1: the direction in which this person's birth year is misremembered, the same in every record.</summary>
    public int YearSlip { get; init; }
}

/// <summary>One name as a record writes it, with how it was made.</summary>
public sealed record SyntheticName(string Text, Writing Writing, SecondForm Form, bool Swapped, bool Typo)
{
    /// <summary>As the import takes it: "kk-Cyrl:Нұрлан Серікұлы", or the bare text where the reporter leaves the script to detection.</summary>
    public string ImportText => SyntheticNames.ScriptCode(Writing) is { } code ? code + ":" + Text : Text;

    /// <summary>Whether the surname or father's name comes first.</summary>
    public bool SurnameFirst => Swapped || Form == SecondForm.RussianFull;
}

/// <summary>One record of the registry: a person as one reporter entered them.</summary>
public sealed class SyntheticRecord
{
    public int Index { get; set; }

    public string ExternalId { get; set; } = "";

    /// <summary>The real person (<see cref="SyntheticPerson.Id"/>): records with the same person are duplicates.</summary>
    public int Person { get; init; }

    /// <summary>1 for the first report of the person, 2 and on for the later ones (the duplicates).</summary>
    public int Report { get; init; }

    public required IReadOnlyList<SyntheticName> Names { get; init; }

    /// <summary>Null: gender not given.</summary>
    public bool? Female { get; init; }

    public int? BirthYear { get; init; }

    public Ethnic? Ethnicity { get; init; }

    /// <summary>The hometown as given (a place index: a village, or a coarser place), null when not given.</summary>
    public int? Place { get; init; }
}

public sealed record SyntheticRelationship(int A, int B, RelationshipType Type);

public sealed class SyntheticSource
{
    public SourceKind Kind { get; init; }

    public required string Title { get; init; }

    /// <summary>The records (indexes) the source is cited for.</summary>
    public List<int> Cited { get; init; } = [];
}

/// <summary>How the two records of a true pair differ; several at once.</summary>
[Flags]
public enum Variation
{
    None = 0,

    /// <summary>No writing system in common (Cyrillic against Latin, Arabic script, Chinese, another romanisation).</summary>
    Script = 1 << 0,
    Typo = 1 << 1,

    /// <summary>Birth year, gender, ethnicity or hometown given on one side only.</summary>
    MissingFields = 1 << 2,
    YearOffByOne = 1 << 3,

    /// <summary>Both give a hometown; one lies in the other (a village and its county).</summary>
    CoarserHometown = 1 << 4,

    /// <summary>No second-name form in common: Құнболатұлы against Кунболатов or Kunbolat.</summary>
    PatronymicOrSurname = 1 << 5,

    /// <summary>One writes the surname or father's name first, the other not.</summary>
    Order = 1 << 6,

    /// <summary>One has a single name, the other several.</summary>
    FewerNames = 1 << 7,
    SameSource = 1 << 8,

    /// <summary>Both are linked to a relative, through different records of that relative (each in its own spelling).</summary>
    RelativeVariants = 1 << 9,

    /// <summary>
    /// The second parts name different people: a family surname (or a husband's) on one side, the father's name on the
    /// other (Бауыржан Еркеғалиев, 包尔江·莫勒江): only the given name and the other fields can link them.
    /// </summary>
    OtherSecondName = 1 << 10,
}

/// <summary>What two records of different people are to each other: the hard negatives.</summary>
public enum HardNegative
{
    /// <summary>The same person: not a negative.</summary>
    SamePerson,
    ParentChild,
    Sibling,
    Spouse,
    Grandparent,

    /// <summary>The same given name and father's name (or family surname): namesakes, planted or by chance.</summary>
    Namesake,

    /// <summary>The same given name only.</summary>
    SameGivenName,
    Other,
}

/// <summary>
/// A synthetic registry with known truth: families of Kazakh, Uyghur, Kyrgyz, Hui and Han people from villages in
/// Xinjiang and Kazakhstan, recorded by reporters who write names in different scripts and spellings, with
/// relationships and cited sources; some people recorded two or three times (the duplicates), and hard negatives on
/// purpose (namesakes, siblings, parents and children). Deterministic for a seed. Written without Kuager.Names.
/// </summary>
public sealed class SyntheticRegistry
{
    private readonly Dictionary<string, int> _byExternalId;
    private readonly List<int>[] _recordsOf;
    private readonly List<(int Other, RelationshipType Type)>[] _relativesOf;
    private readonly List<int>[] _sourcesOf;

    private SyntheticRegistry(SyntheticOptions options, SyntheticPlaces places, List<SyntheticPerson> people, List<SyntheticRecord> records,
        List<SyntheticRelationship> relationships, List<SyntheticSource> sources)
    {
        Options = options;
        Places = places;
        People = people;
        Records = records;
        Relationships = relationships;
        Sources = sources;
        _byExternalId = records.ToDictionary(r => r.ExternalId, r => r.Index, StringComparer.Ordinal);
        _recordsOf = new List<int>[people.Count];
        foreach (var r in records)
        {
            (_recordsOf[r.Person] ??= []).Add(r.Index);
        }

        _relativesOf = new List<(int, RelationshipType)>[records.Count];
        foreach (var rel in relationships)
        {
            (_relativesOf[rel.A] ??= []).Add((rel.B, rel.Type));
            (_relativesOf[rel.B] ??= []).Add((rel.A, rel.Type));
        }

        _sourcesOf = new List<int>[records.Count];
        for (var s = 0; s < sources.Count; s++)
        {
            foreach (var r in sources[s].Cited)
            {
                (_sourcesOf[r] ??= []).Add(s);
            }
        }
    }

    public SyntheticOptions Options { get; }

    public SyntheticPlaces Places { get; }

    /// <summary>Every person of the world, recorded or not, by id.</summary>
    public IReadOnlyList<SyntheticPerson> People { get; }

    /// <summary>The records in the order they are written (shuffled: an id says nothing of its duplicates).</summary>
    public IReadOnlyList<SyntheticRecord> Records { get; }

    public IReadOnlyList<SyntheticRelationship> Relationships { get; }

    public IReadOnlyList<SyntheticSource> Sources { get; }

    public static SyntheticRegistry Generate(SyntheticOptions options) => new Generator(options).Run();

    public int IndexOf(string externalId) => _byExternalId[externalId];

    public bool TryIndexOf(string externalId, out int index) => _byExternalId.TryGetValue(externalId, out index);

    /// <summary>The records of a person (empty when not recorded).</summary>
    public IReadOnlyList<int> RecordsOf(int person) => _recordsOf[person] ?? (IReadOnlyList<int>)[];

    public IReadOnlyList<(int Other, RelationshipType Type)> RelativesOf(int record) => _relativesOf[record] ?? (IReadOnlyList<(int, RelationshipType)>)[];

    public IReadOnlyList<int> SourcesOf(int record) => _sourcesOf[record] ?? (IReadOnlyList<int>)[];

    /// <summary>Every pair of records of the same person (lower index first): what a perfect finder proposes.</summary>
    public IEnumerable<(int A, int B)> TruePairs()
    {
        foreach (var records in _recordsOf)
        {
            if (records is null || records.Count < 2)
            {
                continue;
            }

            for (var i = 0; i < records.Count; i++)
            {
                for (var j = i + 1; j < records.Count; j++)
                {
                    yield return (Math.Min(records[i], records[j]), Math.Max(records[i], records[j]));
                }
            }
        }
    }

    public bool SamePerson(int a, int b) => Records[a].Person == Records[b].Person;

    /// <summary>How two records of one person differ.</summary>
    public Variation Variations(int a, int b)
    {
        var x = Records[a];
        var y = Records[b];
        var v = Variation.None;
        if (!x.Names.Select(n => n.Writing).Intersect(y.Names.Select(n => n.Writing)).Any())
        {
            v |= Variation.Script;
        }

        if (x.Names.Any(n => n.Typo) || y.Names.Any(n => n.Typo))
        {
            v |= Variation.Typo;
        }

        if ((x.BirthYear is null) != (y.BirthYear is null) || (x.Female is null) != (y.Female is null) ||
            (x.Ethnicity is null) != (y.Ethnicity is null) || (x.Place is null) != (y.Place is null))
        {
            v |= Variation.MissingFields;
        }

        if (x.BirthYear is { } yx && y.BirthYear is { } yy && Math.Abs(yx - yy) == 1)
        {
            v |= Variation.YearOffByOne;
        }

        if (x.Place is { } px && y.Place is { } py && px != py && (Places.Within(px, py) || Places.Within(py, px)))
        {
            v |= Variation.CoarserHometown;
        }

        if (!x.Names.Select(n => n.Form).Intersect(y.Names.Select(n => n.Form)).Any())
        {
            v |= Variation.PatronymicOrSurname;
        }

        if (!x.Names.Select(n => n.SurnameFirst).Intersect(y.Names.Select(n => n.SurnameFirst)).Any())
        {
            v |= Variation.Order;
        }

        if ((x.Names.Count == 1) != (y.Names.Count == 1))
        {
            v |= Variation.FewerNames;
        }

        if (SourcesOf(a).Intersect(SourcesOf(b)).Any())
        {
            v |= Variation.SameSource;
        }

        var spec = People[x.Person].Name;
        if (!SyntheticNames.ChineseNamed(spec.Ethnic) && spec.SurnameRoot != spec.Father && !SecondNames(spec, x).Overlaps(SecondNames(spec, y)))
        {
            v |= Variation.OtherSecondName;
        }

        var theirs = RelativesOf(b).Select(r => (Records[r.Other].Person, r.Other)).ToList();
        if (RelativesOf(a).Any(r => theirs.Any(t => t.Person == Records[r.Other].Person && t.Other != r.Other)))
        {
            v |= Variation.RelativeVariants;
        }

        return v;
    }

    /// <summary>The names (lexemes) the second parts of a record's names come from: the surname root, the father's name or both.</summary>
    private static HashSet<int> SecondNames(NameSpec spec, SyntheticRecord record)
    {
        var set = new HashSet<int>();
        foreach (var n in record.Names)
        {
            var surname = n.Form is SecondForm.Surname or SecondForm.RussianFull && spec.Style == NameStyle.FamilySurname;
            set.Add(surname ? spec.SurnameRoot : spec.Father);
            if (n.Form == SecondForm.RussianFull)
            {
                set.Add(spec.Father);
            }
        }

        return set;
    }

    /// <summary>What two records of different people are to each other (<see cref="HardNegative.SamePerson"/> for duplicates).</summary>
    public HardNegative Negative(int a, int b)
    {
        var x = People[Records[a].Person];
        var y = People[Records[b].Person];
        if (x.Id == y.Id)
        {
            return HardNegative.SamePerson;
        }

        if (x.Father == y.Id || x.Mother == y.Id || y.Father == x.Id || y.Mother == x.Id)
        {
            return HardNegative.ParentChild;
        }

        if ((x.Father is not null && x.Father == y.Father) || (x.Mother is not null && x.Mother == y.Mother))
        {
            return HardNegative.Sibling;
        }

        if (x.Spouse == y.Id)
        {
            return HardNegative.Spouse;
        }

        bool GrandparentOf(SyntheticPerson old, SyntheticPerson young) =>
            new[] { young.Father, young.Mother }.OfType<int>().Any(p => People[p].Father == old.Id || People[p].Mother == old.Id);
        if (GrandparentOf(x, y) || GrandparentOf(y, x))
        {
            return HardNegative.Grandparent;
        }

        if (x.NamesakeOf == y.Id || y.NamesakeOf == x.Id || SameFullName(x, y))
        {
            return HardNegative.Namesake;
        }

        return x.Ethnic == y.Ethnic && x.Female == y.Female && x.Name.Given == y.Name.Given ? HardNegative.SameGivenName : HardNegative.Other;
    }

    private static bool SameFullName(SyntheticPerson x, SyntheticPerson y)
    {
        if (SyntheticNames.ChineseNamed(x.Ethnic) != SyntheticNames.ChineseNamed(y.Ethnic) || x.Female != y.Female || x.Name.Given != y.Name.Given)
        {
            return false;
        }

        if (SyntheticNames.ChineseNamed(x.Ethnic))
        {
            return x.Name.SurnameRoot == y.Name.SurnameRoot;
        }

        // A family surname and a father's name made from the same name read alike (Жандос Ғалымов, Жандос Ғалымов).
        return x.Ethnic == y.Ethnic && SecondRoots(x.Name).Overlaps(SecondRoots(y.Name));
    }

    private static HashSet<int> SecondRoots(NameSpec spec) => spec.Style == NameStyle.FamilySurname ? [spec.Father, spec.SurnameRoot] : [spec.Father];

    /// <summary>
    /// Pairs of records of namesakes (different people, the same given name and second name), how many of them no field
    /// tells apart (no gender, birth year, ethnicity or hometown against them), and how many of those a birth year or
    /// hometown even supports: a floor under the false positives of any scorer that reads names perfectly but ignores
    /// relatives and sources. A lower bound: namesakes across naming styles are not all counted.
    /// </summary>
    public (long Pairs, long NoFieldAgainst, long Supported) Namesakes()
    {
        long pairs = 0, undecided = 0, supported = 0;
        var groups = Records.GroupBy(r =>
        {
            var p = People[r.Person];
            var chinese = SyntheticNames.ChineseNamed(p.Ethnic);
            return (chinese, chinese ? Ethnic.Hui : p.Ethnic, p.Female, p.Name.Given, chinese ? p.Name.SurnameRoot : p.Name.Style == NameStyle.FamilySurname ? p.Name.SurnameRoot : p.Name.Father);
        });
        foreach (var group in groups)
        {
            var records = group.ToList();
            for (var i = 0; i < records.Count; i++)
            {
                for (var j = i + 1; j < records.Count; j++)
                {
                    var (a, b) = (records[i], records[j]);
                    if (a.Person == b.Person)
                    {
                        continue;
                    }

                    pairs++;
                    var against = (a.Female is { } fa && b.Female is { } fb && fa != fb)
                        || (a.BirthYear is { } ya && b.BirthYear is { } yb && Math.Abs(ya - yb) > 1)
                        || (a.Ethnicity is { } ea && b.Ethnicity is { } eb && ea != eb)
                        || (a.Place is { } pa && b.Place is { } pb && !Places.Within(pa, pb) && !Places.Within(pb, pa));
                    if (!against)
                    {
                        undecided++;
                        if ((a.BirthYear is { } y1 && b.BirthYear is { } y2 && Math.Abs(y1 - y2) <= 1) || (a.Place is { } p1 && b.Place is { } p2 && (Places.Within(p1, p2) || Places.Within(p2, p1))))
                        {
                            supported++;
                        }
                    }
                }
            }
        }

        return (pairs, undecided, supported);
    }

    /// <summary>A record in one line, for reports: its names, gender, birth year, ethnicity, hometown, relatives and sources.</summary>
    public string Describe(int record)
    {
        var r = Records[record];
        var gender = r.Female switch { true => "f", false => "m", null => "?" };
        var place = r.Place is { } p ? Places[p].Path.Replace("China > Xinjiang > ", "", StringComparison.Ordinal) : "-";
        var relatives = RelativesOf(record).Select(x => $"{WireCode.Of(x.Type)}:{Records[x.Other].Names[0].Text}");
        return string.Create(CultureInfo.InvariantCulture,
            $"{r.ExternalId} [{string.Join(" | ", r.Names.Select(n => n.Text))}] {gender} {r.BirthYear?.ToString(CultureInfo.InvariantCulture) ?? "-"} {r.Ethnicity?.ToString() ?? "-"} {place}")
            + (relatives.Any() ? " rel{" + string.Join(", ", relatives) + "}" : "")
            + (SourcesOf(record).Count > 0 ? " src{" + string.Join(",", SourcesOf(record)) + "}" : "");
    }

    /// <summary>The generation, in one pass over families, then the later reports, then the shuffle.</summary>
    private sealed class Generator
    {
        private const int FirstYear = 1935;
        private const int LastYear = 2012;

        /// <summary>No one is entered more than three times.</summary>
        private const int MaxRecords = 3;

        private readonly SyntheticOptions _options;
        private readonly Random _random;
        private readonly SyntheticPlaces _places;
        private readonly List<SyntheticPerson> _people = [];
        private readonly List<SyntheticRecord> _records = [];
        private readonly List<SyntheticRelationship> _relationships = [];
        private readonly List<SyntheticSource> _sources = [];
        private readonly Dictionary<int, List<int>> _family = [];
        private readonly Dictionary<int, List<int>> _recordsOf = [];
        private readonly Dictionary<int, int> _articleOf = [];
        private readonly Dictionary<(Ethnic, bool), double[]> _zipf = [];
        private double[] _surnameZipf = [];
        private int _recorded;

        public Generator(SyntheticOptions options)
        {
            _options = options;
            _random = new Random(options.Seed);
            _places = new SyntheticPlaces(_random);
        }

        public SyntheticRegistry Run()
        {
            foreach (var ethnic in new[] { Ethnic.Kazakh, Ethnic.Uyghur, Ethnic.Kyrgyz, Ethnic.Hui })
            {
                foreach (var female in new[] { false, true })
                {
                    _zipf[(ethnic, female)] = Cumulative(SyntheticNames.GivenNames(ethnic, female).Count, ethnic == Ethnic.Hui ? 8 : 6);
                }
            }

            _surnameZipf = Cumulative(SyntheticNames.ChineseSurnameCount, 1);
            var families = 0;
            while (_recorded < _options.People)
            {
                Family(families++);
            }

            CountyArticles();

            // Later reports: another reporter enters a person again, often with some of their relatives. The share of
            // roots is set so that about DuplicateShare of the people end with more than one record.
            var roots = _people.Where(p => p.Recorded).Select(p => p.Id).ToList();
            var rootChance = _options.DuplicateShare / 1.5;
            foreach (var id in roots)
            {
                if (_random.NextDouble() < rootChance && _recordsOf[id].Count < MaxRecords)
                {
                    LaterReport(_people[id]);
                    if (_random.Next(100) < 15 && _recordsOf[id].Count < MaxRecords)
                    {
                        LaterReport(_people[id]);
                    }
                }
            }

            return Shuffled();
        }

        private static double[] Cumulative(int count, double offset)
        {
            var cumulative = new double[count];
            var total = 0.0;
            for (var k = 0; k < count; k++)
            {
                total += 1 / (k + 1 + offset);
                cumulative[k] = total;
            }

            return cumulative;
        }

        private int Draw(double[] cumulative)
        {
            var at = Array.BinarySearch(cumulative, _random.NextDouble() * cumulative[^1]);
            return Math.Min(at < 0 ? ~at : at, cumulative.Length - 1);
        }

        private int DrawGiven(Ethnic ethnic, bool female) => Draw(_zipf[(SyntheticNames.ChineseNamed(ethnic) ? Ethnic.Hui : ethnic, female)]);

        private bool Chance(int percent) => _random.Next(100) < percent;

        private T Weighted<T>(params (T Item, int Weight)[] items) => SyntheticPlaces.Weighted(_random, items);

        // ---- the people ----

        private SyntheticPerson Add(Ethnic ethnic, bool female, NameSpec name, int year, int village, int family, int? father = null, int? mother = null,
            int? namesakeOf = null)
        {
            var person = new SyntheticPerson
            {
                Id = _people.Count, Ethnic = ethnic, Female = female, Name = name, BirthYear = Math.Clamp(year, FirstYear, LastYear), Village = village,
                Family = family, Father = father, Mother = mother, NamesakeOf = namesakeOf, YearSlip = Chance(50) ? 1 : -1,
            };
            _people.Add(person);
            if (!_family.TryGetValue(family, out var members))
            {
                _family[family] = members = [];
            }

            members.Add(person.Id);
            return person;
        }

        /// <summary>A name of a child of this father in the family's style.</summary>
        private NameSpec ChildName(Ethnic ethnic, NameStyle style, bool female, int given, SyntheticPerson father, int familyRoot) => new(
            ethnic, female, given, father.Name.Given, style is NameStyle.FamilySurname or NameStyle.Chinese ? familyRoot : father.Name.Given, female, style);

        private void Family(int family)
        {
            var ethnic = Weighted((Ethnic.Kazakh, 45), (Ethnic.Uyghur, 37), (Ethnic.Kyrgyz, 9), (Ethnic.Hui, 6), (Ethnic.Han, 3));
            var style = ethnic switch
            {
                Ethnic.Kazakh => Weighted((NameStyle.Patronymic, 40), (NameStyle.SurnameFromFather, 25), (NameStyle.FamilySurname, 35)),
                Ethnic.Kyrgyz => Weighted((NameStyle.Patronymic, 35), (NameStyle.SurnameFromFather, 15), (NameStyle.FamilySurname, 50)),
                Ethnic.Uyghur => NameStyle.FatherName,
                _ => NameStyle.Chinese,
            };
            var chinese = style == NameStyle.Chinese;
            var village = _places.VillageFor(ethnic, _random);
            var fatherYear = FirstYear + _random.Next(50);
            var familyRoot = chinese ? Draw(_surnameZipf) : DrawGiven(ethnic, false);
            var grandfather = DrawGiven(ethnic, false);
            var father = Add(ethnic, false, new NameSpec(ethnic, false, DrawGiven(ethnic, false), grandfather,
                style is NameStyle.FamilySurname or NameStyle.Chinese ? familyRoot : grandfather, false, style), fatherYear, village, family);

            // The mother keeps her own father's name; in a family with a surname she often takes her husband's.
            var takesSurname = style == NameStyle.FamilySurname && Chance(60);
            var motherFather = DrawGiven(ethnic, false);
            var motherStyle = style == NameStyle.FamilySurname && !takesSurname ? NameStyle.SurnameFromFather : style;
            var mother = Add(ethnic, true, new NameSpec(ethnic, true, DrawGiven(ethnic, true), motherFather,
                takesSurname ? familyRoot : chinese ? Draw(_surnameZipf) : motherFather, true, motherStyle),
                fatherYear + _random.Next(-1, 9), Chance(70) ? village : _places.NeighbourVillage(village, _random), family);
            father.Spouse = mother.Id;
            mother.Spouse = father.Id;

            var children = Children(ethnic, style, father, mother, familyRoot, village, family,
                Weighted((1, 20), (2, 30), (3, 25), (4, 15), (5, 10)));

            // A third generation in some families: a grown son, his wife and their children.
            var grandchildren = new List<SyntheticPerson>();
            var wives = new List<SyntheticPerson>();
            foreach (var son in children.Where(c => !c.Female && c.BirthYear <= 1990).ToList())
            {
                if (!Chance(25))
                {
                    continue;
                }

                var wifeFather = DrawGiven(ethnic, false);
                var wife = Add(ethnic, true, new NameSpec(ethnic, true, DrawGiven(ethnic, true), wifeFather,
                    chinese ? Draw(_surnameZipf) : style == NameStyle.FamilySurname && Chance(60) ? familyRoot : wifeFather, true,
                    style == NameStyle.FamilySurname ? NameStyle.SurnameFromFather : style), son.BirthYear + _random.Next(-1, 6), village, family);
                son.Spouse = wife.Id;
                wife.Spouse = son.Id;
                wives.Add(wife);
                grandchildren.AddRange(Children(ethnic, style, son, wife, familyRoot, village, family, 1 + _random.Next(3)));
            }

            // Who is in the registry: those detained or missing, and some of the relatives who reported them.
            father.Recorded = Chance(30);
            mother.Recorded = Chance(25);
            foreach (var c in children)
            {
                c.Recorded = Chance(55);
            }

            foreach (var w in wives)
            {
                w.Recorded = Chance(20);
            }

            foreach (var g in grandchildren)
            {
                g.Recorded = Chance(35);
            }

            var members = _family[family].Select(id => _people[id]).ToList();
            if (!members.Any(m => m.Recorded))
            {
                children[_random.Next(children.Count)].Recorded = true;
            }

            var recorded = members.Where(m => m.Recorded).ToList();
            _recorded += recorded.Count;
            FirstReport(recorded);

            // A namesake, on purpose: the same name, another person, told apart by birth year or hometown.
            if (Chance(6))
            {
                Namesake(recorded[_random.Next(recorded.Count)], family);
            }
        }

        private List<SyntheticPerson> Children(Ethnic ethnic, NameStyle style, SyntheticPerson father, SyntheticPerson mother, int familyRoot,
            int village, int family, int count)
        {
            var children = new List<SyntheticPerson>();
            var year = Math.Max(father.BirthYear + 21, mother.BirthYear + 19) + _random.Next(9);
            for (var i = 0; i < count && year <= LastYear; i++)
            {
                var female = Chance(50);
                var given = DrawGiven(ethnic, female);
                for (var tries = 0; tries < 20 && children.Any(c => c.Female == female && c.Name.Given == given); tries++)
                {
                    given = DrawGiven(ethnic, female);
                }

                children.Add(Add(ethnic, female, ChildName(ethnic, style, female, given, father, familyRoot), year, village, family, father.Id, mother.Id));
                year += 1 + _random.Next(4);
            }

            if (children.Count == 0)
            {
                children.Add(Add(ethnic, Chance(50), ChildName(ethnic, style, false, DrawGiven(ethnic, false), father, familyRoot), LastYear, village, family,
                    father.Id, mother.Id));
            }

            return children;
        }

        private void Namesake(SyntheticPerson of, int family)
        {
            int village;
            int year;
            var roll = _random.Next(100);
            if (roll < 40)
            {
                // The same county, another village (or by chance the same), years well apart.
                village = _places.NeighbourVillage(of.Village, _random);
                year = of.BirthYear + (Chance(50) ? 1 : -1) * (4 + _random.Next(12));
            }
            else if (roll < 60)
            {
                village = of.Village;
                year = of.BirthYear + (Chance(50) ? 1 : -1) * (6 + _random.Next(15));
            }
            else
            {
                village = _places.VillageFor(of.Ethnic, _random);
                year = FirstYear + _random.Next(LastYear - FirstYear);
            }

            if (year is < FirstYear or > LastYear)
            {
                year = of.BirthYear + (of.BirthYear - FirstYear > LastYear - of.BirthYear ? -8 : 8);
            }

            var namesake = Add(of.Ethnic, of.Female, of.Name, year, village, -1 - family, namesakeOf: of.Id);
            namesake.Recorded = true;
            _recorded++;
            FirstReport([namesake]);
        }

        // ---- the records ----

        private int Record(SyntheticPerson person, bool later)
        {
            if (!_recordsOf.TryGetValue(person.Id, out var mine))
            {
                _recordsOf[person.Id] = mine = [];
            }

            var first = mine.Count > 0 ? _records[mine[0]] : null;
            var spec = person.Name;
            var pool = SyntheticNames.Writings(person.Ethnic).Where(w => SyntheticNames.CanWrite(spec, w.Writing)).ToList();
            var count = later ? Weighted((1, 60), (2, 35), (3, 5)) : Weighted((1, 45), (2, 40), (3, 15));

            // A later reporter mostly writes in systems the first record does not use.
            var avoid = later && first is not null && Chance(70) ? first.Names.Select(n => n.Writing).ToHashSet() : [];
            var candidates = pool.Where(w => !avoid.Contains(w.Writing)).ToList();
            if (candidates.Count == 0)
            {
                candidates = pool;
            }

            var names = new List<SyntheticName>();
            for (var i = 0; i < count && candidates.Count > 0; i++)
            {
                var writing = SyntheticPlaces.Weighted(_random, candidates);
                candidates.RemoveAll(c => c.Writing == writing);
                var forms = SyntheticNames.Forms(spec, writing);
                var form = forms.Count > 1 && Chance(later ? 35 : 10) ? forms[1 + _random.Next(forms.Count - 1)] : forms[0];
                // Russian lists put the surname first, English the given name of a Chinese name; Chinese characters keep their order.
                var swapped = form != SecondForm.RussianFull && Chance(writing switch
                {
                    Writing.Chinese => 0,
                    Writing.RussianCyrillic => later ? 30 : 15,
                    Writing.Pinyin when SyntheticNames.ChineseNamed(person.Ethnic) => 30,
                    _ => later ? 10 : 2,
                });
                var text = SyntheticNames.Render(spec, writing, form, swapped);
                if (!names.Any(n => n.Text == text))
                {
                    names.Add(new SyntheticName(text, writing, form, swapped, false));
                }
            }

            if (Chance(later ? 20 : 3))
            {
                var at = _random.Next(names.Count);
                var typed = SyntheticNames.Typo(names[at].Text, _random);
                if (typed != names[at].Text && !names.Any(n => n.Text == typed))
                {
                    names[at] = names[at] with { Text = typed, Typo = true };
                }
            }

            var slipped = person.BirthYear + person.YearSlip;
            int? year = later
                ? Weighted<int?>((person.BirthYear, 55), (slipped, 22), (null, 23))
                : Weighted<int?>((person.BirthYear, 88), (slipped, 4), (null, 8));
            int? place = later
                ? Weighted<int?>((person.Village, 45), (_places.Coarser(person.Village, _random), 25), (null, 30))
                : Weighted<int?>((person.Village, 82), (_places.Coarser(person.Village, _random), 8), (null, 10));
            if (later && year is null && place is null)
            {
                year = person.BirthYear; // a record with nothing but a name is no report anyone files twice
            }

            var record = new SyntheticRecord
            {
                Index = _records.Count,
                Person = person.Id,
                Report = mine.Count + 1,
                Names = names,
                Female = Chance(later ? 88 : 97) ? person.Female : null,
                BirthYear = year,
                Ethnicity = Chance(later ? 80 : 90) ? person.Ethnic : null,
                Place = place,
            };
            _records.Add(record);
            mine.Add(record.Index);
            return record.Index;
        }

        /// <summary>The truth relationship of two people, as it is stored (a parent first), or null.</summary>
        private SyntheticRelationship? Relation(SyntheticPerson a, SyntheticPerson b, int ra, int rb)
        {
            if (b.Father == a.Id || b.Mother == a.Id)
            {
                return new SyntheticRelationship(ra, rb, RelationshipType.Parent);
            }

            if (a.Father == b.Id || a.Mother == b.Id)
            {
                return new SyntheticRelationship(rb, ra, RelationshipType.Parent);
            }

            if (a.Spouse == b.Id)
            {
                return new SyntheticRelationship(ra, rb, RelationshipType.Spouse);
            }

            return a.Father is not null && a.Father == b.Father ? new SyntheticRelationship(ra, rb, RelationshipType.Sibling) : null;
        }

        private int LinkChance(RelationshipType type) => type switch
        {
            RelationshipType.Parent => 70,
            RelationshipType.Spouse => 70,
            _ => 60,
        };

        /// <summary>The first report of a family: a record for each recorded member, their relationships, testimonies and maybe an article.</summary>
        private void FirstReport(List<SyntheticPerson> recorded)
        {
            var records = recorded.Select(p => Record(p, later: false)).ToList();
            for (var i = 0; i < recorded.Count; i++)
            {
                for (var j = i + 1; j < recorded.Count; j++)
                {
                    if (Relation(recorded[i], recorded[j], records[i], records[j]) is { } rel && Chance(LinkChance(rel.Type)))
                    {
                        _relationships.Add(rel);
                    }
                }
            }

            foreach (var r in records.Where(_ => Chance(12)))
            {
                Testimony(r);
            }

            if (recorded.Count > 1 && Chance(25))
            {
                var cited = records.Take(6).ToList();
                var source = Article($"{cited.Count} members of one family from {_places[recorded[0].Village].Name} detained", cited);
                foreach (var r in cited)
                {
                    _articleOf.TryAdd(r, source);
                }
            }
        }

        private void Testimony(int record) => _sources.Add(new SyntheticSource
        {
            Kind = SourceKind.Testimony,
            Title = string.Create(CultureInfo.InvariantCulture, $"Testimony of a relative (fictional) {_sources.Count + 1}"),
            Cited = [record],
        });

        private int Article(string title, List<int> cited)
        {
            _sources.Add(new SyntheticSource { Kind = SourceKind.News, Title = "Fictional report: " + title, Cited = cited });
            return _sources.Count - 1;
        }

        /// <summary>Articles about several unrelated people of one county: sources shared by people who are not the same.</summary>
        private void CountyArticles()
        {
            var byCounty = _records.Where(r => r.Place is not null && _places[r.Place.Value].Village)
                .GroupBy(r => _places.CountyOf(r.Place!.Value)).ToList();
            foreach (var county in byCounty)
            {
                var records = county.Select(r => r.Index).ToArray();
                var articles = (int)Math.Round(records.Length * 0.12 / 5);
                for (var a = 0; a < articles; a++)
                {
                    _random.Shuffle(records);
                    var cited = records.Take(3 + _random.Next(6)).ToList();
                    var source = Article($"{cited.Count} people from {_places[county.Key].Name} sentenced", cited);
                    foreach (var r in cited)
                    {
                        _articleOf.TryAdd(r, source);
                    }
                }
            }
        }

        /// <summary>
        /// Another reporter enters the person again, in their own spelling and with what they know; some relatives they
        /// enter again too (each a duplicate in its own spelling), others they link to the existing records.
        /// </summary>
        private void LaterReport(SyntheticPerson person)
        {
            var relatives = _family.GetValueOrDefault(person.Family, [])
                .Where(id => id != person.Id && _people[id].Recorded && _recordsOf.ContainsKey(id))
                .Select(id => _people[id])
                .Where(r => Relation(person, r, 0, 0) is not null)
                .ToList();
            var again = relatives.Where(r => _recordsOf[r.Id].Count < MaxRecords && Chance(30)).ToList();
            var main = Record(person, later: true);
            var entered = again.Select(r => (Person: r, Record: Record(r, later: true))).ToList();
            foreach (var (relative, record) in entered)
            {
                if (Relation(person, relative, main, record) is { } rel && Chance(85))
                {
                    _relationships.Add(rel);
                }
            }

            foreach (var relative in relatives.Except(again))
            {
                if (Relation(person, relative, main, _recordsOf[relative.Id][0]) is { } rel && Chance(20))
                {
                    _relationships.Add(rel);
                }
            }

            if (Chance(25))
            {
                Testimony(main);
            }

            var firstRecord = _recordsOf[person.Id][0];
            if (_articleOf.TryGetValue(firstRecord, out var article) && Chance(60))
            {
                _sources[article].Cited.Add(main); // the same article, entered by a second volunteer
            }
            else if (entered.Count > 0 && Chance(15))
            {
                Article($"{entered.Count + 1} relatives detained", [main, .. entered.Select(e => e.Record)]);
            }
        }

        // ---- the shuffle ----

        private SyntheticRegistry Shuffled()
        {
            var order = Enumerable.Range(0, _records.Count).ToArray();
            _random.Shuffle(order);
            var position = new int[order.Length];
            for (var i = 0; i < order.Length; i++)
            {
                position[order[i]] = i;
            }

            var records = new List<SyntheticRecord>(order.Length);
            for (var i = 0; i < order.Length; i++)
            {
                var r = _records[order[i]];
                r.Index = i;
                r.ExternalId = "SYN-" + i.ToString("D7", CultureInfo.InvariantCulture);
                records.Add(r);
            }

            var relationships = _relationships.Select(r => r with { A = position[r.A], B = position[r.B] })
                .Select(r => r.Type != RelationshipType.Parent && r.A > r.B ? r with { A = r.B, B = r.A } : r)
                .Distinct()
                .ToList();
            foreach (var s in _sources)
            {
                var cited = s.Cited.Select(c => position[c]).Distinct().ToList();
                s.Cited.Clear();
                s.Cited.AddRange(cited);
            }

            return new SyntheticRegistry(_options, _places, _people, records, relationships, _sources);
        }
    }
}
