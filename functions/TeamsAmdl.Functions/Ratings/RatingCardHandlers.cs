using TeamsAmdl.Cards;
using TeamsAmdl.Functions.Bot;

namespace TeamsAmdl.Functions.Ratings;

/// <summary>"Bewertung starten/fortsetzen", "Zurück" and the card's refresh: the current (or the asked) page.</summary>
public sealed class RatingOpenHandler(RatingFlow flow) : ICardActionHandler
{
    public string Verb => CardVerbs.RatingOpen;
    public Task<CardActionResult> HandleAsync(CardActionContext context, CancellationToken ct) => flow.OpenAsync(context.User, context.Data, ct);
}

/// <summary>"Speichern und weiter": stores one page, shows the next one or the summary.</summary>
public sealed class RatingSavePageHandler(RatingFlow flow) : ICardActionHandler
{
    public string Verb => CardVerbs.RatingSavePage;
    public Task<CardActionResult> HandleAsync(CardActionContext context, CancellationToken ct) => flow.SavePageAsync(context.User, context.Data, ct);
}

/// <summary>"Entwurf speichern" on the summary: stores the justifications typed so far.</summary>
public sealed class RatingSaveDraftHandler(RatingFlow flow) : ICardActionHandler
{
    public string Verb => CardVerbs.RatingSaveDraft;
    public Task<CardActionResult> HandleAsync(CardActionContext context, CancellationToken ct) => flow.SaveDraftAsync(context.User, context.Data, ct);
}

/// <summary>"Bewertung absenden": R-RATE-4 check, submission, follow-ups.</summary>
public sealed class RatingSubmitHandler(RatingFlow flow) : ICardActionHandler
{
    public string Verb => CardVerbs.RatingSubmit;
    public Task<CardActionResult> HandleAsync(CardActionContext context, CancellationToken ct) => flow.SubmitAsync(context.User, context.Data, ct);
}
