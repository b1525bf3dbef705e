using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace Kuager.Web.Localization;

/// <summary>
/// Every label, message and error in English, Russian and Kazakh. Texts live in Localization/*.json, one file per
/// feature, each entry {"Key": {"en": ..., "ru": ..., "kk": ...}}, so a text and its translations are read and
/// changed together. A missing translation falls back to English; a missing key shows the key (and a test fails).
/// </summary>
public sealed class TextLocalizer : IStringLocalizer
{
    public static readonly string[] Cultures = ["en", "ru", "kk"];

    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _texts;

    public TextLocalizer() => _texts = Load();

    /// <summary>The one instance: texts are read once from the assembly and never change.</summary>
    public static TextLocalizer Shared { get; } = new();

    /// <summary>Every key with its translations, for the test that checks no language is missing.</summary>
    public IReadOnlyDictionary<string, FrozenDictionary<string, string>> All => _texts;

    public LocalizedString this[string name] => Find(name, CultureInfo.CurrentUICulture);

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var text = Find(name, CultureInfo.CurrentUICulture);
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, text.Value, arguments), text.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        _texts.Keys.Select(k => Find(k, CultureInfo.CurrentUICulture));

    /// <summary>A domain validation message in the reader's language (its English template is the key); English when untranslated.</summary>
    public string Localize(Kuager.Core.ValidationError error)
    {
        var template = Find(error.Template, CultureInfo.CurrentUICulture);
        return template.ResourceNotFound
            ? error.Message
            : string.Format(CultureInfo.CurrentCulture, template.Value, [.. error.Args]);
    }

    /// <summary>The text in the reader's language, or null when there is no such key.</summary>
    public string? Get(string name) => Find(name, CultureInfo.CurrentUICulture) is { ResourceNotFound: false } text ? text.Value : null;

    /// <summary>The text in a given language, for code that renders outside a request (charts, exports).</summary>
    public string In(string name, string culture) => Find(name, CultureInfo.GetCultureInfo(culture)).Value;

    private LocalizedString Find(string name, CultureInfo culture)
    {
        if (!_texts.TryGetValue(name, out var translations))
        {
            return new LocalizedString(name, name, resourceNotFound: true);
        }

        var language = culture.TwoLetterISOLanguageName;
        return translations.TryGetValue(language, out var text) || translations.TryGetValue("en", out text)
            ? new LocalizedString(name, text)
            : new LocalizedString(name, name, resourceNotFound: true);
    }

    private static FrozenDictionary<string, FrozenDictionary<string, string>> Load()
    {
        var assembly = typeof(TextLocalizer).Assembly;
        var texts = new Dictionary<string, FrozenDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.Contains(".Localization.", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)).Order())
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            var file = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(stream)
                ?? throw new InvalidOperationException($"{resource} is empty");
            foreach (var (key, translations) in file)
            {
                if (!texts.TryAdd(key, translations.ToFrozenDictionary()))
                {
                    throw new InvalidOperationException($"the text key \"{key}\" is defined twice ({resource})");
                }
            }
        }

        return texts.ToFrozenDictionary();
    }
}

/// <summary>Hands the one localizer to every IStringLocalizer&lt;T&gt; (pages, validation, data annotations).</summary>
public sealed class TextLocalizerFactory(TextLocalizer localizer) : IStringLocalizerFactory
{
    public IStringLocalizer Create(Type resourceSource) => localizer;

    public IStringLocalizer Create(string baseName, string location) => localizer;
}

public static class LocalizationSetup
{
    public const string CookieName = ".Kuager.Culture";

    public static IServiceCollection AddKuagerLocalization(this IServiceCollection services)
    {
        services.AddSingleton(TextLocalizer.Shared);
        services.AddSingleton<IStringLocalizerFactory, TextLocalizerFactory>();
        services.AddSingleton(typeof(IStringLocalizer<>), typeof(StringLocalizer<>));
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = TextLocalizer.Cultures.Select(Culture).ToList();
            o.DefaultRequestCulture = new RequestCulture("en");
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = "culture", UIQueryStringKey = "culture" },
                new CookieRequestCultureProvider { CookieName = CookieName },
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }

    /// <summary>
    /// The culture for a language. English dates are written the British way (22/11/2026, 24-hour time): the
    /// neutral "en" culture writes 11/22/2026, which readers in Kazakhstan and Europe read as the 11th of month 22.
    /// </summary>
    private static CultureInfo Culture(string language)
    {
        if (language != "en")
        {
            return CultureInfo.GetCultureInfo(language);
        }

        var english = new CultureInfo("en")
        {
            DateTimeFormat = (DateTimeFormatInfo)CultureInfo.GetCultureInfo("en-GB").DateTimeFormat.Clone(),
        };
        return CultureInfo.ReadOnly(english);
    }

    /// <summary>Picks the language for each request, and remembers a choice made with ?culture= in a cookie.</summary>
    public static WebApplication UseKuagerLocalization(this WebApplication app)
    {
        app.UseRequestLocalization();
        app.Use(async (context, next) =>
        {
            if (context.Request.Query.TryGetValue("culture", out var asked) && TextLocalizer.Cultures.Contains(asked.ToString()))
            {
                context.Response.Cookies.Append(CookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(asked.ToString())),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, Secure = context.Request.IsHttps });
            }

            await next();
        });
        return app;
    }
}
