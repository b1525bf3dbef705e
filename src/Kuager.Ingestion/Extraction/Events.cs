using System.Text.RegularExpressions;

namespace Kuager.Ingestion;

/// <summary>
/// The domain's events in a sentence (English, Russian, Kazakh), each with its particulars: the days of an
/// administrative arrest, the amount of a fine, the term of a sentence, the outcome of an asylum application.
/// A sentence naming an administrative arrest is not also a plain detention; a prison sentence is one only when the detention is told before it.
/// Loose uses of the verbs are not events: "released a statement", "demonstrated that", "restrictions on
/// demonstrations", "fundamental freedoms". Each event carries the position of its verb, to find whom it concerns.
/// </summary>
internal static partial class Events
{
    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    public static List<(string Type, IReadOnlyDictionary<string, string> Particulars, int At)> In(string sentence)
    {
        var found = new List<(string, IReadOnlyDictionary<string, string>, int)>();
        // The same length as the sentence, so that positions found here are positions in the sentence.
        sentence = sentence.Replace('ё', 'е').Replace('Ё', 'Е');
        sentence = Blank(sentence, LooseUse());
        var arrest = AdministrativeArrest().Match(sentence);
        if (arrest.Success)
        {
            var days = Numbers.Parse(arrest.Groups["n"].Success && arrest.Groups["n"].Value.Length > 0 ? arrest.Groups["n"].Value : arrest.Groups["m"].Value);
            found.Add(("administrative-arrest", days is { } d ? new Dictionary<string, string> { ["days"] = d.ToString(System.Globalization.CultureInfo.InvariantCulture) } : None, arrest.Index));
        }

        var sentenced = Sentenced().Match(sentence);
        if (sentenced.Success)
        {
            var particulars = new Dictionary<string, string>();
            if (Numbers.Parse(sentenced.Groups["n"].Value) is { } n)
                particulars[Unit(sentenced.Groups["unit"].Value)] = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            found.Add(("sentenced", particulars, sentenced.Index));
        }

        // An administrative arrest is its own detention; a sentence is one too when the verb is part of it ("jailed for 7
        // years"), but "detained in 2018 and sentenced to ten years" tells of both.
        if (!arrest.Success)
        {
            if (Camp().Match(sentence) is { Success: true } camp && !Within(camp, sentenced))
                found.Add(("taken-to-camp", None, camp.Index));
            else if (Detained().Match(sentence) is { Success: true } detained && !Within(detained, sentenced) && (!sentenced.Success || detained.Index < sentenced.Index))
                found.Add(("detained", None, detained.Index));
        }

        var fine = Fined().Match(sentence);
        if (fine.Success)
        {
            var amount = Amount().Match(sentence);
            found.Add(("fined", amount.Success
                ? new Dictionary<string, string> { ["amount"] = Numbers.Digits(amount.Groups["amount"].Value), ["currency"] = Currency(amount.Groups["cur"].Value) }
                : None, fine.Index));
        }

        void Add(string type, Regex pattern, IReadOnlyDictionary<string, string> particulars)
        {
            if (pattern.Match(sentence) is { Success: true } m)
                found.Add((type, particulars, m.Index));
        }

        Add("released", Released(), None);
        Add("attacked", Attacked(), None);
        Add("picket", Protest(), None);
        if (AsylumGranted().IsMatch(sentence))
            Add("refugee-status-granted", AsylumGranted(), new Dictionary<string, string> { ["status"] = "granted" });
        else if (AsylumRefused().IsMatch(sentence))
            Add("refugee-status-refused", AsylumRefused(), new Dictionary<string, string> { ["status"] = "refused" });
        else
            Add("asylum-applied", AsylumApplied(), new Dictionary<string, string> { ["status"] = "applied" });
        if (Deported().IsMatch(sentence))
            Add("returned-to-china", Deported(), None);
        else
            Add("deportation-ordered", DeportationOrdered(), None);
        Add("crossed-border", CrossedBorder(), None);

        // "might be sent back", "cannot be returned", "was not released", "wanted him to be set free", "if returned":
        // what may, must not or did not happen is not an event.
        found.RemoveAll(f => Unreal().IsMatch(sentence[..f.Item3]));
        return found;
    }

    private static bool Within(Match inner, Match outer) =>
        outer.Success && inner.Index >= outer.Index && inner.Index < outer.Index + outer.Length;

    // Words right before a verb that make it hypothetical, negated, wished for or conditional (English, Russian).
    [GeneratedRegex(@"(\b(might|may|can|could|would|will|shall|should|must|cannot|can['’]t|won['’]t|wouldn['’]t|couldn['’]t|shouldn['’]t|mustn['’]t|going\s+to|to|if|unless|not|never|no\s+longer|wasn['’]t|weren['’]t|hasn['’]t|haven['’]t|isn['’]t|aren['’]t)(\s+not)?(\s+(be|been|have\s+been|get|got))?|\b(может|могут|могла?|могли|можно|нельзя|будет|будут|не|чтобы|если|бы)(\s+(быть|был\w*|бы))?)(\s+\w+ly)?(\s+(again|also|soon|ever|вновь|снова|тоже|также))?\s+$", Options)]
    private static partial Regex Unreal();

