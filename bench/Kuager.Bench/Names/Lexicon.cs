namespace Kuager.Bench.Names;

/// <summary>The peoples whose names the benchmark writes; each has its own master spelling of name parts.</summary>
internal enum People
{
    /// <summary>Master spelling: Kazakh Cyrillic.</summary>
    Kazakh,

    /// <summary>Master spelling: Uyghur Latin (ULY).</summary>
    Uyghur,

    /// <summary>Master spelling: Kyrgyz Cyrillic.</summary>
    Kyrgyz,
}

/// <summary>One name part: its master spelling, and where known by hand its Chinese transcription and its English press spelling.</summary>
internal sealed record NamePartEntry(string Master, bool Female, string? Chinese, string? Press);

/// <summary>
/// A hand-written lexicon of real given names (a few hundred parts), written in each people's own master spelling,
/// with the Chinese transcription where it is well attested (e.g. Ilham Tohti 伊力哈木·土赫提, Memet 买买提, Tursun
/// 吐尔逊) and irregular English press spellings (Kadeer, Tohti). Everything else is rendered from the master by
/// <see cref="Spellings"/>. Kept independent of Kuager.Names on purpose, so the benchmark does not grade Kuager
/// against its own tables.
/// </summary>
internal static class Lexicon
{
    // Entry syntax: "master" or "master=chinese" or "master=chinese=press" (chinese may be empty).
    private static readonly string[] KazakhMale =
    [
        "Нұрлан=努尔兰", "Серік=赛力克", "Ерлан=叶尔兰=Yerlan", "Бауыржан=包尔江=Baurzhan", "Мұрат=木拉提", "Қайрат=凯拉提=Kairat",
        "Асқар=阿斯卡尔=Askar", "Ерболат", "Дәулет=达吾列提=Daulet", "Жандос", "Нұрсұлтан", "Бақыт=巴合提=Bakhyt", "Ержан=叶尔江=Yerzhan",
        "Талғат", "Самат", "Арман=阿尔曼", "Айдос", "Бекзат", "Дәурен", "Ғалым", "Ербол=叶尔波力=Yerbol", "Жанболат", "Жақсылық",
        "Қуаныш", "Мейрам", "Нұржан=努尔江", "Олжас", "Рүстем", "Санжар", "Тимур=铁木尔", "Ұлан", "Әділет", "Еркін", "Бейбіт",
        "Болат=波拉提", "Ғабит", "Есен", "Жомарт", "Қанат=哈那提=Kanat", "Марат=马拉提", "Нұрболат", "Руслан", "Сәкен", "Тоқтар",
        "Шыңғыс", "Азамат=阿扎马提", "Алмас", "Бақытжан=巴合提江=Bakhytzhan", "Дархан", "Елдос", "Жасұлан", "Исатай", "Қасым=哈斯木=Kassym",
        "Мақсат", "Нұрлыбек", "Орынбасар", "Сайлау", "Темірлан", "Ұлықбек", "Абай=阿拜", "Ахмет=艾合买提=Akhmet", "Омар=奥马尔",
        "Оспан=奥斯潘", "Тоқай=托卡依=Tokay", "Құнболат", "Сәттар", "Серікбай", "Жақып", "Қасен", "Ахметжан=艾合买提江", "Әбдірахман",
        "Мұхтар", "Сұлтан=苏里坦", "Нұртай", "Байболат==Baybolat", "Досжан", "Ерғали", "Қалжан", "Мұхамед", "Оразалы", "Сағат",
        "Төлеген", "Уәлихан", "Шоқан", "Назарбай", "Сәрсен", "Жұмабай", "Қожахмет", "Бекмұрат", "Ерсайын",
    ];

    private static readonly string[] KazakhFemale =
    [
        "Айгерім", "Гүлнар=古丽娜尔", "Әсел=阿赛丽=Assel", "Жанар=加娜尔", "Сәуле", "Мадина=马迪娜", "Дана=达娜", "Айжан=阿依江=Aizhan",
        "Гүлмира", "Динара=迪娜拉", "Жұлдыз", "Қарлығаш", "Мөлдір", "Назерке", "Перизат", "Салтанат", "Толқын", "Ақмарал", "Балжан",
        "Гүлжан=古丽江", "Дариға", "Жібек", "Іңкәр", "Қаламқас", "Ләззат", "Меруерт", "Нұргүл=努尔古丽", "Райхан", "Сандуғаш",
        "Тоғжан", "Ұлжан", "Шынар", "Айнұр=阿依努尔", "Ботагөз", "Гауһар", "Жансая", "Зәуре", "Күлпаш", "Ләйла", "Сайрагүл",
        "Қайша==Qaisha", "Бақытгүл", "Гүлбағила", "Жайнагүл", "Айым",
    ];

