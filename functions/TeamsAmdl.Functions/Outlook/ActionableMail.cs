using System.Text;
using System.Text.Json.Nodes;
using TeamsAmdl.Cards;
using TeamsAmdl.Functions.Bot;

namespace TeamsAmdl.Functions.Outlook;

/// <summary>
/// The HTML body of an Actionable Message: the card (Outlook form, <see cref="OutlookCards.ForOutlook"/>, with fresh
/// requestIds) in <c>&lt;script type="application/adaptivecard+json"&gt;</c> in the head, and for clients without
/// Actionable Messages a readable fallback in the body: the card's texts and facts, and a link to the tab.
/// </summary>
public static class ActionableMail
{
    public const string ScriptType = "application/adaptivecard+json";

    public static string Html(AdaptiveCard card, string originator, string tabUrl)
    {
        var content = card.ToJsonObject();
        CardRequestIds.Stamp(content);
        var outlook = OutlookCards.ForOutlook(content, originator);
        // "</" would end the script element early; "<\/" is the same JSON string.
        var json = outlook.ToJsonString(InvokeResponses.Json).Replace("</", "<\\/", StringComparison.Ordinal);
        var html = new StringBuilder()
            .Append("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">")
            .Append("<script type=\"").Append(ScriptType).Append("\">").Append(json).Append("</script></head><body>");
        html.Append("<div style=\"font-family:Segoe UI,Arial,sans-serif;font-size:14px\">");
        foreach (var item in Fallback(outlook)) html.Append(item);
        html.Append("<p>").Append(E(OutlookTexts.FallbackIntro)).Append("</p>")
            .Append("<p><a href=\"").Append(E(tabUrl)).Append("\">").Append(E(OutlookTexts.FallbackLink)).Append("</a></p>")
            .Append("<p style=\"color:#616161;font-size:12px\">").Append(E(OutlookTexts.FallbackFooter)).Append("</p>")
            .Append("</div></body></html>");
        return html.ToString();
    }

    /// <summary>The card's text blocks (the first as heading) and fact sets as HTML, in card order; inputs and actions left out.</summary>
    private static IEnumerable<string> Fallback(JsonObject card)
    {
        var first = true;
        foreach (var node in Walk(card["body"]))
        {
            switch ((string?)(node["type"] as JsonValue))
            {
                case "TextBlock" when node["isVisible"] is not JsonValue v || (bool?)v != false:
                    var text = (string?)(node["text"] as JsonValue);
                    if (string.IsNullOrWhiteSpace(text)) break;
                    yield return first ? $"<h2 style=\"font-size:18px\">{E(text)}</h2>" : $"<p>{E(text)}</p>";
                    first = false;
                    break;
                case "FactSet":
                    var rows = (node["facts"] as JsonArray ?? []).OfType<JsonObject>()
                        .Select(f => $"<tr><td style=\"padding-right:12px;font-weight:600\">{E((string?)f["title"])}</td><td>{E((string?)f["value"])}</td></tr>");
                    yield return "<table>" + string.Concat(rows) + "</table>";
                    break;
            }
        }
    }

    private static IEnumerable<JsonObject> Walk(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                yield return o;
                foreach (var (name, child) in o)
                    if (name is not ("actions" or "selectAction" or "refresh")) foreach (var n in Walk(child)) yield return n;
                break;
            case JsonArray a:
                foreach (var child in a) foreach (var n in Walk(child)) yield return n;
                break;
        }
    }

    /// <summary>Escapes markup only; umlauts stay as they are (the body is UTF-8), so the fallback stays readable as source too.</summary>
    private static string E(string? s) => (s ?? "").Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);
}
