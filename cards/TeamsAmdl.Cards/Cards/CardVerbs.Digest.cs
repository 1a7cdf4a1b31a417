namespace TeamsAmdl.Cards;

public static partial class CardVerbs
{
    /// <summary>Betreuer sends the weekly input; data: {"week": "2026-W47", "measures": ["num1", "num2"]} plus the inputs.</summary>
    public const string DigestInputSubmit = "digest.inputSubmit";

    /// <summary>Betreuer wants to change the weekly input already sent: the bot answers with the input card again; same data.</summary>
    public const string DigestInputEdit = "digest.inputEdit";

    /// <summary>Data key: the week ("2026-W47").</summary>
    public const string DigestWeekKey = "week";

    /// <summary>Data key: the Maßnahmenummern the weekly input card covers, as a JSON array of strings.</summary>
    public const string DigestMeasuresKey = "measures";

    /// <summary>Input ids of the weekly input card, per measure.</summary>
    public static string DigestOccupiedInputId(string measureNumber) => "diOcc_" + measureNumber;
    public static string DigestNextEntryInputId(string measureNumber) => "diNext_" + measureNumber;
    public static string DigestRemarksInputId(string measureNumber) => "diRem_" + measureNumber;
}
