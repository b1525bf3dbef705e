using System.Text.Json;
using Kuager.Names;

namespace Kuager.Core.Tests.Domain;

public class KuagerJsonTests
{
    internal static readonly Person Qaisha = new()
    {
        Id = 42,
        Version = 3,
        ExternalId = "AT-0042",
        Names =
        [
            new PersonName("Қайша Ақан", Script.KazakhCyrillic, NameKind.Primary),
            new PersonName("ئىلھام", Script.UyghurArabic, NameKind.Alias),
            new PersonName("凯莎·阿坎", Script.Chinese, NameKind.OfficialChinese),
            new PersonName("Qaisha Aqan", Script.English, NameKind.Alias),
        ],
        Gender = Gender.Female,
        BirthDate = FuzzyDate.InSeason(1976, Season.Spring, "in spring 1976"),
        Ethnicity = "Kazakh",
        Citizenships = ["CN", "KZ"],
        HometownId = 17,
        Occupation = "teacher",
        Notes = "Reported by her brother; \"vocational training centre\" in Emin <Durbuljin> & more",
        OtherIds = [new OtherId("xjvictims", "1234")],
        ReportedStatus = PersonStatus.InCamp,
        Confidentiality = Confidentiality.Public,
    };

    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value, KuagerJson.Options);

    private static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, KuagerJson.Options)!;

    [Fact]
    public void A_person_round_trips_unchanged()
    {
        var json = Serialize(Qaisha);

        var back = Deserialize<Person>(json);

        Assert.Equal(json, Serialize(back));
        Assert.Equal(Qaisha.Names, back.Names);
        Assert.Equal(Qaisha.BirthDate, back.BirthDate);
        Assert.Equal(Qaisha.Citizenships, back.Citizenships);
        Assert.Equal(Qaisha.OtherIds, back.OtherIds);
        Assert.Equal((42L, 3), (back.Id, back.Version));
        Assert.Equal(PersonStatus.InCamp, back.ReportedStatus);
    }

    [Fact]
    public void A_minimal_person_round_trips_with_nulls_kept()
    {
        var person = new Person { ExternalId = "AT-1", Names = [new PersonName("Ilham", Script.English, NameKind.Primary)] };
        var json = Serialize(person);

        using var doc = JsonDocument.Parse(json);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("birthDate").ValueKind);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("notes").ValueKind);
        Assert.Equal(json, Serialize(Deserialize<Person>(json)));
    }

    [Fact]
    public void Properties_are_camel_case_and_computed_ones_are_left_out()
    {
        using var doc = JsonDocument.Parse(Serialize(Qaisha));
        var root = doc.RootElement;

        Assert.Equal("AT-0042", root.GetProperty("externalId").GetString());
        Assert.Equal(17, root.GetProperty("hometownId").GetInt64());
        Assert.False(root.TryGetProperty("primaryName", out _));
        Assert.False(root.TryGetProperty("birthYear", out _));
        Assert.False(root.TryGetProperty("ExternalId", out _));
    }

    [Fact]
    public void Scripts_are_written_as_bcp47_tags()
    {
        using var doc = JsonDocument.Parse(Serialize(Qaisha));

        var scripts = doc.RootElement.GetProperty("names").EnumerateArray().Select(n => n.GetProperty("script").GetString());
        Assert.Equal(["kk-Cyrl", "ug-Arab", "zh-Hans", "en"], scripts);
    }

    [Fact]
    public void Enums_are_written_as_kebab_codes()
    {
        using var doc = JsonDocument.Parse(Serialize(Qaisha));
        var root = doc.RootElement;

        Assert.Equal("female", root.GetProperty("gender").GetString());
        Assert.Equal("in-camp", root.GetProperty("reportedStatus").GetString());
        Assert.Equal("public", root.GetProperty("confidentiality").GetString());
        Assert.Equal(
            ["primary", "alias", "official-chinese", "alias"],
            root.GetProperty("names").EnumerateArray().Select(n => n.GetProperty("kind").GetString()));
        Assert.Equal("\"detention-centre\"", Serialize(PlaceKind.DetentionCentre));
    }

    [Fact]
    public void Names_in_any_script_are_written_unescaped()
    {
        var json = Serialize(Qaisha);

        Assert.Contains("\"Қайша Ақан\"", json);
        Assert.Contains("\"ئىلھام\"", json);
        Assert.Contains("\"凯莎·阿坎\"", json);
    }

    [Fact]
    public void A_fuzzy_date_is_its_canonical_value_and_the_source_words()
    {
        using var doc = JsonDocument.Parse(Serialize(Qaisha));
        var birth = doc.RootElement.GetProperty("birthDate");

        Assert.Equal("1976-spring", birth.GetProperty("value").GetString());
        Assert.Equal("in spring 1976", birth.GetProperty("text").GetString());
        Assert.Equal("{\"value\":\"2018-06/2018-07\"}", Serialize(FuzzyDate.ParseCanonical("2018-06/2018-07")));
    }

    [Fact]
    public void A_fuzzy_date_reads_from_an_object_or_a_plain_string()
    {
        Assert.Equal(FuzzyDate.Circa(2016, "around 2016"), Deserialize<FuzzyDate>("{\"value\":\"~2016\",\"text\":\"around 2016\"}"));
        Assert.Equal(FuzzyDate.InMonth(2017, 2), Deserialize<FuzzyDate>("\"2017-02\""));
        Assert.Equal(FuzzyDate.InYear(2017), Deserialize<FuzzyDate>("{\"text\":null,\"value\":\"2017\",\"other\":[1,2]}"));
    }

    [Theory]
    [InlineData("\"2017-13\"")]
    [InlineData("{\"value\":\"in spring\"}")]
    [InlineData("{\"text\":\"in spring 2017\"}")]
    [InlineData("20170222")]
    public void A_bad_date_is_a_json_error(string json)
    {
        Assert.Throws<JsonException>(() => Deserialize<FuzzyDate>(json));
    }

    [Fact]
    public void Evidence_levels_are_numbers()
    {
        var citation = new Citation { SourceId = 1, TargetKind = RecordKind.Event, TargetId = 2, Level = EvidenceLevel.FirstPersonTestimony };

        using var doc = JsonDocument.Parse(Serialize(citation));
        Assert.Equal(3, doc.RootElement.GetProperty("level").GetInt32());
        Assert.Equal("event", doc.RootElement.GetProperty("targetKind").GetString());
        Assert.Equal(EvidenceLevel.Documented, Deserialize<EvidenceLevel>("4"));
    }

    [Theory]
    [InlineData("5")]
    [InlineData("-1")]
    [InlineData("\"3\"")]
    [InlineData("\"documented\"")]
    [InlineData("2.5")]
    public void Anything_but_a_number_from_0_to_4_is_not_an_evidence_level(string json)
    {
        var ex = Assert.Throws<JsonException>(() => Deserialize<EvidenceLevel>(json));

        Assert.Contains("0 to 4", ex.Message);
    }

    [Fact]
    public void A_bad_enum_code_lists_the_allowed_values()
    {
        const string json = "{\"externalId\":\"AT-1\",\"names\":[],\"gender\":\"woman\"}";

        var ex = Assert.Throws<JsonException>(() => Deserialize<Person>(json));

        Assert.Contains("\"woman\"", ex.Message);
        Assert.Contains("unknown | male | female", ex.Message);
    }

    [Fact]
    public void Enum_codes_are_read_ignoring_case()
    {
        var person = Deserialize<Person>("{\"externalId\":\"AT-1\",\"names\":[],\"reportedStatus\":\"In-Camp\"}");

        Assert.Equal(PersonStatus.InCamp, person.ReportedStatus);
    }

    [Fact]
    public void A_bad_script_lists_the_allowed_tags()
    {
        const string json = "{\"externalId\":\"AT-1\",\"names\":[{\"text\":\"Ilham\",\"script\":\"latin\",\"kind\":\"primary\"}]}";

        var ex = Assert.Throws<JsonException>(() => Deserialize<Person>(json));

        Assert.Contains("\"latin\"", ex.Message);
        Assert.Contains("kk-Cyrl", ex.Message);
        Assert.Contains("ug-Arab", ex.Message);
    }

    [Fact]
    public void An_event_round_trips_with_its_participants_amount_and_nullable_fields()
    {
        var fined = new Event
        {
            Id = 5,
            Type = "fined",
            Date = FuzzyDate.OnDay(2019, 2, 22, "on February 22"),
            Participants = [new Participant(ParticipantRole.Subject, PersonId: 3), new Participant(ParticipantRole.Authority, OrganizationId: 4)],
            Amount = 138_900.50m,
            Currency = "KZT",
        };

        var json = Serialize(fined);
        var back = Deserialize<Event>(json);

        Assert.Equal(json, Serialize(back));
        Assert.Equal(fined.Participants, back.Participants);
        Assert.Equal(138_900.50m, back.Amount);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal("authority", doc.RootElement.GetProperty("participants")[1].GetProperty("role").GetString());
        Assert.False(doc.RootElement.TryGetProperty("subjectIds", out _));
    }

    [Fact]
    public void An_event_type_with_no_implied_status_writes_null()
    {
        var json = Serialize(EventVocabulary.Defaults.Single(t => t.Code == "interrogated"));

        using var doc = JsonDocument.Parse(json);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("implies").ValueKind);
        Assert.Equal("xinjiang", doc.RootElement.GetProperty("region").GetString());
        Assert.Equal(PersonStatus.Missing, Deserialize<EventType>(Serialize(EventVocabulary.Defaults.Single(t => t.Code == "contact-lost"))).Implies);
    }
}
