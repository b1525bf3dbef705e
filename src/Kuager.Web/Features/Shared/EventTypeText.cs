using Kuager.Core;
using Kuager.Web.Localization;

namespace Kuager.Web.Features;

/// <summary>
/// Event type labels in the reader's language: the built-in vocabulary is translated (Localization/EventTypes.json,
/// "eventtype.CODE"); types a group added itself show the label it gave them.
/// </summary>
public static class EventTypeText
{
    public static string Label(string code, string? storedLabel = null)
    {
        var text = TextLocalizer.Shared.Get("eventtype." + code);
        return text ?? storedLabel ?? code;
    }

    public static string Localized(this EventType type) => Label(type.Code, type.Label);
}
