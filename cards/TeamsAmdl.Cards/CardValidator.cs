namespace TeamsAmdl.Cards;

/// <summary>Thrown by <see cref="AdaptiveCardBuilder.Build"/> when a card would be invalid. Messages are for developers (English).</summary>
public sealed class CardValidationException : InvalidOperationException
{
    public CardValidationException(string problem) : this([problem]) { }

    public CardValidationException(IReadOnlyList<string> problems)
        : base("Invalid Adaptive Card: " + string.Join(" | ", problems)) => Problems = problems;

    public IReadOnlyList<string> Problems { get; }
}

/// <summary>
/// The checks behind <see cref="AdaptiveCardBuilder.Build"/>: what the official renderer reports as a parse or
/// validation problem (duplicate ids, required inputs without label/error message, empty choice sets, too many
/// actions, ...) plus a few Teams limits.
/// </summary>
internal static class CardValidator
{
    /// <summary>Teams host config: actions.maxActions.</summary>
    public const int MaxActions = 6;

    private static readonly string[] UrlSchemes = ["https", "http", "mailto", "tel", "msteams"];

    public static void ThrowIfInvalid(AdaptiveCard card)
    {
        var problems = new List<string>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        CheckCard(card, "card", problems, ids, isRoot: true);
        foreach (var (id, count) in ids)
            if (count > 1)
                problems.Add($"Id '{id}' is used {count} times; ids must be unique within a card.");
        if (problems.Count > 0) throw new CardValidationException(problems);
    }

    private static void CheckCard(AdaptiveCard card, string path, List<string> problems, Dictionary<string, int> ids, bool isRoot)
    {
        if (card.Body.Count == 0 && (card.Actions is null || card.Actions.Count == 0))
            problems.Add($"{path}: a card needs at least one body element or action.");
        for (var i = 0; i < card.Body.Count; i++)
            CheckElement(card.Body[i], $"{path}.body[{i}]", problems, ids);
        if (card.Actions is { } actions)
        {
            if (actions.Count > MaxActions)
                problems.Add($"{path}.actions: {actions.Count} actions, Teams shows at most {MaxActions}.");
            for (var i = 0; i < actions.Count; i++)
                CheckAction(actions[i], $"{path}.actions[{i}]", problems, ids);
        }
        if (card.Refresh is { } refresh)
        {
            if (!isRoot) problems.Add($"{path}.refresh: only the outermost card can have a refresh.");
            if (refresh.Action is not ExecuteAction execute)
                problems.Add($"{path}.refresh.action must be an Action.Execute.");
            else
                CheckExecute(execute, $"{path}.refresh.action", problems);
            if (refresh.UserIds is { } users)
            {
                if (users.Count > Refresh.MaxUserIds)
                    problems.Add($"{path}.refresh.userIds: {users.Count} user ids, Teams allows at most {Refresh.MaxUserIds}.");
                if (users.Any(string.IsNullOrWhiteSpace))
                    problems.Add($"{path}.refresh.userIds contains an empty id.");
            }
        }
    }

    private static void Register(string? id, Dictionary<string, int> ids)
    {
        if (id is null) return;
        ids[id] = ids.GetValueOrDefault(id) + 1;
    }

    private static void CheckItems(IReadOnlyList<CardElement>? items, string path, List<string> problems, Dictionary<string, int> ids,
        bool mayBeEmpty = false)
    {
        if (items is null || (!mayBeEmpty && items.Count == 0))
        {
            problems.Add($"{path}: needs at least one item.");
            return;
        }
        for (var i = 0; i < items.Count; i++)
            CheckElement(items[i], $"{path}[{i}]", problems, ids);
    }

    private static void CheckElement(CardElement? element, string path, List<string> problems, Dictionary<string, int> ids)
    {
        if (element is null)
        {
            problems.Add($"{path}: element is null.");
            return;
        }
        if (element.Id is { } id && string.IsNullOrWhiteSpace(id))
            problems.Add($"{path}: id is empty.");
        Register(element.Id, ids);
        switch (element)
        {
            case TextBlock t:
                if (string.IsNullOrWhiteSpace(t.Text)) problems.Add($"{path} (TextBlock): text is empty.");
                if (t.MaxLines is <= 0) problems.Add($"{path} (TextBlock): maxLines must be positive.");
                break;
            case FactSet f:
                if (f.Facts is null || f.Facts.Count == 0) problems.Add($"{path} (FactSet): needs at least one fact.");
                else if (f.Facts.Any(x => x is null || string.IsNullOrWhiteSpace(x.Title) || x.Value is null))
                    problems.Add($"{path} (FactSet): every fact needs a title and a value.");
                break;
            case ColumnSet cs:
                if (cs.Columns is null || cs.Columns.Count == 0)
                {
                    problems.Add($"{path} (ColumnSet): needs at least one column.");
                    break;
                }
                for (var i = 0; i < cs.Columns.Count; i++)
                {
                    var column = cs.Columns[i];
                    if (column is null) { problems.Add($"{path}.columns[{i}]: column is null."); continue; }
                    Register(column.Id, ids);
                    CheckItems(column.Items, $"{path}.columns[{i}].items", problems, ids, mayBeEmpty: true);
                }
                break;
            case Container c:
                CheckItems(c.Items, $"{path}.items", problems, ids);
                break;
            case Table table:
                CheckTable(table, path, problems, ids);
                break;
            case Image image:
                if (!(image.Url?.StartsWith("data:image/", StringComparison.OrdinalIgnoreCase) ?? false) &&
                    !IsAbsoluteUrl(image.Url, ["https", "http"]))
                    problems.Add($"{path} (Image): url must be an absolute http(s) or data: URL.");
                break;
            case CardInput input:
                CheckInput(input, path, problems);
                break;
            case ActionSet set:
                if (set.Actions is null || set.Actions.Count == 0) problems.Add($"{path} (ActionSet): needs at least one action.");
                else if (set.Actions.Count > MaxActions) problems.Add($"{path} (ActionSet): {set.Actions.Count} actions, Teams shows at most {MaxActions}.");
                else
                    for (var i = 0; i < set.Actions.Count; i++)
                        CheckAction(set.Actions[i], $"{path}.actions[{i}]", problems, ids);
                break;
        }
    }

