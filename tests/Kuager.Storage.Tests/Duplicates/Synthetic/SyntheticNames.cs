using System.Globalization;
using System.Text;

namespace Kuager.Storage.Tests.Duplicates.Synthetic;

/// <summary>The peoples of the synthetic registry; each writes names its own way.</summary>
public enum Ethnic
{
    Kazakh,
    Uyghur,
    Kyrgyz,
    Hui,
    Han,
}

/// <summary>How a family builds the second part of a name.</summary>
public enum NameStyle
{
    /// <summary>Father's name + -ұлы/-қызы (Kazakh), or + уулу/кызы (Kyrgyz): Байболат Құнболатұлы.</summary>
    Patronymic,

    /// <summary>Father's name + -ов/-ова, made anew each generation: Байболат Құнболатов.</summary>
    SurnameFromFather,

    /// <summary>A Russian-style surname kept through the generations: father and children are all Ахметов/Ахметова.</summary>
    FamilySurname,

    /// <summary>The father's bare given name (Uyghur): Ilham Toxti, his daughter Jewher Ilham.</summary>
    FatherName,

    /// <summary>A Chinese surname and given name (Hui, Han): 马明亮.</summary>
    Chinese,
}

/// <summary>The writing systems and spelling conventions a reporter may use for a name.</summary>
public enum Writing
{
    KazakhCyrillic,
    KazakhLatin2021,

    /// <summary>The 2017 Kazakh Latin alphabet with apostrophes (Q'unbolat, S'ynar).</summary>
    KazakhLatinApostrophe,
    KyrgyzCyrillic,
    RussianCyrillic,

    /// <summary>English press: k for қ and q, kh for х, Ye- at the start, Uyghur x as h.</summary>
    Press,

    /// <summary>RFE/RL and RFA style: q and gh kept.</summary>
    PressQ,
    UyghurLatin,
    UyghurArabic,
    UyghurCyrillic,
    Chinese,

    /// <summary>The pinyin of the Chinese form (Yilihamu Tuheti).</summary>
    Pinyin,
}

/// <summary>How one written name gives the second part.</summary>
public enum SecondForm
{
    /// <summary>Құнболатұлы, Бакыт уулу.</summary>
    Patronymic,

    /// <summary>Құнболатов, Ахметова.</summary>
    Surname,

    /// <summary>The father's bare name: Ilham Toxti, Baibolat Kunbolat, 伊力哈木·土赫提.</summary>
    Father,

    /// <summary>Russian documents: surname, given name, -ович/-овна patronymic (Ахметов Нурлан Серикович).</summary>
    RussianFull,

    /// <summary>Chinese surname (Hui, Han).</summary>
    ChineseSurname,
}

/// <summary>One given name: its master spelling (Kazakh or Kyrgyz Cyrillic, Uyghur Latin), and where known its Chinese transcription and an irregular press spelling.</summary>
public sealed record Lexeme(string Master, string? Chinese, string? Press);

/// <summary>What a name is made of, before it is written: given name, father's name, family surname root, style.</summary>
public readonly record struct NameSpec(Ethnic Ethnic, bool Female, int Given, int Father, int SurnameRoot, bool SurnameFemale, NameStyle Style);

/// <summary>
/// Hand-written name tables and a small renderer per writing system, written for the duplicate tests from the public
/// tables in docs/names.md and deliberately NOT from Kuager.Names: the test must not grade the name library against its
/// own tables. Kazakh Cyrillic → Kazakh Latin (2021 and 2017), Russian Cyrillic and English press; Uyghur Latin (ULY) →
/// Uyghur Arabic, Uyghur and Russian Cyrillic, press; hand-written Chinese transcriptions and their pinyin.
/// </summary>
public static class SyntheticNames
{
    // Entry syntax: "master" or "master|chinese" or "master|chinese|press" (chinese may be empty).
    private static readonly string[] KazakhMale =
    [
        "Нұрлан|努尔兰", "Серік|赛力克", "Ерлан|叶尔兰|Yerlan", "Бауыржан|包尔江|Baurzhan", "Мұрат|木拉提", "Қайрат|凯拉提|Kairat",
        "Асқар|阿斯卡尔|Askar", "Ерболат|叶尔波拉提", "Дәулет|达吾列提|Daulet", "Жандос", "Бақыт|巴合提|Bakhyt", "Ержан|叶尔江|Yerzhan",
        "Талғат", "Самат", "Арман|阿尔曼", "Айдос", "Бекзат", "Дәурен", "Ғалым", "Ербол|叶尔波力|Yerbol", "Жанболат", "Қуаныш",
        "Мейрам", "Нұржан|努尔江", "Олжас", "Рүстем", "Санжар", "Тимур", "Әділет", "Еркін", "Бейбіт", "Болат|波拉提", "Есен",
        "Жомарт", "Қанат|哈那提|Kanat", "Марат|马拉提", "Нұрболат", "Руслан", "Сәкен", "Тоқтар", "Азамат|阿扎马提", "Алмас",
        "Бақытжан|巴合提江|Bakhytzhan", "Дархан", "Исатай", "Қасым|哈斯木|Kassym", "Мақсат", "Абай|阿拜", "Ахмет|艾合买提|Akhmet",
        "Омар|奥马尔", "Оспан|奥斯潘", "Құнболат", "Сәттар", "Серікбай", "Жақып", "Қасен", "Әбдірахман", "Мұхтар", "Сұлтан|苏力坦",
        "Нұртай", "Байболат||Baibolat", "Досжан", "Қалжан", "Мұхамед", "Оразалы", "Төлеген", "Шоқан", "Назарбай", "Сәрсен",
        "Жұмабай", "Бекмұрат", "Ерсайын", "Серғали", "Қабылбек", "Мақсұт", "Ғабит", "Жәнібек|加尼别克", "Ділмұрат", "Қайсар",
        "Әлібек", "Тұрсын|吐尔逊", "Құрманбек", "Қадыр", "Мұқаш", "Есбол", "Айбек", "Қонысбай", "Ахат|阿哈提", "Ақылбек",
    ];

