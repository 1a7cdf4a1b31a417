namespace TeamsAmdl.Cards;

/// <summary>Verbs, data keys and input ids of the rating questionnaire cards (Lieferantenbewertung, R-RATE-3).</summary>
public static partial class CardVerbs
{
    /// <summary>Show the assessor's questionnaire: data {ratingId, page?}; without page the first unfinished page (also the refresh verb).</summary>
    public const string RatingOpen = "ratingOpen";

    /// <summary>Save the answers of one page and go on: data {ratingId, page} + inputs q_{question}, c_{question}.</summary>
    public const string RatingSavePage = "ratingSavePage";

    /// <summary>Save the justifications typed on the summary page without submitting: data {ratingId} + inputs b_{key}, h_{key}.</summary>
    public const string RatingSaveDraft = "ratingSaveDraft";

    /// <summary>Submit the rating from the summary page: data {ratingId} + inputs b_{key}, h_{key}.</summary>
    public const string RatingSubmit = "ratingSubmit";

    /// <summary>The rating request's id ("requestId" is taken by the bot's idempotency stamp).</summary>
    public const string RatingIdKey = "ratingId";

    public const string RatingPageKey = "page";

    /// <summary>Input id prefixes: value and comment of a question, Begründung and Handlungsempfehlung of a bad value.</summary>
    public const string RatingAnswerPrefix = "q_";
    public const string RatingCommentPrefix = "c_";
    public const string RatingBegruendungPrefix = "b_";
    public const string RatingEmpfehlungPrefix = "h_";
}
