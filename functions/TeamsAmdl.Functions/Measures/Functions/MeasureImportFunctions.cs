using Microsoft.Azure.Functions.Worker;
using TeamsAmdl.Functions.Hosting;

namespace TeamsAmdl.Functions.Measures.Functions;

/// <summary>POST api/import/measures?dryRun=true|false: the Maßnahmeübersicht as CSV (text/csv). Coordinators only.</summary>
public sealed class MeasureImportFunctions(MeasureImport import)
{
    private static readonly string[] CsvTypes = ["text/csv", "text/plain", "application/csv", "application/vnd.ms-excel", "application/octet-stream"];

    [Function("measure-import"), MaxBody(MeasureImport.MaxBytes)] // the function reads the file itself, capped alike
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/import/measures")] HttpRequest req, CancellationToken cancellationToken)
    {
        var dryRun = req.Query["dryRun"].ToString() switch
        {
            "" or "true" => true, // a request without the flag only looks: writing has to be asked for
            "false" => false,
            _ => (bool?)null,
        };
        if (dryRun is null) return ProblemResponses.Problem(400, "invalid_input", "dryRun muss true oder false sein.");
        if (req.ContentType is { Length: > 0 } type && !CsvTypes.Any(t => type.StartsWith(t, StringComparison.OrdinalIgnoreCase)))
            return ProblemResponses.Problem(415, "unsupported_media_type", MeasureTexts.ImportMediaType);
        var file = await ReadCappedAsync(req, cancellationToken);
        if (file is null) return ProblemResponses.Problem(413, "payload_too_large", MeasureTexts.ImportTooLarge);
        return (await import.RunAsync(req.Caller(), file, dryRun.Value, cancellationToken)).ToResult();
    }

    /// <summary>The body, or null past <see cref="MeasureImport.MaxBytes"/> (read no further than one byte beyond it).</summary>
    private static async Task<byte[]?> ReadCappedAsync(HttpRequest req, CancellationToken ct)
    {
        if (req.ContentLength > MeasureImport.MaxBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await req.Body.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MeasureImport.MaxBytes) return null;
        }
        return buffer.ToArray();
    }
}
