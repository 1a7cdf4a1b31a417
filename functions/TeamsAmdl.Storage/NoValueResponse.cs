using Azure;

namespace TeamsAmdl.Storage;

/// <summary>A <see cref="NullableResponse{T}"/> without a value (e.g. GetEntityIfExists on a missing entity).</summary>
internal sealed class NoValueResponse<T>(Response response) : NullableResponse<T>
{
    public override bool HasValue => false;
    public override T Value => throw new InvalidOperationException($"The response has no value (status {response.Status}).");
    public override Response GetRawResponse() => response;
}
