namespace TeamsAmdl.Domain;

/// <summary>The phases of a UB/InbeQ participation (R-TN-4, seed 002 B.2.2). Stored by name: do not rename members.</summary>
public enum UbPhase
{
    /// <summary>From the entry: orientation and trying out workplaces; as a rule at most 8 weeks (the IFK decides on more).</summary>
    Einstieg,
    /// <summary>From the day the first suitable qualifying workplace in a company is taken.</summary>
    Qualifizierung,
    /// <summary>From the final shaping of the identified workplace; a return to the Qualifizierungsphase is possible.</summary>
    Stabilisierung,
}

/// <summary>What people read for a <see cref="UbPhase"/>.</summary>
public static class UbPhaseLabels
{
    public static string German(this UbPhase phase) => phase switch
    {
        UbPhase.Einstieg => "Einstiegsphase",
        UbPhase.Qualifizierung => "Qualifizierungsphase",
        _ => "Stabilisierungsphase",
    };
}