    private static readonly string[] KazakhFemale =
    [
        "Айгерім", "Гүлнар|古丽娜尔", "Әсел|阿赛丽|Assel", "Жанар|加娜尔", "Сәуле", "Мадина|马迪娜", "Дана|达娜", "Айжан|阿依江|Aizhan",
        "Гүлмира", "Динара|迪娜拉", "Жұлдыз", "Қарлығаш", "Мөлдір", "Назерке", "Перизат", "Салтанат", "Толқын", "Ақмарал", "Балжан",
        "Гүлжан|古丽江", "Дариға", "Жібек", "Қаламқас", "Ләззат", "Меруерт", "Нұргүл|努尔古丽", "Райхан", "Сандуғаш", "Тоғжан",
        "Ұлжан", "Шынар", "Айнұр|阿依努尔", "Ботагөз", "Гауһар", "Жансая", "Зәуре", "Күлпаш", "Ләйла", "Сайрагүл", "Қайша||Kaisha",
        "Бақытгүл", "Гүлбағила", "Жайнагүл", "Айым", "Гүлзада", "Ақбота", "Зарина", "Камила", "Әсем", "Сымбат", "Аружан",
        "Данагүл", "Бибігүл", "Күләш", "Роза",
    ];

    private static readonly string[] UyghurMale =
    [
        "Ilham|伊力哈木", "Tursun|吐尔逊", "Memet|买买提", "Muhemmet", "Abdurehim|阿不都热依木", "Abdulla|阿不都拉", "Ablimit|阿不力米提",
        "Erkin|艾尔肯", "Nurmemet|努尔买买提", "Rozi|肉孜", "Qadir|卡德尔|Kadeer", "Ehmet|艾合买提|Ahmet", "Hesen|艾山|Hasan",
        "Ismayil|伊斯马伊力", "Yusup|玉素甫", "Tahir|塔依尔", "Obul|吾布力", "Exmetjan|艾合买提江|Ahmatjan", "Adil|阿迪力",
        "Alim|阿力木", "Barat|巴拉提", "Dilshat|迪力夏提", "Eli|艾力", "Ghulam", "Hakim", "Imin|依明", "Jappar", "Kerim|克力木",
        "Mamut|麻木提", "Nijat", "Osman|吾斯曼", "Perhat|帕尔哈提", "Qurban|库尔班", "Rishat", "Sabit", "Shöhret|肖开提",
        "Toxti|土赫提|Tohti", "Ömer|吾买尔|Omer", "Weli|外力", "Yasin|亚森", "Zunun", "Abduqadir|阿不都卡德尔", "Abdusalam|阿不都沙拉木",
        "Mehmut|买合木提", "Niyaz|尼亚孜", "Sadiq|萨迪克", "Ekber|艾克拜尔", "Ghopur|吾甫尔", "Mijit|米吉提", "Tursunjan|吐尔逊江",
        "Ablet|阿不来提", "Ekrem", "Mutellip|木太力普", "Nezer", "Rahman|热合曼", "Abliz|阿不力孜", "Eysa|艾萨", "Qeyser",
        "Yüsüpjan|玉素甫江", "Abdurahman|阿不都热合曼", "Memtimin|买买提明", "Kamil", "Qasim|卡斯木", "Turghun|吐尔洪",
        "Abdukerim|阿不都克力木", "Ibrahim|依布拉音", "Yaqup|亚库甫", "Shirip", "Jelil|吉力力", "Sawut|沙吾提", "Hamit|哈米提",
        "Abduweli|阿不都外力", "Muhter", "Nurahmet", "Tayir", "Anwer|安外尔", "Ghalip", "Rustem",
    ];

    private static readonly string[] UyghurFemale =
    [
        "Gülbahar|古丽巴哈尔", "Mihrigül|米日古丽|Mihrigul", "Rahile|热依拉", "Rahime", "Gülnar|古丽娜尔", "Aygül|阿依古丽", "Dilnur|迪丽努尔",
        "Dilnigar", "Jewher", "Patigül|帕提古丽", "Aynur|阿依努尔", "Buhejer", "Gülzire", "Mahire", "Meryem|麦尔燕", "Nurgül|努尔古丽",
        "Nuriye", "Paride", "Reyhan|热依汗", "Rizwangül", "Roshengül", "Sajide", "Tajigül", "Zulpiye|祖丽皮亚", "Zöhre|佐合热",
        "Ayshem|阿依仙木", "Xeyrinsa", "Gülmire", "Arzigül|阿孜古丽", "Bahargül|巴哈古丽", "Dilber|迪丽拜尔", "Hörnisa", "Mehriban|米合日班",
        "Qelbinur|开丽比努尔", "Sanuber", "Tursungül|吐尔逊古丽", "Zumret|祖木热提", "Rabiye|热比娅|Rebiya", "Gulshen", "Renagül|热娜古丽",
        "Sayime", "Mukerrem", "Ayxan|阿依汗", "Nazugum", "Horigül", "Mihray", "Pezilet", "Munire",
    ];

    private static readonly string[] KyrgyzMale =
    [
        "Азамат", "Бакыт", "Нурлан", "Талант", "Улан", "Эрлан", "Бектур", "Жыргалбек", "Кубанычбек", "Чыңгыз", "Алмазбек", "Сооронбай",
        "Темир", "Адилет", "Эрмек", "Медер", "Нурбек", "Жоомарт", "Каныбек", "Өмүрбек", "Үсөн", "Асанбек", "Садыр", "Алтынбек",
        "Курманбек", "Таалай", "Мирлан", "Нуржигит", "Эмил", "Бакай", "Токтогул", "Мамбет",
    ];

    private static readonly string[] KyrgyzFemale =
    [
        "Айгүл", "Айпери", "Гүлнара", "Жылдыз", "Назгүл", "Чолпон", "Бермет", "Айжаркын", "Нургүл", "Асел", "Мээрим", "Гүлзат",
        "Динара", "Айзада", "Бурул", "Жибек", "Күмүшай", "Сезим", "Элмира", "Айсулуу",
    ];

    // The long tail: names composed of a root and an ending, as the real ones are (Нұр+бек, Abdu+rehim, Гүл+жан), each
    // with its Chinese transcription when both pieces have one (阿不都 + 热依木). Entry syntax as above.
    private static readonly string[] KazakhRoots =
    [
        "Нұр|努尔", "Ер|叶尔", "Ай|阿依", "Бақ|巴合", "Сер|赛尔", "Ас|阿斯", "Ораз|奥拉孜", "Тұр|吐尔", "Дос|多斯", "Ақ|阿克", "Мұр|木尔",
        "Есен|叶森", "Жұма|居马", "Сәт|沙提", "Қуан|宽", "Бек|别克", "Ғали|哈力", "Бай|拜", "Қай|凯", "Төле|托列", "Мол|莫勒", "Ерке|叶尔克",
        "Құт|库特", "Қара|卡拉", "Алтын|阿勒腾", "Темір|铁木尔", "Жас|加斯", "Сайын", "Жарқын", "Бәки", "Орын", "Ұзақ", "Шәкен", "Дәулет|达吾列提",
    ];

