namespace TeamsAmdl.Domain.Deadlines;

/// <summary>Kinds of contact in a LAP Träger's monthly report (R-TN-3). Only <see cref="Persoenlich"/> counts towards the density.</summary>
public enum ContactKind { Persoenlich, Telefon, EMail, Urlaub, Krankheit }
