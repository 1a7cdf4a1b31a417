namespace TeamsAmdl.Domain;

public static class ExitReasonNames
{
    /// <summary>The reason as people read it ("reguläres Ende", not "RegulaeresEnde").</summary>
    public static string German(this ExitReason reason) => reason switch
    {
        ExitReason.Abbruch => "Abbruch",
        ExitReason.Nichtantritt => "Nichtantritt",
        _ => "reguläres Ende",
    };

    /// <summary>What an API client may send, with the German label where the name differs: "RegulaeresEnde (reguläres Ende), Abbruch, Nichtantritt".</summary>
    public static string Allowed() => string.Join(", ", Enum.GetValues<ExitReason>()
        .Select(r => r.ToString() == r.German() ? r.ToString() : $"{r} ({r.German()})"));
}