    private static readonly string[] KazakhMaleEnds =
    [
        "бек|别克", "жан|江", "болат|波拉提", "хан|汗", "бай|拜", "ғали|哈力", "тай|泰", "мұрат|木拉提", "ахмет|艾合买提", "бол|波力", "ұлан|吾兰",
        "сұлтан|苏力坦", "нұр|努尔", "ғазы", "сейіт", "әділ",
    ];

    private static readonly string[] KazakhFemaleRoots =
    [
        "Ай|阿依", "Гүл|古丽", "Нұр|努尔", "Ақ|阿克", "Бал|巴勒", "Жан|加恩", "Сая", "Мөл", "Ләз", "Күн|昆", "Шол", "Бақыт|巴合提", "Дәме", "Ұл",
        "Жұлдыз", "Сәуле", "Ару|阿如",
    ];

    private static readonly string[] KazakhFemaleEnds = ["гүл|古丽", "ай|阿依", "жан|江", "нұр|努尔", "сұлу|苏鲁", "бике|比克", "ша|夏", "зада|扎达", "гүлім", "сара"];

    private static readonly string[] UyghurRoots =
    [
        "Abdu|阿不都", "Nur|努尔", "Tursun|吐尔逊", "Eli|艾力", "Memet|买买提", "Ehmet|艾合买提", "Imin|依明", "Qurban|库尔班", "Rozi|肉孜",
        "Hesen|艾山", "Osman|吾斯曼", "Yusup|玉素甫", "Hür|胡尔", "Mer|麦尔", "Tash|塔什", "Qasim|卡斯木", "Ab|阿布", "Ghul", "Mijit|米吉提",
        "Turdi|吐尔地", "Qeyyum", "Sher|谢尔", "Ubul|吾布力",
    ];

    private static readonly string[] UyghurMaleEnds =
    [
        "jan|江", "bek|别克", "niyaz|尼亚孜", "ehmet|艾合买提", "eli|艾力", "imin|依明", "qadir|卡德尔", "rehim|热依木", "rahman|热合曼",
        "salam|沙拉木", "kerim|克力木", "weli|外力", "hesen|艾山", "toxti|土赫提", "ahun|阿洪", "qari", "reshit|热西提",
    ];

    private static readonly string[] UyghurFemaleRoots =
    [
        "Dil|迪丽", "Gül|古丽", "Ay|阿依", "Mihri|米合日", "Nur|努尔", "Hür|胡尔", "Pati|帕提", "Tursun|吐尔逊", "Qelbi|开丽比", "Reyhan|热依汗",
        "Meh|麦合", "Zey|再", "Ari|阿日", "Bahar|巴哈尔", "Rena|热娜", "Sanu", "Hör", "Mukerrem",
    ];

    private static readonly string[] UyghurFemaleEnds = ["gül|古丽", "nisa|尼莎", "xan|汗", "nur|努尔", "ay|阿依", "zire|孜热", "bübi|比比", "zat|扎提", "nigar|尼尕尔", "bar|巴尔"];

    private static readonly string[] KyrgyzRoots =
    [
        "Нур", "Эр", "Жан", "Ай", "Бек", "Бол", "Дос", "Кай", "Мур", "Тал", "Түр", "Ул", "Ас", "Ар", "Бак", "Жал", "Эрк", "Кан", "Мар", "Сай",
        "Сул", "Ак", "Бай", "Ал", "Бер", "Кар", "Ороз", "Чол", "Эсен", "Темир", "Алтын", "Таш",
    ];

    private static readonly string[] KyrgyzMaleEnds = ["бек", "жан", "бол", "лан", "кан", "бай", "ат", "улан", "мырза", "болот", "тай", "жигит"];

    private static readonly string[] KyrgyzFemaleRoots = ["Ай", "Гүл", "Нур", "Ак", "Бүбү", "Жан", "Чол", "Мээр", "Бер", "Жылдыз", "Назик", "Күн", "Сай"];

    private static readonly string[] KyrgyzFemaleEnds = ["гүл", "ай", "сулуу", "бүбү", "нур", "жан", "кан", "зат", "ира", "пери"];

    // Chinese names: "character|pinyin|Palladius Cyrillic".
    private static readonly string[] ChineseSurnames =
    [
        "马|Ma|Ма", "杨|Yang|Ян", "李|Li|Ли", "王|Wang|Ван", "张|Zhang|Чжан", "白|Bai|Бай", "丁|Ding|Дин", "海|Hai|Хай", "冶|Ye|Е",
        "韩|Han|Хань", "刘|Liu|Лю", "陈|Chen|Чэнь", "苏|Su|Су", "何|He|Хэ", "周|Zhou|Чжоу", "吴|Wu|У", "赵|Zhao|Чжао", "黄|Huang|Хуан",
        "孙|Sun|Сунь", "罗|Luo|Ло",
    ];

    private static readonly string[] ChineseMaleSyllables =
    [
        "明|ming|мин", "建|jian|цзянь", "国|guo|го", "华|hua|хуа", "伟|wei|вэй", "军|jun|цзюнь", "文|wen|вэнь", "德|de|дэ", "忠|zhong|чжун",
        "福|fu|фу", "成|cheng|чэн", "平|ping|пин", "林|lin|линь", "强|qiang|цян", "良|liang|лян", "学|xue|сюэ", "义|yi|и", "清|qing|цин",
        "俊|jun|цзюнь", "山|shan|шань", "东|dong|дун", "志|zhi|чжи", "荣|rong|жун", "富|fu|фу", "刚|gang|ган", "勇|yong|юн", "斌|bin|бинь",
        "涛|tao|тао", "鹏|peng|пэн", "辉|hui|хуэй", "峰|feng|фэн", "杰|jie|цзе", "磊|lei|лэй", "超|chao|чао", "波|bo|бо", "飞|fei|фэй",
        "龙|long|лун", "宏|hong|хун", "新|xin|синь", "春|chun|чунь", "发|fa|фа", "贵|gui|гуй", "宝|bao|бао", "云|yun|юнь", "永|yong|юн",
        "长|chang|чан", "庆|qing|цин", "生|sheng|шэн", "正|zheng|чжэн", "光|guang|гуан", "亮|liang|лян", "晓|xiao|сяо", "家|jia|цзя",
        "兴|xing|син", "安|an|ань", "仁|ren|жэнь", "武|wu|у", "坤|kun|кунь", "宇|yu|юй", "浩|hao|хао",
    ];