    /// <summary>The text with each match of <paramref name="pattern"/> replaced by spaces of the same length.</summary>
    private static string Blank(string text, Regex pattern) =>
        pattern.Replace(text, m => new string(' ', m.Length));

    // Verbs of the vocabulary used for something else: a statement is released, a point demonstrated, demonstrations
    // restricted by law, someone "verbally attacked".
    [GeneratedRegex(@"\b(released|publish\w*|issued)\s+(a|an|the|its|his|her|their)?\s*((joint|new|annual|official|short|brief|public|written|draft|final|special)\s+)*(motion|statement|report|video|film|documentary|album|song|book|document|list|data|figures|photos?|resolution|recording|footage|audio|study|survey|letter|appeal|declaration|comment|findings|results|version|update|trailer|programme|program)s?\b|\b(statement|report|video|document|footage|data|figures|resolution|letter|findings|results)s?\s+(was\s+|were\s+)?released\b|\bdemonstrat(ed|es|ing)\s+(to|that|how|its|his|her|their|the|a|an|once|again|clearly)\b|\bdemonstrations?\s+(that|of)\b|\b(restrictions?|laws?|rules?|bans?|right|rights|freedom|legislation|regulations?)\s+(on|to|of)\s+(peaceful\s+|public\s+|unsanctioned\s+|mass\s+)?(demonstrations?|protests?|rallies|assembl\w+|pickets?)\b|\bverbally\s+attacked\b|\b(of|for|with|to)\s+((the|their|his|her)\s+)?detained\s+(?=\w+s\b)|(требовани\w*|призыв\w*|призвал\w*|просьб\w*|потребовал\w*)\s+(\w+\s+)?освобо\w*|\b(demand\w*|call\w*|urg\w*|appeal\w*)\s+(for\s+)?(the\s+)?(immediate\s+)?releas\w*|\bвыпусти\w*\s+(заявлени|доклад|фильм|видео|книг|резолюци)\w*|(треб\w*|потреб\w*|просит|просят|просил\w*|добива\w*|ходатайств\w*)\s+(\w+\s+)?освобо\w*|\b(face[sd]?|facing|sparked|triggered|prompted|provoked|covered|covering|cover|wave\s+of|crack\w*\s+down\s+on|crackdowns?\s+on|suppress\w*|dispers\w*)\s+((the|a|an|mass|new|an\s+unprecedented)\s+)*(wave\s+of\s+)?(protests?|demonstrations?|rallies|pickets?)\b|\breleased\s+(the\s+)?(statistics|information|names|details|numbers?|figures)\b|\b(faces?|facing|could\s+face|may\s+face|risks?)\s+(a\s+)?(possible\s+)?fines?\b|(грози\w*|может\s+получить|рискует\s+получить)\s+(\w+\s+)?штраф\w*", Options)]
    private static partial Regex LooseUse();

    private static string Unit(string word)
    {
        var w = word.ToLowerInvariant();
        return w.StartsWith('m') || w.StartsWith("мес", StringComparison.Ordinal) || w.StartsWith("ай", StringComparison.Ordinal) ? "months" : "years";
    }

    private static string Currency(string word)
    {
        var w = word.ToLowerInvariant();
        return w switch
        {
            "$" or "usd" or "dollars" or "us dollars" or "долларов" => "USD",
            "mci" or "мрп" => "MCI",
            _ when w.StartsWith("monthly", StringComparison.Ordinal) || w.StartsWith("мрп", StringComparison.Ordinal) || w.StartsWith("айлық", StringComparison.Ordinal) => "MCI",
            _ => "KZT",
        };
    }

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    // "a 10-day prison term", "15 days of arrest", "jailed for 15 days", "арестован на 10 суток", "15 тәулікке қамалды".
    [GeneratedRegex(@"(?<n>\d{1,2}|ten|five|seven|fifteen|twelve|three|eight|twenty)[\s-]+days?\b[^.]{0,40}?\b(arrest|jail|prison|detention|administrative)|(arrest\w*|jail\w*|detain\w*|sentenced|imprisoned)\b[^.]{0,40}?\b(for|to)\s+(?<n>\d{1,2}|ten|five|seven|fifteen|twelve|three|eight|twenty)\s+days|(?<m>\d{1,2}|десять|пятнадцать|пять|семь)\s+сут(ок|к\w*)|(?<m>\d{1,2}|он|он бес|бес|жеті)\s+тәулік", Options)]
    private static partial Regex AdministrativeArrest();

    // "sentenced to 7 years", "a prison term of ten years", "приговорили к 7 годам", "7 жылға сотталды".
    [GeneratedRegex(@"(sentenced|jailed|imprisoned)\b[^.]{0,30}?\b(to|for)\s+(?<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)\s+(?<unit>years?|months?)|приговор\w*\b[^.]{0,30}?\bк\s+(?<n>\d{1,2}|одному|двум|трем|трём|четырем|пяти|шести|семи|восьми|девяти|десяти)\s+(?<unit>год\w*|лет|месяц\w*)|(?<n>\d{1,2}|бір|екі|үш|төрт|бес|алты|жеті|сегіз|тоғыз|он)\s+(?<unit>жыл\w*|ай\w*)\s+(бас бостандығынан айыр|сотта)\w*", Options)]
    private static partial Regex Sentenced();

