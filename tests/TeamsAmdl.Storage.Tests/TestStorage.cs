using TeamsAmdl.TestSupport;

namespace TeamsAmdl.Storage.Tests;

/// <summary>The live Azurite connection string for these tests.</summary>
internal static class TestStorage
{
    /// <summary>Azurite's (and the Storage Emulator's) documented development key.</summary>
    public const string WellKnownKey = Azurite.AccountKey;

    public static string ConnectionString => Azurite.ConnectionString;
}
