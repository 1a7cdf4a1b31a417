namespace TeamsAmdl.Cards;

public static partial class CardVerbs
{
    /// <summary>Free-place alert, live view (refresh); data: {"fpMeasures": "A,B"}.</summary>
    public const string FreePlacesRefresh = "freePlaces.refresh";

    /// <summary>Free-place alert with more facts; data: {"fpMeasures": "A,B"}.</summary>
    public const string FreePlacesDetails = "freePlaces.details";

    /// <summary>"Platz anfragen": data {"fpMeasures", "measureNumber"?} + inputs fpMeasure (bundle), fpCustomerRef, fpNote.</summary>
    public const string FreePlacesRequest = "freePlaces.request";

    /// <summary>Mute a measure: data {"fpMeasures", "measureNumber"?} + input fpMute (bundle, comma-separated).</summary>
    public const string FreePlacesMute = "freePlaces.mute";

    /// <summary>Undo a mute: data {"fpMeasures", "measureNumber"}.</summary>
    public const string FreePlacesUnmute = "freePlaces.unmute";

    /// <summary>IFK's request view, live (refresh): data {"measureNumber", "placeRequestId"}.</summary>
    public const string PlaceRequestRefresh = "placeRequest.refresh";

    /// <summary>IFK joins the waiting list with a refused request: data {"measureNumber", "placeRequestId"}.</summary>
    public const string PlaceRequestWaitlist = "placeRequest.waitlist";

    /// <summary>IFK withdraws a request (gives back a held place, or leaves the waiting list).</summary>
    public const string PlaceRequestWithdraw = "placeRequest.withdraw";

    /// <summary>Betreuer/Koordinator confirms: data {"measureNumber", "placeRequestId"}.</summary>
    public const string PlaceRequestConfirm = "placeRequest.confirm";

    /// <summary>Betreuer/Koordinator declines: data {"measureNumber", "placeRequestId"} + input fpDeclineReason.</summary>
    public const string PlaceRequestDecline = "placeRequest.decline";

    /// <summary>Betreuer's decision card, live (refresh).</summary>
    public const string PlaceRequestDecisionRefresh = "placeRequest.decisionRefresh";

    /// <summary>Data key: the measures a free-place card shows, comma-separated Maßnahmenummern.</summary>
    public const string FreePlaceMeasuresKey = "fpMeasures";

    /// <summary>Data key: id of a place request ("requestId" is taken by the idempotency stamp).</summary>
    public const string PlaceRequestIdKey = "placeRequestId";

    /// <summary>Input ids of the free-place cards.</summary>
    public const string CustomerRefInput = "fpCustomerRef";
    public const string NoteInput = "fpNote";
    public const string MeasureChoiceInput = "fpMeasure";
    public const string MuteChoiceInput = "fpMute";
    public const string DeclineReasonInput = "fpDeclineReason";
}