    private static void CheckTable(Table table, string path, List<string> problems, Dictionary<string, int> ids)
    {
        if (table.Columns is null || table.Columns.Count == 0)
        {
            problems.Add($"{path} (Table): needs at least one column.");
            return;
        }
        if (table.Columns.Any(c => c is null || !c.Width.IsWeightOrPixels))
            problems.Add($"{path} (Table): column widths must be weights or pixels.");
        if (table.Rows is null) { problems.Add($"{path} (Table): rows are null."); return; }
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            if (row?.Cells is null) { problems.Add($"{path}.rows[{r}]: row has no cells."); continue; }
            if (row.Cells.Count > table.Columns.Count)
                problems.Add($"{path}.rows[{r}]: {row.Cells.Count} cells but only {table.Columns.Count} columns.");
            for (var c = 0; c < row.Cells.Count; c++)
            {
                if (row.Cells[c] is null) { problems.Add($"{path}.rows[{r}].cells[{c}]: cell is null."); continue; }
                CheckItems(row.Cells[c].Items, $"{path}.rows[{r}].cells[{c}].items", problems, ids, mayBeEmpty: true);
            }
        }
    }

    private static void CheckInput(CardInput input, string path, List<string> problems)
    {
        var what = $"{path} (input '{input.Id}')";
        if (string.IsNullOrWhiteSpace(input.Id)) problems.Add($"{path}: an input needs an id.");
        if (input.IsRequired && string.IsNullOrWhiteSpace(input.Label))
            problems.Add($"{what}: a required input needs a label.");
        if (input.IsRequired && string.IsNullOrWhiteSpace(input.ErrorMessage))
            problems.Add($"{what}: a required input needs an errorMessage.");
        switch (input)
        {
            case TextInput t:
                if (t.MaxLength is <= 0) problems.Add($"{what}: maxLength must be positive.");
                if (t.MaxLength is { } max && t.Value is { } v && v.Length > max)
                    problems.Add($"{what}: value is longer than maxLength.");
                break;
            case NumberInput n:
                if (n.Min > n.Max) problems.Add($"{what}: min is greater than max.");
                if (n.Value < n.Min || n.Value > n.Max) problems.Add($"{what}: value lies outside min..max.");
                break;
            case DateInput d:
                if (d.Min > d.Max) problems.Add($"{what}: min is after max.");
                if (d.Value < d.Min || d.Value > d.Max) problems.Add($"{what}: value lies outside min..max.");
                break;
            case ToggleInput toggle:
                if (string.IsNullOrWhiteSpace(toggle.Title)) problems.Add($"{what}: a toggle needs a title.");
                break;
            case ChoiceSetInput choiceSet:
                if (choiceSet.Choices is null || choiceSet.Choices.Count == 0)
                {
                    problems.Add($"{what}: a choice set needs at least one choice.");
                    break;
                }
                if (choiceSet.Choices.Any(c => c is null || string.IsNullOrWhiteSpace(c.Title) || string.IsNullOrEmpty(c.Value)))
                {
                    problems.Add($"{what}: every choice needs a title and a value.");
                    break;
                }
                var values = choiceSet.Choices.Select(c => c.Value).ToList();
                if (values.Distinct(StringComparer.Ordinal).Count() != values.Count)
                    problems.Add($"{what}: choice values must be unique.");
                if (choiceSet.Value is { Length: > 0 } selected)
                {
                    var picked = choiceSet.IsMultiSelect ? selected.Split(',') : [selected];
                    if (picked.Any(p => !values.Contains(p, StringComparer.Ordinal)))
                        problems.Add($"{what}: value '{selected}' is not one of the choices.");
                }
                break;
        }
    }

    private static void CheckAction(CardAction? action, string path, List<string> problems, Dictionary<string, int> ids)
    {
        if (action is null)
        {
            problems.Add($"{path}: action is null.");
            return;
        }
        Register(action.Id, ids);
        if (string.IsNullOrWhiteSpace(action.Title)) problems.Add($"{path}: an action needs a title.");
        switch (action)
        {
            case ExecuteAction execute:
                CheckExecute(execute, path, problems);
                break;
            case OpenUrlAction open:
                if (!IsAbsoluteUrl(open.Url, UrlSchemes))
                    problems.Add($"{path} (Action.OpenUrl): url must be an absolute http(s), mailto, tel or msteams URL.");
                break;
            case ShowCardAction show:
                if (show.Card is null) problems.Add($"{path} (Action.ShowCard): card is null.");
                else CheckCard(show.Card, $"{path}.card", problems, ids, isRoot: false);
                break;
        }
    }

    private static void CheckExecute(ExecuteAction execute, string path, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(execute.Verb)) problems.Add($"{path} (Action.Execute): verb is empty.");
        if (execute.WithSubmitFallback)
        {
            try { execute.DataWithVerb(); }
            catch (CardValidationException e) { problems.AddRange(e.Problems.Select(p => $"{path}: {p}")); }
        }
    }

    private static bool IsAbsoluteUrl(string? url, IReadOnlyCollection<string> schemes) =>
        !string.IsNullOrWhiteSpace(url) && Uri.TryCreate(url, UriKind.Absolute, out var uri) &&
        schemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase);
}
