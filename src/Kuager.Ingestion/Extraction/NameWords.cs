namespace Kuager.Ingestion;

/// <summary>Capitalised words that are not parts of a person's name, and the titles stripped from names.</summary>
internal static class NameWords
{
    /// <summary>Titles and roles written before a name ("President Tokayev", "Ambassador Zhang Xiao", "активист Серикжан Билаш").</summary>
    public static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "president", "secretary", "minister", "ambassador", "judge",
        "lawyer", "attorney", "activist", "chairman", "chairwoman", "chair", "sheikh", "imam", "general", "deputy", "senator",
        "governor", "mayor", "akim", "colonel", "major", "captain", "lieutenant", "officer", "inspector", "investigator",
        "prosecutor", "leader", "director", "head", "spokesman", "spokeswoman", "spokesperson", "journalist", "blogger",
        "poet", "singer", "writer", "researcher", "volunteer", "founder", "premier", "chancellor", "king", "queen", "sir", "president-elect", "manager", "coordinator", "editor", "correspondent", "analyst",
        "господин", "госпожа", "г-н", "г-жа", "президент", "министр", "посол", "судья", "адвокат", "активист", "активистка",
        "председатель", "лидер", "глава", "журналист", "журналистка", "блогер", "поэт", "аким", "следователь", "прокурор",
        "правозащитник", "правозащитница", "депутат", "политолог", "эксперт", "директор", "руководитель", "представитель",
        "волонтер", "волонтёр", "пенсионер", "пенсионерка", "гражданин", "гражданка", "беженец", "беженка", "уроженец", "уроженка",
        "координатор", "премьер", "премьер-министр",
        "мырза", "ханым", "президенті", "елші", "судья", "адвокат", "белсенді", "төраға", "журналист", "ақын",
    };

    /// <summary>Words that start sentences or name groups, days, months and peoples: never a person's name.</summary>
    public static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        // English function words and sentence openers
        "the", "a", "an", "in", "on", "at", "of", "for", "from", "to", "by", "with", "without", "and", "or", "but", "if", "as",
        "after", "before", "when", "while", "since", "during", "about", "over", "under", "then", "there", "here", "this",
        "that", "these", "those", "his", "her", "their", "our", "my", "your", "its", "he", "she", "they", "we", "i", "you", "it",
        "one", "two", "three", "another", "some", "many", "most", "all", "both", "each", "every", "other", "others", "such",
        "however", "meanwhile", "later", "earlier", "yesterday", "today", "tomorrow", "last", "next", "also", "according",
        "although", "though", "because", "why", "what", "who", "where", "how", "not", "no", "yes", "so", "now", "still", "even",
        "only", "just", "over", "among", "between", "despite", "instead", "once", "twice", "several", "few", "more", "less",
        "authorities", "police", "officials", "relatives", "protesters", "activists", "people", "family", "families",
        "mother", "father", "brother", "sister", "son", "daughter", "wife", "husband", "uncle", "aunt", "cousin",
        "court", "ministry", "committee", "department", "party", "consulate", "embassy", "government", "parliament", "state",
        "republic", "region", "province", "county", "city", "village", "prefecture", "district", "camp", "camps", "prison",
        "centre", "center", "office", "council", "agency", "service", "bureau", "union", "congress", "university", "school",
        "human", "rights", "watch", "international", "national", "free", "radio", "news", "times", "post", "press", "law",
        "article", "code", "criminal", "administrative", "supreme", "district", "regional", "city", "foreign", "affairs",
        "internal", "security", "general", "public", "united", "nations", "states", "assembly", "house", "senate",
        "organization", "organisation", "foundation", "association", "group", "network", "platform", "community",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april",
        "may", "june", "july", "august", "september", "october", "november", "december", "spring", "summer", "autumn", "winter",
        "kazakh", "kazakhs", "uyghur", "uyghurs", "uighur", "uighurs", "chinese", "han", "kyrgyz", "hui", "dungan", "dungans",
        "tajik", "tajiks", "muslim", "muslims", "islam", "islamic", "turkic", "russian", "russians", "american", "americans",
        "european", "western", "soviet", "communist", "christian", "english", "god", "allah", "facebook", "twitter",
        "youtube", "telegram", "instagram", "whatsapp", "tiktok", "internet", "covid", "coronavirus", "genocide", "photo",
        "video", "source", "sources", "update", "breaking", "exclusive", "opinion", "analysis", "interview", "report",
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "asia", "asian", "middle",
        "new", "old", "great", "first", "second", "third", "final", "vocational", "education", "training", "reeducation",
        "re-education", "detention", "centre", "army", "games", "images", "podcasts", "podcast", "care", "health", "choice", "democratic", "institutions", "fatherland", "real", "olympic", "arabia", "hong", "kong", "syrian", "norwegian", "european", "british", "french", "german", "turkish", "nations", "service", "day", "week", "month", "year", "court", "trial", "camp",
        // Russian
        "в", "во", "на", "по", "из", "от", "до", "за", "с", "со", "о", "об", "у", "к", "и", "а", "но", "или", "что", "как",
        "когда", "после", "перед", "до", "его", "ее", "её", "их", "он", "она", "они", "мы", "я", "это", "этот", "эта", "эти",
        "тот", "там", "здесь", "также", "однако", "при", "вчера", "сегодня", "завтра", "по", "по словам", "по данным",
        "власти", "полиция", "суд", "министерство", "комитет", "партия", "консульство", "посольство", "правительство",
        "казах", "казахи", "казахов", "уйгур", "уйгуры", "уйгуров", "китай", "китайские", "китайский", "китайская",
        "мусульмане", "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье",
        "январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь",
        "родственники", "активисты", "мать", "отец", "брат", "сестра", "сын", "дочь", "жена", "муж", "фото", "видео",
        "генконсульство", "генеральное", "республика", "область", "район", "город", "село", "лагерь", "лагеря", "тюрьма",
        "закон", "статья", "кодекс", "административный", "уголовный", "специализированный", "межрайонный", "районный",
        // Kazakh
        "және", "бірақ", "немесе", "ол", "олар", "біз", "мен", "сен", "бұл", "сол", "осы", "кейін", "бұрын", "кеше", "бүгін",
        "ертең", "билік", "полиция", "сот", "министрлік", "комитет", "партия", "консулдық", "елшілік", "үкімет",
        "қазақ", "қазақтар", "ұйғыр", "ұйғырлар", "қытай", "қытайдың", "мұсылман", "туыстары", "белсенділер", "анасы",
        "әкесі", "ағасы", "інісі", "әпкесі", "қарындасы", "ұлы", "қызы", "әйелі", "күйеуі", "сурет", "бейне", "лагерь",
        "облысы", "ауданы", "қаласы", "ауылы", "заң", "бап", "кодекс",
    };

    /// <summary>Words that make a capitalised run the name of a thing (a group, a place, an agreement, a programme): no name of a person is in such a run.</summary>
    public static readonly HashSet<string> Things = new(StringComparer.OrdinalIgnoreCase)
    {
        "group", "groups", "party", "union", "service", "court", "ministry", "committee", "council", "agency", "bureau", "office",
        "university", "association", "foundation", "movement", "industry", "dialogue", "partnership", "agreement",
        "convention", "square", "street", "avenue", "podcast", "blog", "center", "centre", "commission", "network", "platform",
        "company", "bank", "fund", "campaign", "award", "prize", "act", "code", "strategy", "initiative", "forum", "summit",
        "mining", "programme", "program", "project", "institute", "academy", "school", "hospital", "airport", "station",
        "declaration", "charter", "treaty", "protocol", "assembly", "parliament", "senate", "mazhilis", "congress",
        "embassy", "consulate", "department", "administration", "government", "corporation", "holding", "media", "news",
        "magazine", "newspaper", "channel", "radio", "television", "tv", "festival", "games", "cup", "championship", "league",
    };

    /// <summary>Endings of Kazakh, Russian and Uyghur patronymics and surnames: a word so ending is very likely a name.</summary>
    public static readonly string[] NameEndings =
    [
        "uly", "ulu", "uli", "qyzy", "kyzy", "kizi", "ovich", "evich", "ovna", "evna", "ov", "ova", "ev", "eva", "yev", "yeva",
        "in", "ina", "bek", "bekov", "bai", "bay", "jan", "zhan", "khan", "gul", "gül", "nur", "ali",
        "ұлы", "қызы", "улы", "кызы", "ович", "евич", "овна", "евна", "ов", "ова", "ев", "ева", "ин", "ина", "бек", "бай", "жан", "хан", "гүл", "гуль", "нұр", "нур",
    ];
}