    private static readonly string[] ChineseFemaleSyllables =
    [
        "英|ying|ин", "兰|lan|лань", "芳|fang|фан", "玉|yu|юй", "秀|xiu|сю", "梅|mei|мэй", "红|hong|хун", "萍|ping|пин", "霞|xia|ся",
        "燕|yan|янь", "花|hua|хуа", "琴|qin|цинь", "丽|li|ли", "娟|juan|цзюань", "凤|feng|фэн", "珍|zhen|чжэнь", "敏|min|минь",
        "静|jing|цзин", "婷|ting|тин", "雪|xue|сюэ", "慧|hui|хуэй", "娜|na|на", "艳|yan|янь", "洁|jie|цзе", "丹|dan|дань", "颖|ying|ин",
        "月|yue|юэ", "桂|gui|гуй", "菊|ju|цзюй", "莲|lian|лянь", "翠|cui|цуй", "芬|fen|фэнь", "美|mei|мэй", "晶|jing|цзин", "蓉|rong|жун",
        "琳|lin|линь", "倩|qian|цянь", "佳|jia|цзя", "欣|xin|синь", "悦|yue|юэ",
    ];

    // The pinyin of every character the transcriptions above use (checked at start: a missing one fails at once).
    private const string TranscriptionPinyin =
        "努:nu 尔:er 兰:lan 赛:sai 力:li 克:ke 叶:ye 包:bao 江:jiang 木:mu 拉:la 提:ti 凯:kai 阿:a 斯:si 卡:ka 波:bo 达:da 吾:wu " +
        "列:lie 巴:ba 合:he 曼:man 哈:ha 那:na 马:ma 扎:zha 奥:ao 潘:pan 艾:ai 买:mai 苏:su 坦:tan 加:jia 尼:ni 别:bie 逊:xun 依:yi " +
        "丽:li 娜:na 迪:di 古:gu 伊:yi 都:du 不:bu 米:mi 肯:ken 肉:rou 孜:zi 德:de 山:shan 素:su 甫:fu 塔:ta 布:bu 夏:xia 明:ming " +
        "麻:ma 帕:pa 库:ku 班:ban 肖:xiao 开:kai 土:tu 赫:he 外:wai 亚:ya 森:sen 沙:sha 萨:sa 拜:bai 吉:ji 来:lai 太:tai 普:pu " +
        "热:re 音:yin 洪:hong 安:an 吐:tu 玉:yu 燕:yan 汗:han 皮:pi 佐:zuo 仙:xian 比:bi 祖:zu 娅:ya 日:ri 麦:mai 卜:bu 若:ruo 利:li " +
        "莉:li 可:ke 儿:er 居:ju 宽:kuan 托:tuo 莫:mo 勒:le 腾:teng 铁:tie 泰:tai 鲁:lu 什:shi 特:te 纳:na 昆:kun 如:ru 恩:en 胡:hu " +
        "地:di 谢:xie 莎:sha 洪:hong 西:xi 再:zai 尕:ga 叶:ye 森:sen 多:duo";

    /// <summary>Look-alike characters that real records swap (older and newer transcriptions, homophones): the typos of Chinese.</summary>
    private static readonly Dictionary<char, char> ChineseVariants = new()
    {
        ['买'] = '麦', ['麦'] = '买', ['不'] = '卜', ['卜'] = '不', ['肉'] = '若', ['若'] = '肉', ['依'] = '伊', ['伊'] = '依',
        ['力'] = '利', ['利'] = '力', ['丽'] = '莉', ['莉'] = '丽', ['克'] = '可', ['尔'] = '儿',
    };

    private static readonly Dictionary<(Ethnic, bool), Lexeme[]> Lexicon = BuildLexicon();

    private static readonly (string Char, string Pinyin, string Cyrillic)[] Surnames = ParseChinese(ChineseSurnames);
    private static readonly (string Char, string Pinyin, string Cyrillic)[] MaleSyllables = ParseChinese(ChineseMaleSyllables);
    private static readonly (string Char, string Pinyin, string Cyrillic)[] FemaleSyllables = ParseChinese(ChineseFemaleSyllables);
    private static readonly Dictionary<char, string> Pinyin = BuildPinyin();

    /// <summary>The given names of a people, most common first (the generator draws them with Zipf-like frequencies).</summary>
    public static IReadOnlyList<Lexeme> GivenNames(Ethnic ethnic, bool female) => Lexicon[(ChineseNamed(ethnic) ? Ethnic.Hui : ethnic, female)];

