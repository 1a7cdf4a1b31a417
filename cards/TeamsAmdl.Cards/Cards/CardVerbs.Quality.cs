namespace TeamsAmdl.Cards;

/// <summary>Verbs, data keys and input ids of the quality calendar cards (R-QA-1 inspection reminders).</summary>
public static partial class CardVerbs
{
    /// <summary>"Termin bestätigen": data {measureNumber, inspectionId}.</summary>
    public const string InspectionConfirm = "inspectionConfirm";

    /// <summary>"Termin verschieben": data {measureNumber, inspectionId} + input <see cref="InspectionDateInput"/>.</summary>
    public const string InspectionReschedule = "inspectionReschedule";

    public const string InspectionIdKey = "inspectionId";
    public const string InspectionDateInput = "inspectionDate";
}
