using Kuager.Core;

namespace Kuager.Ingestion.Tests.Extraction;

public sealed class ExtractorTests
{
    private static Ingestion.Extraction Extract(string text, DateOnly? date = null) =>
        Extractor.Extract(new Article("Title", null, null, date, "en", text.Split("\n\n")));

    [Fact]
    public void Later_surname_and_given_name_mentions_resolve_to_the_full_name_and_titles_are_stripped()
    {
        var x = Extract("Lawyer Aiman Umarova met Baibolat Kunbolatuly on Monday.\n\nKunbolatuly said he would go on. \"We will not stop,\" Baybolat told reporters.\n\nUmarova left.");

        Assert.Equal(["Aiman Umarova", "Baibolat Kunbolatuly"], x.Persons.Select(p => p.Name));
        Assert.Equal(["Baibolat Kunbolatuly", "Kunbolatuly", "Baybolat"], x.Persons[1].Mentions);
        Assert.True(x.Persons[1].Quoted);
        Assert.Equal(["Aiman Umarova", "Umarova"], x.Persons[0].Mentions);
        Assert.Equal("Umarova left.", x.Persons[0].Sentences[^1]);
    }

    [Fact]
    public void Places_organisations_and_capitalised_groups_are_not_persons()
    {
        var x = Extract("Secretary of State Michael Pompeo spoke at the Chinese Consulate in Almaty while Human Rights Watch and the Medeu District Court were in the news.");

        Assert.Equal(["Michael Pompeo"], x.Persons.Select(p => p.Name));
        Assert.Equal(["Almaty"], x.Places.Select(p => p.Name));
        Assert.Equal("Kazakhstan > Almaty", x.Places[0].Path);
        Assert.Equal(["Chinese Consulate in Almaty", "Human Rights Watch", "Medeu District Court"], x.Organizations.Select(o => o.Name));
    }

    [Fact]
    public void Places_are_found_in_every_script_and_in_Russian_and_Kazakh_cases()
    {
        var x = Extract("Он жил в Синьцзяне, потом в Казахстане. Ол Құлжада ұсталды. He later moved to Nur-Sultan.");

        Assert.Equal(["Xinjiang", "Kazakhstan", "Ghulja", "Astana"], x.Places.Select(p => p.Name));
    }

    [Fact]
    public void Event_dates_are_read_against_the_article_date_and_durations_in_days()
    {
        var x = Extract("On February 22, police detained Yerlan Kabdolov.\n\nHe spent a year and four months in a camp last year.", new DateOnly(2021, 3, 2));

        var detained = Assert.Single(x.Events, e => e.Type == "detained");
        Assert.Equal("2021-02-22", detained.Date!.ToCanonical());
        Assert.Equal(["Yerlan Kabdolov"], detained.Persons);
        Assert.Equal("On February 22, police detained Yerlan Kabdolov.", detained.Sentence);
        Assert.Contains(x.Dates, d => d.Date is { Precision: DatePrecision.Year } y && y.Start.Year == 2020);
        Assert.Contains(x.Dates, d => d.Days == 365 + 120 && d.Text == "a year and four months");
    }

    [Theory]
    [InlineData("Kabdolov was sentenced to 10 days of administrative arrest.", "administrative-arrest", "days", "10")]
    [InlineData("Суд арестовал Сапарову на 15 суток.", "administrative-arrest", "days", "15")]
    [InlineData("Полиция оны 10 тәулікке қамады.", "administrative-arrest", "days", "10")]
    [InlineData("A court fined him 250,000 tenge.", "fined", "amount", "250000")]
    [InlineData("Его оштрафовали на 100 МРП.", "fined", "currency", "MCI")]
    [InlineData("He was sentenced to seven years in prison.", "sentenced", "years", "7")]
    [InlineData("Его приговорили к 7 годам заключения.", "sentenced", "years", "7")]
    [InlineData("She was refused refugee status in January.", "refugee-status-refused", "status", "refused")]
    [InlineData("Both men applied for asylum in September.", "asylum-applied", "status", "applied")]
    public void Events_carry_their_particulars(string sentence, string type, string key, string value)
    {
        var e = Assert.Single(Extract(sentence).Events, e => e.Type == type);
        Assert.Equal(value, e.Particulars[key]);
    }

    [Theory]
    [InlineData("They crossed the border near Khorgos.", "crossed-border")]
    [InlineData("Он пересёк границу в мае.", "crossed-border")]
    [InlineData("He was deported to China.", "returned-to-china")]
    [InlineData("Unknown men attacked the activist.", "attacked")]
    [InlineData("She was released on March 4.", "released")]
    [InlineData("Relatives held a picket outside the consulate.", "picket")]
    [InlineData("Her brother was taken to a camp in 2018.", "taken-to-camp")]
    public void Event_types_are_recognised(string sentence, string type) => Assert.Contains(Extract(sentence).Events, e => e.Type == type);

    [Fact]
    public void A_sentence_starting_with_a_pronoun_speaks_of_the_people_of_the_sentence_before()
    {
        var x = Extract("Police detained Yerlan Kabdolov on Monday. He was released on Friday.");

        Assert.Equal(["Yerlan Kabdolov"], Assert.Single(x.Events, e => e.Type == "released").Persons);
    }

