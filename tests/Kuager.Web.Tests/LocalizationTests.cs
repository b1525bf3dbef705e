using Kuager.Storage;
using Kuager.Storage.Tests;
using Kuager.Web.Localization;

namespace Kuager.Web.Tests;

public sealed class LocalizationTests
{
    [Fact]
    public void Every_text_is_in_English_Russian_and_Kazakh()
    {
        var missing = new TextLocalizer().All
            .SelectMany(t => TextLocalizer.Cultures.Where(c => !t.Value.TryGetValue(c, out var s) || string.IsNullOrWhiteSpace(s)).Select(c => $"{t.Key} ({c})"))
            .ToList();

        Assert.True(missing.Count == 0, "texts without a translation:\n" + string.Join("\n", missing));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_culture_query_switches_language_on_any_page_and_is_remembered(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var person = await app.AddPersonAsync();

        var russian = await app.PageAsync($"/persons/{person.Id}?culture=ru");
        Assert.Equal("ru", russian.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Люди", russian.QuerySelector("header")!.TextContent);

        var remembered = await app.PageAsync("/");
        Assert.Equal("ru", remembered.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Обзор", remembered.QuerySelector("h1")!.TextContent);

        var kazakh = await app.PageAsync("/persons?culture=kk");
        Assert.Equal("kk", kazakh.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Адамдар", kazakh.QuerySelector("h1")!.TextContent);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Pages_load_nothing_from_outside_the_app(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var person = await app.AddPersonAsync();
        foreach (var url in new[] { "/", "/persons", $"/persons/{person.Id}" })
        {
            var page = await app.PageAsync(url);
            var external = page.QuerySelectorAll("script[src], link[href], img[src]")
                .Select(e => e.GetAttribute("src") ?? e.GetAttribute("href") ?? "")
                .Where(u => u.Contains("//", StringComparison.Ordinal))
                .ToList();
            Assert.True(external.Count == 0, $"{url} loads {string.Join(", ", external)}");
            Assert.Empty(page.QuerySelectorAll("[style], style, script:not([src])"));
        }

        var css = await app.Client.GetAsync("/assets/site.css");
        Assert.Equal("text/css; charset=utf-8", css.Content.Headers.ContentType?.ToString());
    }
}

public sealed class ValidationMessageTests
{
    [Theory]
    [InlineData("en", "is 301 characters long; the limit is 300")]
    [InlineData("ru", "длина 301 символов; предел 300")]
    [InlineData("kk", "ұзындығы 301 таңба; шегі 300")]
    public void Domain_errors_are_shown_in_the_readers_language_with_their_values(string culture, string expected)
    {
        var error = new Kuager.Core.Rules().MaxLength("title", new string('x', 301), 300).Errors.Single();
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(culture);
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo(culture);
            Assert.Equal(expected, TextLocalizer.Shared.Localize(error));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void A_message_without_a_translation_falls_back_to_its_English_text()
    {
        var error = new Kuager.Core.ValidationError("x", "something new and untranslated");
        Assert.Equal("something new and untranslated", TextLocalizer.Shared.Localize(error));
    }
}

public sealed class EventTypeTextTests
{
    [Fact]
    public void Every_built_in_event_type_has_a_translated_label()
    {
        var texts = new TextLocalizer().All;
        var missing = Kuager.Core.EventVocabulary.Defaults.Where(t => !texts.ContainsKey("eventtype." + t.Code)).Select(t => t.Code).ToList();
        Assert.True(missing.Count == 0, "event types without texts: " + string.Join(", ", missing));
    }

    [Fact]
    public void A_type_a_group_added_itself_keeps_its_own_label()
    {
        Assert.Equal("Hunger strike", Kuager.Web.Features.EventTypeText.Label("hunger-strike", "Hunger strike"));
    }
}

public sealed class FieldTextTests
{
    [Fact]
    public void Every_field_of_every_record_has_a_label_in_each_language()
    {
        var records = new object[]
        {
            new Kuager.Core.Person { ExternalId = "x", Names = [] }, new Kuager.Core.Place { Names = [] }, new Kuager.Core.Organization { Name = "x" },
            new Kuager.Core.Relationship(), new Kuager.Core.Event { Type = "x" }, new Kuager.Core.Case { Title = "x" }, new Kuager.Core.Testimony(),
            new Kuager.Core.Source { Title = "x" }, new Kuager.Core.Citation(),
        };
        var texts = new TextLocalizer().All;
        var missing = records
            .SelectMany(r => System.Text.Json.JsonSerializer.SerializeToNode(r, Kuager.Core.KuagerJson.Data)!.AsObject().Select(p => p.Key))
            .Distinct()
            .Where(f => !texts.ContainsKey("field." + f))
            .ToList();
        Assert.True(missing.Count == 0, "fields without a label: " + string.Join(", ", missing));
    }
}
