namespace TeamsAmdl.Cards;

/// <summary>Verbs, data keys and input ids of the after-end task cards (R-QA-4).</summary>
public static partial class CardVerbs
{
    /// <summary>Mark an after-end task done: data {measure, task} + for the Eingliederungserfolg inputs integrated, notIntegrated.</summary>
    public const string QualityTaskComplete = "qualityTaskComplete";

    public const string QualityMeasureKey = "measure";
    public const string QualityTaskKey = "task";
    public const string QualityIntegratedInput = "integrated";
    public const string QualityNotIntegratedInput = "notIntegrated";
}