    [Theory]
    [InlineData("On the Nomad Hours podcast, Dana Serikova spoke about her uncle.", "Dana Serikova")]
    [InlineData("Members of Bolashaq Zholy (Future Road) met Yerzhan Tokhtarov in Almaty.", "Yerzhan Tokhtarov")]
    [InlineData("She sang ‘Golden Steppe’ before Aliya Kenzhebaeva spoke.", "Aliya Kenzhebaeva")]
    [InlineData("The Steppe Dialogue Partnership invited Bolat Nurgaliev.", "Bolat Nurgaliev")]
    [InlineData("The Water Resources Committee Chairman Bolat Nurgaliev resigned.", "Bolat Nurgaliev")]
    [InlineData("He cited the Convention on the Status of Stateless Persons, Marat Zhunusov said.", "Marat Zhunusov")]
    public void Programme_group_and_title_phrases_are_not_persons(string sentence, string person) =>
        Assert.Equal([person], Extract(sentence).Persons.Select(p => p.Name));

    [Fact]
    public void Capitalised_phrases_of_a_headline_are_persons_only_when_the_body_names_them()
    {
        var x = Extractor.Extract(new Article("Exiled Herders Feel Forgotten As Aidos Bekov Waits", null, null, null, "en", ["Aidos Bekov has waited two years for news."]));

        Assert.Equal(["Aidos Bekov"], x.Persons.Select(p => p.Name));
    }

    [Theory]
    [InlineData("In the days before President Oraz Temirbek arrived in Almaty, activists were arrested.", "detained", new string[0])]
    [InlineData("Saule Nurova's husband, Ardak Nurov, was detained on Monday.", "detained", new[] { "Ardak Nurov" })]
    [InlineData("Ardak Nurov was released on Friday, his lawyer Gaukhar Alieva said.", "released", new[] { "Ardak Nurov" })]
    [InlineData("\u201cThey took him at night and he was detained for a week,\u201d Saule Nurova said.", "detained", new string[0])]
    [InlineData("\u201cI was detained for a week,\u201d Saule Nurova said.", "detained", new[] { "Saule Nurova" })]
    [InlineData("Near the border, where Governor Li Tao rules, dozens were arbitrarily detained.", "detained", new string[0])]
    [InlineData("Ardak Nurov and other activists were detained.", "detained", new[] { "Ardak Nurov" })]
    public void Events_go_to_the_subject_or_object_of_their_verb_not_to_every_name_in_the_sentence(string sentence, string type, string[] persons) =>
        Assert.Equal(persons, Assert.Single(Extract(sentence).Events, e => e.Type == type).Persons);

    [Theory]
    [InlineData("The parliament released a joint motion on the case of Ardak Nurov.")]
    [InlineData("Atajurt released a statement about Ardak Nurov on Monday.")]
    [InlineData("In a report released on Tuesday, the group named Ardak Nurov.")]
    [InlineData("The ruling demonstrated that the courts follow orders.")]
    [InlineData("The government eased restrictions on peaceful demonstrations.")]
    [InlineData("They spoke about fundamental freedoms.")]
    [InlineData("Организация выпустила заявление о деле Ардака Нурова.")]
    [InlineData("Родственники выступили с требованием освободить Ардака Нурова.")]
    public void Loose_uses_of_event_verbs_are_not_events(string sentence) =>
        Assert.DoesNotContain(Extract(sentence).Events, e => e.Type is "released" or "picket");

    [Fact]
    public void An_article_without_a_date_gives_no_date_to_a_day_and_month_without_a_year()
    {
        var x = Extract("On February 22, police detained Ardak Nurov. He was released last year.");

        Assert.All(x.Events, e => Assert.Null(e.Date));
    }

    [Fact]
    public void A_Uyghur_name_in_Arabic_script_after_a_relatives_word_is_a_person_and_its_event_goes_to_it()
    {
        var x = Extract("Her brother ئابدۇرېھىم تۇرسۇن was taken to a camp in 2018.");

        Assert.Equal(["ئابدۇرېھىم تۇرسۇن"], x.Persons.Select(p => p.Name));
        Assert.Equal(["ئابدۇرېھىم تۇرسۇن"], Assert.Single(x.Events, e => e.Type == "taken-to-camp").Persons);
    }

    [Theory]
    [InlineData("ئاكام ئابدۇرېھىم تۇرسۇن لاگېرغا ئېلىپ كېتىلدى.", "ئابدۇرېھىم تۇرسۇن")]
    [InlineData("The poet, known as «ئابدۇرېھىم», left in 2017.", "ئابدۇرېھىم")]
    [InlineData("他的哥哥阿不都热依木被带走了。", "阿不都热依木")]
    [InlineData("Abdurehim Tursun (阿不都热依木·吐尔逊) was detained in 2018.", "阿不都热依木·吐尔逊")]
    [InlineData("Her son is named 艾力 and lives in Almaty.", "艾力")]
    public void Names_in_Uyghur_Arabic_script_and_Chinese_characters_are_found_next_to_name_cues(string sentence, string name) =>
        Assert.Contains(name, Extract(sentence).Persons.SelectMany(p => p.Mentions));

    [Theory]
    [InlineData("The sign read ئۇيغۇر ئېلى in large letters.")]
    [InlineData("新疆维吾尔自治区的官员没有回应。")]
    public void Arabic_script_and_Chinese_words_without_a_name_cue_are_not_persons(string sentence) =>
        Assert.Empty(Extract(sentence).Persons);

    [Fact]
    public void A_name_in_Chinese_characters_is_grouped_with_its_Latin_spelling()
    {
        var x = Extract("Abdurehim Tursun (阿不都热依木·吐尔逊) was detained in 2018.");

        Assert.Equal(["Abdurehim Tursun", "阿不都热依木·吐尔逊"], Assert.Single(x.Persons).Mentions);
    }

    [Fact]
    public void The_gazetteers_load_with_their_entries() =>
        Assert.True(Gazetteer.Places.Count >= 50 && Gazetteer.Organizations.Count >= 15, $"{Gazetteer.Places.Count} places, {Gazetteer.Organizations.Count} organisations");
}
