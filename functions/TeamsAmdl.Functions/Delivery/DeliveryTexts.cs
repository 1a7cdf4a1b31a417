namespace TeamsAmdl.Functions.Delivery;

/// <summary>German sentences saying when a message is delivered.</summary>
public static class DeliveryTexts
{
    public const string Now = "wird sofort zugestellt";
    public static string From(string when) => "zugestellt ab " + when;
}