    private static readonly string[] UyghurMale =
    [
        "Ilham=伊力哈木", "Tursun=吐尔逊", "Memet=买买提", "Muhemmet", "Abdurehim=阿不都热依木", "Abdulla=阿不都拉", "Ablimit=阿不力米提",
        "Erkin=艾尔肯", "Nurmemet=努尔买买提", "Rozi=肉孜", "Qadir=卡德尔=Kadeer", "Ehmet=艾合买提=Ahmet", "Hesen=艾山=Hasan", "Hüseyin",
        "Ismayil=伊斯马伊力", "Yusup=玉素甫", "Tahir=塔依尔", "Obul", "Exmetjan=艾合买提江=Ahmatjan", "Adil=阿迪力", "Alim=阿力木", "Barat",
        "Dilshat=迪力夏提", "Eli=艾力", "Ghulam", "Hakim", "Imin=依明", "Jappar", "Kerim=克力木", "Mamut", "Nijat", "Osman=吾斯曼",
        "Perhat=帕尔哈提", "Qurban=库尔班", "Rishat", "Sabit", "Shöhret", "Toxti=土赫提=Tohti", "Ömer=吾买尔=Omer", "Weli", "Yasin=亚森",
        "Zunun", "Abduqadir", "Abdusalam", "Mehmut", "Niyaz=尼亚孜", "Sadiq", "Ekber", "Ghopur", "Mijit=米吉提", "Tursunjan=吐尔逊江",
        "Ablet", "Ekrem", "Mutellip", "Nezer", "Rahman", "Abliz", "Eysa", "Qeyser", "Yüsüpjan",
    ];

    private static readonly string[] UyghurFemale =
    [
        "Gülbahar=古丽巴哈尔", "Mihrigül=米日古丽=Mihrigul", "Rahile=热依拉", "Rahime", "Gülnar", "Aygül=阿依古丽", "Dilnur=迪丽努尔",
        "Dilnigar", "Jewher", "Patigül=帕提古丽", "Aynur", "Buhejer", "Gülzire", "Mahire", "Meryem", "Nurgül=努尔古丽", "Nuriye",
        "Paride", "Reyhan", "Rizwangül", "Roshengül", "Sajide", "Tajigül", "Zulpiye", "Zöhre", "Ayshem", "Xeyrinsa", "Gülmire",
        "Arzigül", "Bahargül", "Dilber", "Hörnisa", "Mehriban", "Qelbinur", "Sanuber", "Tursungül=吐尔逊古丽", "Zumret", "Rabiye=热比娅=Rebiya",
        "Gulshen", "Renagül", "Sayime", "Mukerrem",
    ];

    private static readonly string[] KyrgyzMale =
    [
        "Азамат", "Бакыт", "Нурлан", "Талант", "Улан", "Эрлан", "Бектур", "Жыргалбек", "Кубанычбек", "Чыңгыз", "Алмазбек", "Сооронбай",
        "Темир", "Адилет", "Эрмек", "Медер", "Нурбек", "Жоомарт", "Каныбек", "Өмүрбек", "Үсөн", "Асанбек", "Садыр", "Алтынбек",
        "Курманбек", "Таалай", "Мирлан", "Нуржигит", "Эмил", "Бакай",
    ];

    private static readonly string[] KyrgyzFemale =
    [
        "Айгүл", "Айпери", "Гүлнара", "Жылдыз", "Назгүл", "Чолпон", "Бермет", "Айжаркын", "Нургүл", "Асел", "Мээрим", "Гүлзат",
        "Динара", "Айзада", "Бурул", "Жибек", "Күмүшай", "Сезим", "Элмира", "Айсулуу",
    ];

    public static IReadOnlyList<NamePartEntry> Parts(People people, bool female) => (people, female) switch
    {
        (People.Kazakh, false) => Parse(KazakhMale, false),
        (People.Kazakh, true) => Parse(KazakhFemale, true),
        (People.Uyghur, false) => Parse(UyghurMale, false),
        (People.Uyghur, true) => Parse(UyghurFemale, true),
        (People.Kyrgyz, false) => Parse(KyrgyzMale, false),
        _ => Parse(KyrgyzFemale, true),
    };

