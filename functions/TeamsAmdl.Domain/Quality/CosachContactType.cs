namespace TeamsAmdl.Domain.Quality;

/// <summary>COSACH "Kontaktart" of a recorded contact (seed 000 §6): the numbers are what COSACH expects. Stored by name.</summary>
public enum CosachContactType
{
    Massnahmepruefung = 3,
    Kontaktbesuch = 6,
}
