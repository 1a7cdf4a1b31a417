namespace TeamsAmdl.Domain;

/// <summary>What people read for an <see cref="ExitReason"/>: the enum names are for machines (issue 12: "RegulaeresEnde" in an error text).</summary>
public static class ExitReasonLabels
{
    public static string German(this ExitReason reason) => reason switch
    {
        ExitReason.Abbruch => "Abbruch",
        ExitReason.Nichtantritt => "Nichtantritt",
        _ => "reguläres Ende",
    };
}