    public static int Count => KazakhMale.Length + KazakhFemale.Length + UyghurMale.Length + UyghurFemale.Length + KyrgyzMale.Length + KyrgyzFemale.Length;

    private static NamePartEntry[] Parse(string[] entries, bool female) => entries.Select(e =>
    {
        var fields = e.Split('=');
        return new NamePartEntry(fields[0], female, fields.Length > 1 && fields[1].Length > 0 ? fields[1] : null, fields.Length > 2 ? fields[2] : null);
    }).ToArray();

    // Syllables for synthetic parts, in each master spelling: a root, optionally a middle, and an ending; endings
    // mark gender the way the real names do (-бек/-жан/-bek for men, -гүл/-ай/-nisa/-gül for women).
    public static readonly string[] KazakhRoots =
    [
        "Нұр", "Ер", "Жан", "Ай", "Бек", "Бол", "Дос", "Қай", "Мұр", "Сер", "Тал", "Тұр", "Ұл", "Ас", "Ар", "Бақ", "Ғали", "Дәу",
        "Ерке", "Жас", "Қан", "Мар", "Өр", "Сай", "Сұл", "Тәң", "Ақ", "Гүл", "Бай", "Ал", "Бер", "Жар", "Қар", "Ораз", "Әли", "Есен",
        "Тілеу", "Сәт", "Құт", "Мол", "Рах", "Саб", "Бат", "Дәр", "Қуан", "Шал", "Еді", "Жұма", "Ома", "Төле",
    ];

    public static readonly string[] KazakhMiddles = ["ы", "лы", "ма", "ке", "та", "ға", "ла", "ар", "ім", "ен"];

    public static readonly string[] KazakhMaleEnds = ["бек", "жан", "бол", "лан", "хан", "бай", "ат", "ұлан", "мұрат", "болат", "ғали", "тай", "ерлан", "мұхамед", "сейіт", "ахмет", "әлі", "бек"];

    public static readonly string[] KazakhFemaleEnds = ["гүл", "ай", "сұлу", "бике", "нұр", "жан", "күл", "шаш", "гүлім", "ара", "зия"];

    public static readonly string[] UyghurRoots =
    [
        "Abdu", "Mu", "Tur", "Nur", "Ad", "Meh", "Rez", "Ay", "Ab", "Ali", "Eh", "Ek", "Er", "Ham", "Ila", "Iz", "Jam", "Kam", "Mir",
        "Nas", "Obul", "Pat", "Qad", "Qur", "Rah", "Sal", "Tah", "Tash", "Ubul", "Yal", "Yus", "Zey", "Zul", "Dil", "Gül", "Mah",
        "Ruq", "Sher", "Xal", "Ghal", "Nij", "Ose", "Pol", "Sop", "Hebib", "Imam", "Ker", "Muxt", "Qah", "Rish",
    ];

    public static readonly string[] UyghurMiddles = ["i", "u", "e", "eq", "ir", "ul", "ex", "im"];

    public static readonly string[] UyghurMaleEnds = ["jan", "bek", "rehim", "ehmet", "xan", "niyaz", "qari", "imin", "eli", "met", "tursun", "ahun", "salam", "qadir", "hesen"];

    public static readonly string[] UyghurFemaleEnds = ["gül", "nisa", "iye", "xan", "nur", "ay", "hayat", "bübi", "jamal", "zat", "ide"];

    public static readonly string[] KyrgyzRoots =
    [
        "Нур", "Эр", "Жан", "Ай", "Бек", "Бол", "Дос", "Кай", "Мур", "Сүй", "Тал", "Түр", "Ул", "Ас", "Ар", "Бак", "Жал", "Дөө",
        "Эрк", "Жаз", "Кан", "Мар", "Өр", "Сай", "Сул", "Тең", "Ак", "Гүл", "Бай", "Ал", "Бер", "Жар", "Кар", "Ороз", "Чол", "Эсен",
    ];

    public static readonly string[] KyrgyzMiddles = ["ы", "ма", "ке", "та", "ла", "ар", "ен", "ыл"];

    public static readonly string[] KyrgyzMaleEnds = ["бек", "жан", "бол", "лан", "кан", "бай", "ат", "улан", "мырза", "болот", "тай", "жигит"];

    public static readonly string[] KyrgyzFemaleEnds = ["гүл", "ай", "сулуу", "бүбү", "нур", "жан", "кан", "зат", "ира"];
}
