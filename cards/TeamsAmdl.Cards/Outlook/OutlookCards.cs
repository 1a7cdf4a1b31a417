using System.Text.Json.Nodes;

namespace TeamsAmdl.Cards;

/// <summary>
/// Turns a card as the builders make it (schema 1.5, for Teams) into one that Outlook renders as an Actionable
/// Message (issue 17): version 1.4 with the provider id as <c>originator</c> (Outlook refuses cards without a
/// registered originator), no Action.Submit fallbacks (Outlook has no Action.Submit; Action.Execute is the one action
/// model of both hosts), no 1.5-only properties (TextBlock style "heading", action tooltip/isEnabled/mode), tables
/// as column sets, no "msteams". Every Action.Execute (the refresh too) carries the originator in its data, so the
/// bot can refuse an Outlook invoke from a card it did not send under its provider id. Checked by the renderer test
/// with the designer's Outlook host config (tests/TeamsAmdl.Cards.Tests/Rendering/OutlookRenderingTests.cs).
/// </summary>
public static class OutlookCards
{
    public const string Version = "1.4";

    /// <summary>Key of the provider id in every Action.Execute's data of a mail card.</summary>
    public const string OriginatorDataKey = "originator";

    public static JsonObject ForOutlook(JsonObject card, string originator)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentException.ThrowIfNullOrWhiteSpace(originator);
        var copy = card.DeepClone().AsObject();
        copy["version"] = Version;
        copy.Remove("msteams");
        copy["originator"] = originator;
        Rewrite(copy, originator);
        return copy;
    }

    /// <summary>The originator of an Outlook card action's data (null when missing).</summary>
    public static string? OriginatorOf(JsonObject actionData) =>
        actionData[OriginatorDataKey] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static void Rewrite(JsonNode? node, string originator)
    {
        switch (node)
        {
            case JsonObject o:
                switch ((string?)(o["type"] as JsonValue))
                {
                    case "Action.Execute":
                        o.Remove("fallback");
                        foreach (var p in new[] { "tooltip", "isEnabled", "mode" }) o.Remove(p);
                        var data = o["data"] as JsonObject ?? new JsonObject();
                        data[OriginatorDataKey] = originator;
                        o["data"] = data;
                        break;
                    case "TextBlock" when (string?)(o["style"] as JsonValue) == "heading":
                        o.Remove("style");
                        break;
                    case "Table":
                        TableToColumnSets(o);
                        break;
                }
                foreach (var (_, child) in o.ToList()) Rewrite(child, originator);
                break;
            case JsonArray a:
                foreach (var child in a.ToList()) Rewrite(child, originator);
                break;
        }
    }

    /// <summary>A Table (1.5) as a Container of one ColumnSet per row, with the table's column widths.</summary>
    private static void TableToColumnSets(JsonObject table)
    {
        var widths = (table["columns"] as JsonArray)?.Select(c => c?["width"]?.DeepClone()).ToList() ?? [];
        var grid = (bool?)(table["showGridLines"] as JsonValue) ?? true;
        var firstAsHeader = (bool?)(table["firstRowAsHeader"] as JsonValue) ?? true;
        var rows = new JsonArray();
        var index = 0;
        foreach (var row in (table["rows"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var columns = new JsonArray();
            var cellIndex = 0;
            foreach (var cell in (row["cells"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var column = new JsonObject { ["type"] = "Column", ["items"] = cell["items"]?.DeepClone() ?? new JsonArray() };
                column["width"] = cellIndex < widths.Count && widths[cellIndex] is { } w ? Width(w) : "stretch";
                if (cell["verticalContentAlignment"] is { } v) column["verticalContentAlignment"] = v.DeepClone();
                columns.Add(column);
                cellIndex++;
            }
            var set = new JsonObject { ["type"] = "ColumnSet", ["columns"] = columns };
            if (row["style"] is { } style) set["style"] = style.DeepClone();
            if (index > 0) set["spacing"] = "small";
            if (grid && index == 1 && firstAsHeader) set["separator"] = true;
            rows.Add(set);
            index++;
        }
        foreach (var p in table.Select(p => p.Key).ToList())
            if (p is not ("type" or "id" or "spacing" or "separator" or "isVisible")) table.Remove(p);
        table["type"] = "Container";
        table["items"] = rows;
    }

    /// <summary>A table column width (a number is a weight) as a Column width ("2" as weight, "80px", "auto").</summary>
    private static JsonNode Width(JsonNode width) =>
        width is JsonValue v && v.TryGetValue<int>(out var weight) ? JsonValue.Create(weight)! : width.DeepClone();
}
