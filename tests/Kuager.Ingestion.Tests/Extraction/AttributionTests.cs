namespace Kuager.Ingestion.Tests.Extraction;

/// <summary>
/// Classes of error seen on real pages, each with sentences written for these tests: what may, must not or did not
/// happen is no event; loose uses of the verbs; an event goes to the one it happened to, not to a relative, a
/// reporter or a bystander; pronouns and relatives resolved to the person meant.
/// </summary>
public sealed class AttributionTests
{
    private static Ingestion.Extraction Extract(params string[] paragraphs) =>
        Extractor.Extract(new Article("Title", null, null, null, "en", paragraphs));

    private static IReadOnlyList<string>? PersonsOf(Ingestion.Extraction x, string type) => x.Events.SingleOrDefault(e => e.Type == type)?.Persons;

    [Theory]
    [InlineData("Aidos Serikuly fears he might be sent back to China.")]
    [InlineData("Aidos Serikuly cannot be returned to China while his case is heard.")]
    [InlineData("Aidos Serikuly was not released in May as his family had hoped.")]
    [InlineData("Aidos Serikuly's wife wants him to be set free by the court.")]
    [InlineData("Aidos Serikuly would be fined if he spoke again.")]
    [InlineData("Aidos Serikuly could be detained again at the border.")]
    [InlineData("Аскар Болатов может быть задержан на границе.")]
    [InlineData("Аскара Болатова не освободили в мае.")]
    public void What_may_must_not_or_did_not_happen_is_no_event(string sentence) => Assert.Empty(Extract(sentence).Events);

    [Theory]
    [InlineData("Officials released statistics on refugees on Monday.")]
    [InlineData("The regional governor faced a wave of protests by farmers.")]
    [InlineData("Reporters who covered the protests were questioned.", "picket")]
    [InlineData("Динара Касымова требует освободить своего мужа.")]
    [InlineData("Родственники просят освободить задержанных.", "released")]
    public void Loose_uses_of_the_verbs_are_no_events(string sentence, string type = "") =>
        Assert.DoesNotContain(Extract(sentence).Events, e => type.Length == 0 || e.Type == type);

    [Fact]
    public void Police_taking_someone_away_is_a_detention_of_the_one_the_pronoun_means()
    {
        var x = Extract("Saule Omarova last saw her son Daniyar Omarov in 2018.", "He was at work when police took him away.");

        Assert.Equal(["Daniyar Omarov"], PersonsOf(x, "detained"));
    }

    [Fact]
    public void The_relative_of_a_relatives_clause_is_the_one_the_event_happened_to()
    {
        var x = Extract("Bakhyt Amanova, whose husband was detained on May 3, spoke to reporters.", "Kairat Tolegen left behind a brother who was sent to a camp in 2017.");

        Assert.Empty(PersonsOf(x, "detained")!);
        Assert.Empty(PersonsOf(x, "taken-to-camp")!);
    }

    [Fact]
    public void A_relatives_clause_closed_before_the_verb_leaves_the_event_to_the_name()
    {
        var x = Extract("Nurlan Abdrakhman, a singer whose parents live in Ili, was sentenced to 10 days of administrative arrest.");

        Assert.Equal(["Nurlan Abdrakhman"], PersonsOf(x, "administrative-arrest"));
    }

    [Theory]
    [InlineData("Marat Zhunusov told reporters that an unknown man attacked Daniyar Seitkali.", "attacked", "Daniyar Seitkali")]
    [InlineData("The police repeatedly attacked the protesters, Asel Nurlanova, a researcher in Almaty, said.", "attacked", null)]
    [InlineData("Bolat Kenzhe was attacked outside his house, his wife Aliya Kenzhe said.", "attacked", "Bolat Kenzhe")]
    [InlineData("Неизвестные напали на активиста Бауыржана Ахметова, сообщил его брат Нурлан Ахметов.", "attacked", "Бауыржан Ахметов")]
    [InlineData("Адвокат Жанар Сейтова говорит, что Серику Мухтарулы грозит депортация.", "deportation-ordered", "Серику Мухтарулы")]
    public void Who_reports_an_event_is_not_the_one_it_happened_to(string sentence, string type, string? person)
    {
        var persons = PersonsOf(Extract(sentence), type)!;

        if (person is null)
            Assert.Empty(persons);
        else
            Assert.Equal([person], persons);
    }

