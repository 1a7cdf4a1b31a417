namespace TeamsAmdl.Domain;

/// <summary>R-CAP-3: the UB Mindestplatzzahl is 70 % of the Gesamtplatzzahl, rounded up (13 → 10).</summary>
public static class Mindestplatzzahl
{
    public static int For(int gesamtplatzzahl)
    {
        if (gesamtplatzzahl < 0)
            throw new DomainValidationException("Places", "Die Gesamtplatzzahl darf nicht negativ sein.");
        // Integer arithmetic: ceil(0.7 * n) without floating-point error.
        return (gesamtplatzzahl * 7 + 9) / 10;
    }
}
