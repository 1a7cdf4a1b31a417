using TeamsAmdl.TestSupport;

namespace TeamsAmdl.Storage.Tests;

/// <summary>The live Azurite connection string for these tests.</summary>
internal static class TestStorage
{
    /// <summary>Azurite's (and the Storage Emulator's) documented development key.</summary>
    public const string WellKnownKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>
    /// <see cref="Azurite.ConnectionString"/>, except that the mistyped development key currently in TestSupport
    /// (Azurite.AccountKey, infra/local/dev-env.sh) is replaced by the real one: Azurite rejects every
    /// SharedKey-signed request made with it (403). A no-op once TestSupport carries the right key.
    /// </summary>
    public static string ConnectionString { get; } =
        Azurite.ConnectionString.Replace("AccountKey=" + Azurite.AccountKey + ";", "AccountKey=" + WellKnownKey + ";");
}