    [Fact]
    public void A_reporter_still_has_the_event_when_the_report_is_about_themselves()
    {
        var x = Extract("Ainur Bekova, who runs a volunteer group, said police detained her on September 5.");

        Assert.Equal(["Ainur Bekova"], PersonsOf(x, "detained"));
    }

    [Theory]
    [InlineData("Dozens of ethnic Kazakhs detained in Xinjiang have relatives in Almaty, Kanat Abenov said.")]
    [InlineData("Several members of the Free Steppe group were also fined, Kanat Abenov said.")]
    public void A_group_as_the_subject_concerns_no_named_person(string sentence) =>
        Assert.All(Extract(sentence).Events, e => Assert.Empty(e.Persons));

    [Fact]
    public void Two_men_attacking_a_named_person_is_his_attack()
    {
        var x = Extract("Murat Tokhtar said that two unknown men suddenly attacked him near his home.");

        Assert.Equal(["Murat Tokhtar"], PersonsOf(x, "attacked"));
    }

    [Fact]
    public void A_name_inside_a_longer_word_is_not_a_mention()
    {
        var x = Extract("Li Wen visited Almaty in May.", "Before Premier Li Wen arrived in Astana, activists were detained for protesting the camps of Lijiang.");

        Assert.DoesNotContain(x.Events, e => e.Persons.Contains("Li Wen"));
    }

    [Fact]
    public void A_surname_alone_goes_to_the_family_member_who_bears_it_exactly()
    {
        var x = Extract("Former judge Viktor Orlov and his wife, Irina Orlova, left Kazakhstan in 2015.", "A court sentenced Orlov to 10 years in prison.");

        Assert.Equal(["Viktor Orlov"], PersonsOf(x, "sentenced"));
    }

    [Fact]
    public void An_object_pronoun_goes_to_the_person_before_of_its_sex()
    {
        var x = Extract(
            "Адвокат Жанар Байжанова говорит, что Серик Мухтарулы подал на убежище.",
            "По её словам, в Синьцзяне его приговорили к 7 годам заключения.",
            "Полиция задержала активистку Айгуль Сапарову.",
            "Суд приговорил её к 15 суткам ареста.");

        Assert.Equal(["Серик Мухтарулы"], PersonsOf(x, "sentenced"));
        Assert.Equal(["Айгуль Сапарова"], PersonsOf(x, "administrative-arrest"));
    }

    [Fact]
    public void A_plural_pronoun_acting_is_not_the_one_person_before_and_a_speech_tag_pronoun_is_the_speaker()
    {
        var x = Extract(
            "Observers said Nurlan Amanov won the vote.",
            "In many cases they detained reporters and stripped them of their cards.",
            "Several members were fined last year, he said.");

        Assert.All(x.Events, e => Assert.Empty(e.Persons));
    }

    [Fact]
    public void A_relative_as_the_subject_is_the_one_introduced_as_that_relative()
    {
        var x = Extract("Gulnaz Ablimit wrote about her father Akhmet Ablimit, a teacher.", "Her father was taken to a camp in 2018.", "Our neighbours' daughter was detained too, she said.");

        Assert.Equal(["Akhmet Ablimit"], PersonsOf(x, "taken-to-camp"));
        Assert.Empty(PersonsOf(x, "detained")!);
    }

    [Fact]
    public void A_relative_introduced_with_a_possessive_name_is_the_one_her_relative_means()
    {
        var x = Extract("Aigerim Sadykova’s husband, Nurbol Sadykov, organised the picket in May.", "Her husband was detained on May 2, Aigerim Sadykova said.");

        Assert.Equal(["Nurbol Sadykov"], x.Events.Single(e => e.Type == "detained").Persons);
    }
}
