namespace Kuager.Core.Tests.Domain;

public class TestimonyTests
{
    // SHA-256 of "abc".
    private const string AbcSha256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    private static readonly StoredFile Video = new(AbcSha256, 1_048_576, "video/mp4", "testimony.mp4");

    private static readonly Testimony ByDaughter = new()
    {
        TestifierPersonId = 2,
        SubjectPersonId = 1,
        Relation = TestimonyRelation.Child,
        Medium = TestimonyMedium.Video,
        Files = [Video],
    };

    [Fact]
    public void A_relative_testifying_about_a_subject_is_valid()
    {
        Errors.None(ByDaughter.Validate());
    }

    [Fact]
    public void The_default_consent_and_confidentiality_are_the_safe_ones()
    {
        var t = new Testimony { SubjectPersonId = 1 };

        Assert.Equal(Consent.InternalUseOnly, t.Consent);
        Assert.Equal(Confidentiality.Confidential, t.Confidentiality);
        Errors.None(t.Validate());
    }

    [Fact]
    public void A_testimony_needs_a_subject_or_a_testifier()
    {
        var error = Errors.On(new Testimony().Validate(), "subjectPersonId");

        Assert.Contains("subject or the testifier", error.Message);
        Errors.None(new Testimony { TestifierPersonId = 2 }.Validate());
        Errors.None(new Testimony { SubjectPersonId = 1 }.Validate());
    }

    [Fact]
    public void A_first_person_testimony_has_the_same_testifier_and_subject()
    {
        var survivor = new Testimony { Relation = TestimonyRelation.Self, TestifierPersonId = 4, SubjectPersonId = 4 };

        Errors.None(survivor.Validate());
        Errors.None((survivor with { SubjectPersonId = null }).Validate());
        var error = Errors.On((survivor with { SubjectPersonId = 5 }).Validate(), "relation");
        Assert.Contains("first-person", error.Message);
    }

    [Fact]
    public void Publishing_with_name_contradicts_a_confidential_record()
    {
        var t = ByDaughter with { Consent = Consent.PublishWithName, Confidentiality = Confidentiality.Confidential };

        Errors.OnlyOn(t.Validate(), "consent");
        Errors.None((t with { Confidentiality = Confidentiality.Public }).Validate());
        Errors.None((t with { Consent = Consent.PublishAnonymously }).Validate());
    }

    [Fact]
    public void Person_and_place_ids_must_exist()
    {
        Errors.OnlyOn((ByDaughter with { TestifierPersonId = 0 }).Validate(), "testifierPersonId");
        Errors.OnlyOn((ByDaughter with { SubjectPersonId = -1 }).Validate(), "subjectPersonId");
        Errors.OnlyOn((ByDaughter with { RecordedAtPlaceId = 0 }).Validate(), "recordedAtPlaceId");
    }

    [Fact]
    public void A_stored_file_with_a_proper_hash_is_valid()
    {
        Errors.None(Video.Validate("file"));
        Assert.Equal(AbcSha256, Source.HashText("abc"));
    }

    [Theory]
    [InlineData("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD")] // upper case
    [InlineData("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a")] // 63 digits
    [InlineData("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad0")] // 65 digits
    [InlineData("ga7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")] // not hex
    [InlineData("")]
    public void A_stored_file_hash_must_be_64_lower_case_hex_digits(string sha256)
    {
        var error = Assert.Single((Video with { Sha256 = sha256 }).Validate("files[0]"));

        Assert.Equal("files[0]", error.Field);
        Assert.Contains("64 lower-case hex", error.Message);
    }

    [Fact]
    public void A_stored_file_needs_a_size_a_media_type_and_a_name()
    {
        Assert.Single((Video with { Size = -1 }).Validate("f"));
        Assert.Single((Video with { MediaType = "" }).Validate("f"));
        Assert.Single((Video with { FileName = " " }).Validate("f"));
    }

    [Fact]
    public void File_errors_are_reported_at_the_files_index()
    {
        var t = ByDaughter with { Files = [Video, Video with { Sha256 = "not-a-hash" }] };

        Errors.OnlyOn(t.Validate(), "files[1]");
    }
}
