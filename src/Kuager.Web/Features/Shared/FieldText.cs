using Kuager.Web.Localization;

namespace Kuager.Web.Features;

/// <summary>A record field as people call it, in their language ("hometownId" is "Hometown", "Туған жері").</summary>
public static class FieldText
{
    public static string Label(string field) => TextLocalizer.Shared.Get("field." + field) ?? field;
}