    [GeneratedRegex(@"\b(detained|arrested|taken into custody|apprehended|abducted|taken away by police|held by police|took\s+(him|her|them)\s+away|задержа\w*|арестова\w*|взят\w* под стражу|ұсталды|ұстап әкет\w*|қамауға алын\w*|тұтқындал\w*|ұстады|қамауға алды|тұтқындады)", Options)]
    private static partial Regex Detained();

    [GeneratedRegex(@"\b(taken|sent|placed)\s+to\s+(a|the)\s+camp\b|\b(taken|sent|placed|held|detained)\b[^.]{0,40}\b(re-?education|internment|concentration|political|""?vocational)[^.]{0,20}\bcamps?\b|\b(отправ\w*|помещ\w*|забра\w*|содерж\w*)\b[^.]{0,40}\bлагер\w*|лагер\w*\s+(жібер|қамал|апар)\w*", Options)]
    private static partial Regex Camp();

    [GeneratedRegex(@"\b(fined|a fine of|ordered to pay|оштрафова\w*|штраф\w*|айыппұл\w*)", Options)]
    private static partial Regex Fined();

    [GeneratedRegex(@"(?<amount>\d{1,3}(?:[ ,.\u00A0]\d{3})+|\d+)\s*(?<cur>tenge|KZT|₸|US dollars|dollars|USD|monthly calculation indices|MCI|тенге|теңге|долларов|МРП|айлық есептік көрсеткіш)|(?<cur>\$)\s*(?<amount>\d{1,3}(?:[ ,.]\d{3})+|\d+)", Options)]
    private static partial Regex Amount();

    [GeneratedRegex(@"\b(released|freed\b|set free|let go|освобо\w*|отпущ\w*|вышел на свободу|вышла на свободу|выпустили|босатыл\w*|бостандыққа шық\w*)", Options)]
    private static partial Regex Released();

    [GeneratedRegex(@"\b(attacked|assaulted|beaten up|(was|were|been)\s+beaten|beat him|beat her|stabbed|напал\w*|нападени\w*|избил\w*|избит\w*|шабуыл\w*|ұрып-соқ\w*)", Options)]
    private static partial Regex Attacked();

    [GeneratedRegex(@"\b(picket\w*|protest(ed|ing|s)?\b|demonstrat(ed|ion|ions|ing)\b|rall(y|ied)|пикет\w*|протест\w*|митинг\w*|акци\w* протеста|наразылық\w*)", Options)]
    private static partial Regex Protest();

    [GeneratedRegex(@"\b(applied for|sought|seeking|asked for|request\w* for|application for|filed for)\s+(political\s+)?(asylum|refugee status)|\bасылум|(попрос\w*|ходатайств\w*|обрати\w*|подал\w*|заявлени\w*)\b[^.]{0,40}\b(убежищ\w*|статус\w* беженц\w*)|(баспана|босқын мәртебесін)\s+сұра\w*", Options)]
    private static partial Regex AsylumApplied();

    [GeneratedRegex(@"\b(granted|given|received|obtained)\b[^.]{0,30}\b(asylum|refugee status)|(предостав\w*|получи\w*|дали)\b[^.]{0,30}\b(убежищ\w*|статус\w* беженц\w*)|(баспана|босқын мәртебесі)\w*\s+(берілді|алды)", Options)]
    private static partial Regex AsylumGranted();

    [GeneratedRegex(@"\b(refused|denied|rejected)\b[^.]{0,40}\b(asylum|refugee status)|\b(asylum|refugee status)\b[^.]{0,30}\b(was|were)\s+(refused|denied|rejected)|отказ\w*\b[^.]{0,40}\b(убежищ\w*|статус\w* беженц\w*)|(баспана|босқын мәртебесін)\w*\s+(бермеді|беруден бас тартты)", Options)]
    private static partial Regex AsylumRefused();

    [GeneratedRegex(@"\b(deported|extradited|sent back to China|returned to China|handed over to China|депортирова\w*|выдворен\w*|экстрадирова\w*|выдан\w* Китаю|возвращен\w* в Китай|Қытайға (қайтарыл|депортацияла|жіберіл)\w*|депортацияланды)", Options)]
    private static partial Regex Deported();

    [GeneratedRegex(@"\b(ordered\b[^.]{0,20}\bdeport\w*|deportation order|faces? deportation|facing deportation|threat of deportation|решени\w* о депортации|угроз\w* депортации|грозит депортаци\w*|депортация туралы шешім)", Options)]
    private static partial Regex DeportationOrdered();

    [GeneratedRegex(@"\b(crossed|crossing)\s+(the\s+)?(\w+\s+)?border|\bпересек\w*\s+(\w+\s+)?границ\w*|\bперешл\w*\s+границ\w*|шекара\w*\s+(\w+\s+)?(өтті|өтіп|өткен|кесіп)", Options)]
    private static partial Regex CrossedBorder();
}
