namespace TeamsAmdl.Domain;

/// <summary>
/// State of an IFK's place request (R-FREE-2). Stored by name: do not rename members.
/// <list type="bullet">
/// <item><see cref="Pending"/>: a place is held for the customer (a reservation row, counted like a confirmed one, so
/// it can never be given twice); the Betreuer/Koordinator decides.</item>
/// <item><see cref="Confirmed"/>: the Betreuer/Koordinator accepted; the reservation stays until the customer enters.</item>
/// <item><see cref="Declined"/>, <see cref="Withdrawn"/>: the held place was given back.</item>
/// <item><see cref="Refused"/>: no place was free when the request came; nothing held. The IFK may join the waiting list.</item>
/// <item><see cref="Waitlisted"/>: waiting; the next free place is offered to the waiting list first, in request order
/// (the request becomes <see cref="Pending"/> with a held place).</item>
/// </list>
/// </summary>
public enum PlaceRequestStatus { Pending, Confirmed, Declined, Withdrawn, Refused, Waitlisted }

/// <summary>Which transitions a request allows; the messages are German and meant for the card.</summary>
public static class PlaceRequestRules
{
    /// <summary>Requests for one customer in one measure that are still open (hold a place or wait for one).</summary>
    public static bool IsOpen(PlaceRequestStatus s) => s is PlaceRequestStatus.Pending or PlaceRequestStatus.Confirmed or PlaceRequestStatus.Waitlisted;

    /// <summary>Whether the request holds a place (a reservation row exists for it).</summary>
    public static bool HoldsPlace(PlaceRequestStatus s) => s is PlaceRequestStatus.Pending or PlaceRequestStatus.Confirmed;

    public static string? CannotDecide(PlaceRequestStatus s) => s == PlaceRequestStatus.Pending ? null : s switch
    {
        PlaceRequestStatus.Confirmed => "Diese Anfrage ist bereits bestätigt.",
        PlaceRequestStatus.Declined => "Diese Anfrage ist bereits abgelehnt.",
        PlaceRequestStatus.Withdrawn => "Diese Anfrage wurde von der IFK zurückgezogen.",
        PlaceRequestStatus.Waitlisted => "Diese Anfrage steht auf der Warteliste; es ist noch kein Platz für sie reserviert.",
        _ => "Für diese Anfrage ist kein Platz reserviert; es gibt nichts zu entscheiden.",
    };

    public static string? CannotWithdraw(PlaceRequestStatus s) => IsOpen(s) ? null : s switch
    {
        PlaceRequestStatus.Withdrawn => "Diese Anfrage ist bereits zurückgezogen.",
        PlaceRequestStatus.Declined => "Diese Anfrage wurde abgelehnt; es gibt nichts zurückzuziehen.",
        _ => "Diese Anfrage hält keinen Platz und steht nicht auf der Warteliste.",
    };

    public static string? CannotJoinWaitlist(PlaceRequestStatus s) => s switch
    {
        PlaceRequestStatus.Refused => null,
        PlaceRequestStatus.Waitlisted => "Diese Anfrage steht bereits auf der Warteliste.",
        PlaceRequestStatus.Pending or PlaceRequestStatus.Confirmed => "Für diese Anfrage ist bereits ein Platz reserviert.",
        _ => "Nur eine Anfrage, für die kein Platz frei war, kann auf die Warteliste.",
    };
}
