namespace TeamsAmdl.Functions.Playground;

/// <summary>What <see cref="PlaygroundGate.Admit"/> decided about a request to POST api/messages.</summary>
public enum PlaygroundAdmission
{
    /// <summary>Not from the playground (or the playground mode is off): the Bot Connector token decides.</summary>
    NotPlayground,

    /// <summary>From the playground, let in without a token.</summary>
    Admitted,

    /// <summary>From the playground, but for another tenant or channel than this app serves (403).</summary>
    Refused,
}
