namespace Kuager.Ingestion.Tests.Extraction;

/// <summary>The gazetteer knows each place's kind and the places it is in, so a place can be created under its parents.</summary>
public sealed class GazetteerTests
{
    private static readonly string[] Kinds = ["country", "region", "prefecture", "county", "city", "border-crossing"];

    [Fact]
    public void Every_place_has_a_known_kind_and_its_enclosing_places_are_listed_up_to_a_country()
    {
        var entries = Gazetteer.Places.Entries.ToList();

        Assert.Equal(Gazetteer.Places.Count, entries.Count);
        Assert.All(entries, e =>
        {
            Assert.Contains(e.Kind, Kinds);
            var lineage = Gazetteer.Places.Lineage(e);
            Assert.Equal("country", lineage[0].Kind);
            Assert.Same(e, lineage[^1]);
            Assert.Equal(e.Path, string.Join(" > ", lineage.Select(l => l.Name)));
        });
    }

    [Fact]
    public void A_town_lies_in_its_region_and_is_found_by_path_and_by_name_with_its_spellings()
    {
        var zharkent = Gazetteer.Places.AtPath("kazakhstan > zhetysu region > zharkent");

        Assert.NotNull(zharkent);
        Assert.Equal(["Kazakhstan", "Zhetysu Region", "Zharkent"], Gazetteer.Places.Lineage(zharkent).Select(e => e.Name));
        Assert.Equal(["city", "region", "country"], Gazetteer.Places.Lineage(zharkent).Select(e => e.Kind).Reverse());
        Assert.Same(zharkent, Gazetteer.Places.Named("Zharkent"));
        Assert.Equal("Zharkent", Gazetteer.Places.SpellingsOf(zharkent)[0]);
        Assert.Contains("Жаркент", Gazetteer.Places.SpellingsOf(zharkent));
        Assert.Equal("China > Xinjiang > Ili > Ghulja", Gazetteer.Places.Named("Ghulja")!.Path);
        Assert.Null(Gazetteer.Places.Named("Atlantis"));
    }

    [Fact]
    public void An_event_carries_the_path_of_the_place_its_sentence_names()
    {
        var x = Extractor.Extract(new Article("Title", null, null, null, "en", ["Police detained Aidos Serikuly in Zharkent on Monday."]));

        var detained = Assert.Single(x.Events);
        Assert.Equal(("Zharkent", "Kazakhstan > Zhetysu Region > Zharkent"), (detained.Place, detained.PlacePath));
    }
}