    /// <summary>The index of a given name in its people's list, by its master spelling.</summary>
    public static int IndexOf(Ethnic ethnic, bool female, string master)
    {
        var names = GivenNames(ethnic, female);
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i].Master == master)
            {
                return i;
            }
        }

        throw new ArgumentException($"{master} is not a {(female ? "female" : "male")} {ethnic} name of the synthetic tables", nameof(master));
    }

    public static bool ChineseNamed(Ethnic ethnic) => ethnic is Ethnic.Hui or Ethnic.Han;

    public static int ChineseSurnameCount => Surnames.Length;

    /// <summary>The systems a reporter of this people writes in, with how often (weights).</summary>
    public static IReadOnlyList<(Writing Writing, int Weight)> Writings(Ethnic ethnic) => ethnic switch
    {
        Ethnic.Kazakh =>
        [
            (Writing.KazakhCyrillic, 34), (Writing.RussianCyrillic, 20), (Writing.Press, 20), (Writing.PressQ, 5), (Writing.KazakhLatin2021, 8),
            (Writing.KazakhLatinApostrophe, 4), (Writing.Chinese, 6), (Writing.Pinyin, 3),
        ],
        Ethnic.Uyghur =>
        [
            (Writing.UyghurLatin, 24), (Writing.UyghurArabic, 20), (Writing.Press, 24), (Writing.PressQ, 4), (Writing.RussianCyrillic, 8),
            (Writing.UyghurCyrillic, 5), (Writing.Chinese, 11), (Writing.Pinyin, 4),
        ],
        Ethnic.Kyrgyz => [(Writing.KyrgyzCyrillic, 40), (Writing.RussianCyrillic, 30), (Writing.Press, 30)],
        _ => [(Writing.Chinese, 50), (Writing.Pinyin, 35), (Writing.RussianCyrillic, 15)],
    };

    /// <summary>The script code a reporter would label a name with (as the import's "kk-Cyrl:" prefix), or null to leave it to detection.</summary>
    public static string? ScriptCode(Writing writing) => writing switch
    {
        Writing.KazakhCyrillic => "kk-Cyrl",
        Writing.KazakhLatin2021 or Writing.KazakhLatinApostrophe => "kk-Latn",
        Writing.RussianCyrillic => "ru-Cyrl",
        Writing.UyghurLatin => "ug-Latn",
        Writing.UyghurArabic => "ug-Arab",
        Writing.UyghurCyrillic => "ug-Cyrl",
        Writing.Chinese => "zh-Hans",
        _ => null,
    };

    /// <summary>Whether a name can be written in this system at all (Chinese needs a transcription of every part).</summary>
    public static bool CanWrite(NameSpec spec, Writing writing)
    {
        if (ChineseNamed(spec.Ethnic) || writing is not (Writing.Chinese or Writing.Pinyin))
        {
            return true;
        }

        return Given(spec).Chinese is not null && Father(spec).Chinese is not null;
    }

    /// <summary>The second-name forms records in this system use for this style, the usual one first.</summary>
    public static IReadOnlyList<SecondForm> Forms(NameSpec spec, Writing writing)
    {
        if (ChineseNamed(spec.Ethnic))
        {
            return [SecondForm.ChineseSurname];
        }

        if (writing is Writing.Chinese or Writing.Pinyin)
        {
            return [SecondForm.Father]; // Chinese records: 名·父名
        }

        var russian = writing == Writing.RussianCyrillic;
        return spec.Style switch
        {
            NameStyle.Patronymic => russian ? [SecondForm.Patronymic, SecondForm.Surname, SecondForm.Father] : [SecondForm.Patronymic, SecondForm.Father, SecondForm.Surname],
            NameStyle.SurnameFromFather => russian ? [SecondForm.Surname, SecondForm.RussianFull, SecondForm.Patronymic] : [SecondForm.Surname, SecondForm.Patronymic, SecondForm.Father],
            NameStyle.FamilySurname => russian ? [SecondForm.Surname, SecondForm.RussianFull] : [SecondForm.Surname],
            _ => writing is Writing.RussianCyrillic or Writing.UyghurCyrillic ? [SecondForm.Father, SecondForm.Surname] : [SecondForm.Father],
        };
    }

    /// <summary>The name written in one system and form; swapped puts the second part (surname, father's name) first.</summary>
    public static string Render(NameSpec spec, Writing writing, SecondForm form, bool swapped)
    {
        if (ChineseNamed(spec.Ethnic))
        {
            return RenderChinese(spec, writing, swapped);
        }

        var given = Given(spec);
        var father = Father(spec);
        if (writing is Writing.Chinese or Writing.Pinyin)
        {
            string[] parts = writing == Writing.Chinese
                ? [given.Chinese!, father.Chinese!]
                : [PinyinOf(given.Chinese!), PinyinOf(father.Chinese!)];
            if (swapped)
            {
                Array.Reverse(parts);
            }

            return string.Join(writing == Writing.Chinese ? "·" : " ", parts);
        }

        // Tokens in the master spelling, each with the lexeme it comes from (for irregular press spellings).
        var tokens = new List<(string Master, Lexeme? Lexeme)> { (given.Master, given) };
        var surnameRoot = spec.Style == NameStyle.FamilySurname ? Root(spec) : father;
        switch (form)
        {
            case SecondForm.Patronymic when spec.Ethnic == Ethnic.Kyrgyz:
                tokens.Add((father.Master, father));
                tokens.Add((spec.Female ? "кызы" : "уулу", null));
                break;
            case SecondForm.Patronymic:
                tokens.Add((Patronymic(father.Master, spec.Female), null));
                break;
            case SecondForm.Surname:
                tokens.Add((Surname(spec.Ethnic, surnameRoot.Master, spec.Style == NameStyle.FamilySurname ? spec.SurnameFemale : spec.Female), null));
                break;
            case SecondForm.RussianFull:
                tokens.Insert(0, (Surname(spec.Ethnic, surnameRoot.Master, spec.Style == NameStyle.FamilySurname ? spec.SurnameFemale : spec.Female), null));
                tokens.Add((RussianPatronymic(ToRussian(spec.Ethnic, father.Master), spec.Female), null));
                break;
            default:
                tokens.Add((father.Master, father));
                break;
        }

        var written = tokens.Select(t => Token(spec.Ethnic, t.Master, t.Lexeme, writing)).ToList();
        if (swapped && form != SecondForm.RussianFull)
        {
            // Surname first, as Russian documents and lists write it; a Kyrgyz "X уулу" moves as one.
            var given0 = written[0];
            written.RemoveAt(0);
            written.Add(given0);
        }

        return string.Join(' ', written);
    }

    private static string RenderChinese(NameSpec spec, Writing writing, bool swapped)
    {
        var surname = Surnames[spec.SurnameRoot % Surnames.Length];
        var syllables = spec.Female ? FemaleSyllables : MaleSyllables;

        // The given name is two syllables (rarely one), both coded in the lexeme index.
        var first = syllables[spec.Given % syllables.Length];
        var second = ((spec.Given / syllables.Length) + 1) % (syllables.Length + 1);
        var givenChars = first.Char + (second == 0 ? "" : syllables[second - 1].Char);
        var givenPinyin = first.Pinyin + (second == 0 ? "" : syllables[second - 1].Pinyin);
        var givenCyrillic = first.Cyrillic + (second == 0 ? "" : syllables[second - 1].Cyrillic);
        return writing switch
        {
            Writing.Chinese => swapped ? givenChars + surname.Char : surname.Char + givenChars,
            Writing.Pinyin => swapped ? Capitalize(givenPinyin) + " " + surname.Pinyin : surname.Pinyin + " " + Capitalize(givenPinyin),
            _ => swapped ? Capitalize(givenCyrillic) + " " + surname.Cyrillic : surname.Cyrillic + " " + Capitalize(givenCyrillic),
        };
    }

    /// <summary>How many distinct given names a Chinese-named person may have (one or two syllables).</summary>
    public static int ChineseGivenCount(bool female)
    {
        var n = (female ? FemaleSyllables : MaleSyllables).Length;
        return n * (n + 1);
    }

    private static Lexeme Given(NameSpec spec) => GivenNames(spec.Ethnic, spec.Female)[spec.Given];

    private static Lexeme Father(NameSpec spec) => GivenNames(spec.Ethnic, false)[spec.Father];

    private static Lexeme Root(NameSpec spec) => GivenNames(spec.Ethnic, false)[spec.SurnameRoot];

    private static bool IsCyrillicVowel(char c) => "аәеёиоөуұүыіэюя".Contains(char.ToLowerInvariant(c), StringComparison.Ordinal);

    private static bool IsUlyVowel(char c) => "aeéioöuü".Contains(char.ToLowerInvariant(c), StringComparison.Ordinal);

    /// <summary>Father's name + -ұлы/-қызы, written joined (Құнболатұлы).</summary>
    private static string Patronymic(string father, bool female) => father + (female ? "қызы" : "ұлы");

    /// <summary>A Russian-style surname from a name: -ов after a consonant, -ев after a vowel or й, -а for women.</summary>
    private static string Surname(Ethnic ethnic, string root, bool female)
    {
        if (ethnic == Ethnic.Uyghur)
        {
            // Written only in Cyrillic (Uyghurs of Kazakhstan): Toxti -> Тохтиев, Ilham -> Илхамов.
            return root + (IsUlyVowel(root[^1]) ? "év" : "ov") + (female ? "a" : "");
        }

        var stem = root.EndsWith('й') ? root[..^1] : root;
        var ending = root.EndsWith('й') || IsCyrillicVowel(root[^1]) ? "ев" : "ов";
        return stem + ending + (female ? "а" : "");
    }

    /// <summary>The Russian patronymic: -ович/-овна after a consonant, -евич/-евна after a vowel or й (Токай -> Токаевич, Нурали -> Нуралиевич).</summary>
    private static string RussianPatronymic(string russianFather, bool female)
    {
        if (russianFather.EndsWith('й'))
        {
            return russianFather[..^1] + (female ? "евна" : "евич");
        }

        return russianFather + (IsCyrillicVowel(russianFather[^1]) ? (female ? "евна" : "евич") : (female ? "овна" : "ович"));
    }

    /// <summary>A master token written in another system.</summary>
    private static string Token(Ethnic ethnic, string master, Lexeme? lexeme, Writing writing)
    {
        if (writing == Writing.Press && lexeme?.Press is { } press)
        {
            return press;
        }

        var written = ethnic == Ethnic.Uyghur ? FromUly(master, writing) : FromCyrillic(ethnic, master, writing);

        // The Kyrgyz "уулу"/"кызы" stays a lower-case word in every script (Bakyt uulu).
        return master is "уулу" or "кызы" ? written.ToLowerInvariant() : written;
    }

    private static string ToRussian(Ethnic ethnic, string master) =>
        ethnic == Ethnic.Uyghur ? Capitalize(MapUnits(master.ToLowerInvariant(), UlyToRussian, russian: true)) : Capitalize(Map(master.ToLowerInvariant(), KazakhToRussian));

    // ---- Kazakh and Kyrgyz Cyrillic ----

    private static readonly Dictionary<char, string> KazakhToLatin2021 = Table(
        "а a ә ä б b в v г g ғ ğ д d е e ё io ж j з z и i й i к k қ q л l м m н n ң ñ о o ө ö п p р r с s т t у u ұ ū ү ü ф f " +
        "х h һ h ц ts ч ch ш ş щ şş ъ _ ы y і ı ь _ э e ю iu я ia");

    private static readonly Dictionary<char, string> KazakhToApostrophe = Table(
        "а a ә a' б b в v г g ғ g' д d е e ё io ж j з z и i' й i' к k қ q л l м m н n ң n' о o ө o' п p р r с s т t у y' ұ u ү u' " +
        "ф f х h һ h ц ts ч c' ш s' щ s's' ъ _ ы y і i ь _ э e ю i'y' я i'a");

    private static readonly Dictionary<char, string> KazakhToRussian = Table("ә а ғ г қ к ң н ө о ұ у ү у і и һ х");

    private static readonly Dictionary<char, string> CyrillicToPress = Table(
        "а a ә a б b в v г g ғ g д d е e ё yo ж zh з z и i й i к k қ k л l м m н n ң n о o ө o п p р r с s т t у u ұ u ү u ф f " +
        "х kh һ h ц ts ч ch ш sh щ shch ъ _ ы y і i ь _ э e ю yu я ya");

    private static readonly Dictionary<char, string> CyrillicToPressQ = Table(
        "а a ә a б b в v г g ғ gh д d е e ё yo ж zh з z и i й y к k қ q л l м m н n ң ng о o ө o п p р r с s т t у u ұ u ү u " +
        "ф f х kh һ h ц ts ч ch ш sh щ shch ъ _ ы y і i ь _ э e ю yu я ya");

    private static string FromCyrillic(Ethnic ethnic, string master, Writing writing)
    {
        var lower = master.ToLowerInvariant();
        if (ethnic == Ethnic.Kyrgyz && writing is Writing.KazakhCyrillic or Writing.KazakhLatin2021 or Writing.KazakhLatinApostrophe)
        {
            writing = Writing.KyrgyzCyrillic;
        }

        var result = writing switch
        {
            Writing.KazakhCyrillic or Writing.KyrgyzCyrillic => lower,
            Writing.KazakhLatin2021 => Latin2021(lower),
            Writing.KazakhLatinApostrophe => Map(lower, KazakhToApostrophe),
            Writing.RussianCyrillic => Map(lower, KazakhToRussian),
            Writing.Press => InitialYe(Map(lower, CyrillicToPress), lower),
            Writing.PressQ => InitialYe(Map(lower, CyrillicToPressQ), lower),
            _ => throw new ArgumentOutOfRangeException(nameof(writing), writing, "not a system for Cyrillic-mastered names"),
        };
        return writing == Writing.KazakhLatin2021 ? result : Capitalize(result);
    }

    /// <summary>Kazakh Latin 2021: і is ı (capital I), и and й are i (capital İ).</summary>
    private static string Latin2021(string lower)
    {
        var latin = Map(lower, KazakhToLatin2021);
        if (latin.Length == 0)
        {
            return latin;
        }

        var head = lower[0] switch
        {
            'і' => "I",
            'и' or 'й' => "İ",
            _ => char.ToUpperInvariant(latin[0]).ToString(),
        };
        return head + latin[1..];
    }

    private static string InitialYe(string romanised, string cyrillic) =>
        cyrillic.StartsWith('е') && romanised.StartsWith('e') ? "y" + romanised : romanised;

    // ---- Uyghur Latin (ULY) ----

    private static readonly string[] UlyUnits = ["ch", "zh", "sh", "gh", "ng", "a", "b", "d", "e", "é", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "ö", "p", "q", "r", "s", "t", "u", "ü", "v", "w", "x", "y", "z"];

    private static readonly Dictionary<string, string> UlyToArabic = UnitTable(
        "a ا e ە é ې i ى o و u ۇ ö ۆ ü ۈ b ب p پ t ت j ج ch چ x خ d د r ر z ز zh ژ s س sh ش gh غ f ف q ق k ك g گ ng ڭ l ل " +
        "m م n ن h ھ w ۋ v ۋ y ي");

    private static readonly Dictionary<string, string> UlyToUyghurCyrillic = UnitTable(
        "a а e ә é е i и o о u у ö ө ü ү b б p п t т j җ ch ч x х d д r р z з zh ж s с sh ш gh ғ f ф q қ k к g г ng ң l л " +
        "m м n н h һ w в v в y й");

    private static readonly Dictionary<string, string> UlyToRussian = UnitTable(
        "a а e е é е i и o о u у ö о ü у b б p п t т j дж ch ч x х d д r р z з zh ж s с sh ш gh г f ф q к k к g г ng нг l л " +
        "m м n н h х w в v в y й");

    private static readonly Dictionary<string, string> UlyToPress = UnitTable(
        "a a e e é e i i o o u u ö o ü u b b p p t t j j ch ch x h d d r r z z zh zh s s sh sh gh gh f f q k k k g g ng ng l l " +
        "m m n n h h w w v v y y");

    private static readonly Dictionary<string, string> UlyToPressQ = UnitTable(
        "a a e e é e i i o o u u ö o ü u b b p p t t j j ch ch x kh d d r r z z zh zh s s sh sh gh gh f f q q k k g g ng ng l l " +
        "m m n n h h w w v v y y");

    private static string FromUly(string master, Writing writing)
    {
        var lower = master.ToLowerInvariant();
        var result = writing switch
        {
            Writing.UyghurLatin => lower,
            Writing.UyghurArabic => UlyArabic(lower),
            Writing.UyghurCyrillic => MapUnits(lower, UlyToUyghurCyrillic, russian: false),
            Writing.RussianCyrillic or Writing.KazakhCyrillic or Writing.KyrgyzCyrillic => MapUnits(lower, UlyToRussian, russian: true),
            Writing.Press or Writing.KazakhLatin2021 or Writing.KazakhLatinApostrophe => MapUnits(lower, UlyToPress, russian: false),
            Writing.PressQ => MapUnits(lower, UlyToPressQ, russian: false),
            _ => throw new ArgumentOutOfRangeException(nameof(writing), writing, "not a system for Uyghur names"),
        };
        return writing == Writing.UyghurArabic ? result : Capitalize(result);
    }

    private static IEnumerable<string> Units(string uly)
    {
        for (var i = 0; i < uly.Length;)
        {
            var unit = UlyUnits.FirstOrDefault(u => string.CompareOrdinal(uly, i, u, 0, u.Length) == 0) ?? uly[i].ToString();
            if (unit == "ng" && i + 2 < uly.Length && IsUlyVowel(uly[i + 2]))
            {
                unit = "n"; // Rizwangül is Rizwan-gül
            }

            yield return unit;
            i += unit.Length;
        }
    }

    private static string UlyArabic(string uly)
    {
        var sb = new StringBuilder(uly.Length);
        var previousVowel = true;
        foreach (var unit in Units(uly))
        {
            var vowel = unit.Length == 1 && IsUlyVowel(unit[0]);
            if (vowel && previousVowel)
            {
                sb.Append('ئ'); // a vowel starting a word or a syllable is carried by hamza
            }

            sb.Append(UlyToArabic.TryGetValue(unit, out var s) ? s : unit);
            previousVowel = vowel;
        }

        return sb.ToString();
    }

    private static string MapUnits(string uly, Dictionary<string, string> table, bool russian)
    {
        var units = Units(uly).ToList();
        var sb = new StringBuilder(uly.Length + 4);
        for (var i = 0; i < units.Count; i++)
        {
            var cyrillic = table.TryGetValue("a", out var a) && a == "а";
            if (cyrillic && units[i] == "y" && i + 1 < units.Count && units[i + 1] is "a" or "u")
            {
                sb.Append(units[i + 1] == "a" ? 'я' : 'ю');
                i++;
                continue;
            }

            if (russian && i == 0 && units[i] == "e")
            {
                sb.Append('э'); // Ehmet -> Эхмет
                continue;
            }

            sb.Append(table.TryGetValue(units[i], out var s) ? s : units[i]);
        }

        return sb.ToString();
    }

    // ---- Chinese ----

    /// <summary>The pinyin of a transcription, syllables run together and capitalised (阿依古丽 Ayiguli).</summary>
    public static string PinyinOf(string chinese)
    {
        var sb = new StringBuilder();
        foreach (var c in chinese)
        {
            if (!Pinyin.TryGetValue(c, out var py))
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"no pinyin for {c} (U+{(int)c:X4}) in the synthetic table"));
            }

            sb.Append(py);
        }

        return Capitalize(sb.ToString());
    }

    // ---- typos ----

    /// <summary>One slip of the keyboard in one word: a wrong letter, a missing one, two swapped, one doubled; in Chinese a look-alike character or a dropped one.</summary>
    public static string Typo(string text, Random random)
    {
        var chars = text.ToList();
        if (chars.Any(c => c is >= '\u4e00' and <= '\u9fff'))
        {
            var variants = Enumerable.Range(0, chars.Count).Where(i => ChineseVariants.ContainsKey(chars[i])).ToArray();
            if (variants.Length > 0)
            {
                var at = variants[random.Next(variants.Length)];
                chars[at] = ChineseVariants[chars[at]];
                return new string([.. chars]);
            }

            // A dropped character only inside a long transcription (阿不都热依木), never in a two- or three-character name.
            var droppable = Enumerable.Range(2, Math.Max(0, chars.Count - 4))
                .Where(i => chars.Skip(i - 2).Take(5).All(c => c != '·')).ToArray();
            if (droppable.Length > 0)
            {
                chars.RemoveAt(droppable[random.Next(droppable.Length)]);
            }

            return new string([.. chars]);
        }

        // A position inside a word of four letters or more, never its first letter.
        var positions = new List<int>();
        var start = 0;
        for (var i = 0; i <= chars.Count; i++)
        {
            if (i == chars.Count || chars[i] == ' ')
            {
                if (i - start >= 4)
                {
                    positions.AddRange(Enumerable.Range(start + 1, i - start - 2));
                }

                start = i + 1;
            }
        }

        if (positions.Count == 0)
        {
            return text;
        }

        var p = positions[random.Next(positions.Count)];
        switch (random.Next(4))
        {
            case 0:
                var letters = chars.Where(char.IsLetter).Distinct().Where(c => c != chars[p] && !char.IsUpper(c)).ToArray();
                if (letters.Length > 0)
                {
                    chars[p] = letters[random.Next(letters.Length)];
                }
                else
                {
                    chars.RemoveAt(p);
                }

                break;
            case 1:
                chars.RemoveAt(p);
                break;
            case 2:
                (chars[p], chars[p + 1]) = (chars[p + 1], chars[p]);
                break;
            default:
                chars.Insert(p, chars[p]);
                break;
        }

        return new string([.. chars]);
    }

    // ---- tables ----

    private static Dictionary<(Ethnic, bool), Lexeme[]> BuildLexicon()
    {
        static Lexeme[] Parse(string[] entries) => entries.Select(e =>
        {
            var f = e.Split('|');
            return new Lexeme(f[0], f.Length > 1 && f[1].Length > 0 ? f[1] : null, f.Length > 2 && f[2].Length > 0 ? f[2] : null);
        }).ToArray();

        // Hui and Han names are composed of syllables (RenderChinese); their "lexemes" are only counted.
        var chineseMale = Enumerable.Range(0, MaleSyllablesCount() * (MaleSyllablesCount() + 1)).Select(i => new Lexeme("", null, null)).ToArray();
        var chineseFemale = Enumerable.Range(0, FemaleSyllablesCount() * (FemaleSyllablesCount() + 1)).Select(i => new Lexeme("", null, null)).ToArray();
        // The hand-written names first (the common ones), then the composed ones in a fixed shuffled order (the tail).
        static Lexeme[] With(Lexeme[] known, string[] roots, string[] ends, int seed)
        {
            var seen = new HashSet<string>(known.Select(k => k.Master), StringComparer.OrdinalIgnoreCase);
            var composed = new List<Lexeme>();
            foreach (var root in Parse(roots))
            {
                foreach (var end in Parse(ends))
                {
                    var master = root.Master + end.Master;
                    if (!(IsAnyVowel(root.Master[^1]) && IsAnyVowel(end.Master[0])) && root.Master[^1] != end.Master[0] && seen.Add(master))
                    {
                        composed.Add(new Lexeme(master, root.Chinese is not null && end.Chinese is not null ? root.Chinese + end.Chinese : null, null));
                    }
                }
            }

            var tail = composed.ToArray();
            new Random(seed).Shuffle(tail);
            return [.. known, .. tail];
        }

        return new()
        {
            [(Ethnic.Kazakh, false)] = With(Parse(KazakhMale), KazakhRoots, KazakhMaleEnds, 11),
            [(Ethnic.Kazakh, true)] = With(Parse(KazakhFemale), KazakhFemaleRoots, KazakhFemaleEnds, 12),
            [(Ethnic.Uyghur, false)] = With(Parse(UyghurMale), UyghurRoots, UyghurMaleEnds, 13),
            [(Ethnic.Uyghur, true)] = With(Parse(UyghurFemale), UyghurFemaleRoots, UyghurFemaleEnds, 14),
            [(Ethnic.Kyrgyz, false)] = With(Parse(KyrgyzMale), KyrgyzRoots, KyrgyzMaleEnds, 15),
            [(Ethnic.Kyrgyz, true)] = With(Parse(KyrgyzFemale), KyrgyzFemaleRoots, KyrgyzFemaleEnds, 16),
            [(Ethnic.Hui, false)] = chineseMale,
            [(Ethnic.Hui, true)] = chineseFemale,
        };
    }

    private static bool IsAnyVowel(char c) => IsCyrillicVowel(c) || IsUlyVowel(c);

    private static int MaleSyllablesCount() => ChineseMaleSyllables.Length;

    private static int FemaleSyllablesCount() => ChineseFemaleSyllables.Length;

    private static (string Char, string Pinyin, string Cyrillic)[] ParseChinese(string[] entries) =>
        entries.Select(e => e.Split('|')).Select(f => (f[0], f[1], f[2])).ToArray();

    private static Dictionary<char, string> BuildPinyin()
    {
        var pinyin = new Dictionary<char, string>();
        foreach (var entry in TranscriptionPinyin.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var f = entry.Split(':');
            if (f[0].Length == 1)
            {
                pinyin.TryAdd(f[0][0], f[1]);
            }
        }

        // Every transcription must be readable as pinyin: fail at start, not in the middle of a run.
        foreach (var lexeme in Lexicon.Values.SelectMany(l => l).Where(l => l.Chinese is not null))
        {
            foreach (var c in lexeme.Chinese!.Where(c => !pinyin.ContainsKey(c)))
            {
                throw new InvalidOperationException($"no pinyin for {c} in {lexeme.Chinese} ({lexeme.Master})");
            }
        }

        return pinyin;
    }

    private static string Map(string text, Dictionary<char, string> table)
    {
        var sb = new StringBuilder(text.Length + 4);
        foreach (var c in text)
        {
            sb.Append(table.TryGetValue(c, out var s) ? (s == "_" ? "" : s) : c.ToString());
        }

        return sb.ToString();
    }

    public static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static Dictionary<char, string> Table(string pairs)
    {
        var parts = pairs.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var table = new Dictionary<char, string>();
        for (var i = 0; i + 1 < parts.Length; i += 2)
        {
            table[parts[i][0]] = parts[i + 1];
        }

        return table;
    }

    private static Dictionary<string, string> UnitTable(string pairs)
    {
        var parts = pairs.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < parts.Length; i += 2)
        {
            table[parts[i]] = parts[i + 1];
        }

        return table;
    }
}
