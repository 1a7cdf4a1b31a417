namespace TeamsAmdl.Domain;

/// <summary>What <see cref="PersonalDataGuard"/> found in a free text (R-SEC-1).</summary>
public enum PersonalDataKind
{
    BirthDate,
    PhoneNumber,
    EmailAddress,
    StreetAddress,
    /// <summary>A BA customer number (3 digits, a letter, 6 digits) or a Bedarfsgemeinschaft number.</summary>
    CustomerNumber,
    SocialSecurityNumber,
    BankAccount,
}

public static class PersonalDataKindNames
{
    /// <summary>The kind with its article, for "… sieht aus wie {German}".</summary>
    public static string German(this PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.BirthDate => "ein Geburtsdatum",
        PersonalDataKind.PhoneNumber => "eine Telefonnummer",
        PersonalDataKind.EmailAddress => "eine E-Mail-Adresse",
        PersonalDataKind.StreetAddress => "eine Anschrift",
        PersonalDataKind.CustomerNumber => "eine Kunden- oder BG-Nummer der BA",
        PersonalDataKind.SocialSecurityNumber => "eine Sozialversicherungsnummer",
        PersonalDataKind.BankAccount => "eine Bankverbindung (IBAN)",
        _ => "personenbezogene Daten",
    };
}
