using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Azure;

namespace TeamsAmdl.Storage;

/// <summary>
/// Entity-group transaction wire format (https://learn.microsoft.com/rest/api/storageservices/performing-entity-group-transactions):
/// a multipart/mixed batch holding one changeset whose parts are plain HTTP requests with absolute URLs.
/// The response mirrors it; a failing action yields a single part whose error message starts with "index:".
/// </summary>
internal static partial class TableBatch
{
    public const int MaxActions = 100;

    public static (string ContentType, byte[] Body) Build(Uri tableUri, IReadOnlyList<TableTransactionAction> actions)
    {
        var batch = "batch_" + Guid.NewGuid().ToString("N");
        var changeset = "changeset_" + Guid.NewGuid().ToString("N");
        var sb = new StringBuilder();
        sb.Append("--").Append(batch).Append("\r\n")
            .Append("Content-Type: multipart/mixed; boundary=").Append(changeset).Append("\r\n\r\n");
        foreach (var action in actions)
        {
            var entity = action.Entity;
            var ifMatch = action.ETag == default ? "*" : action.ETag.ToString("H");
            var (method, uri, withBody, condition) = action.ActionType switch
            {
                TableTransactionActionType.Add => ("POST", tableUri.AbsoluteUri, true, null),
                TableTransactionActionType.UpdateMerge => ("MERGE", TableClient.EntityUri(tableUri, entity.PartitionKey, entity.RowKey), true, ifMatch),
                TableTransactionActionType.UpdateReplace => ("PUT", TableClient.EntityUri(tableUri, entity.PartitionKey, entity.RowKey), true, ifMatch),
                TableTransactionActionType.Delete => ("DELETE", TableClient.EntityUri(tableUri, entity.PartitionKey, entity.RowKey), false, ifMatch),
                TableTransactionActionType.UpsertMerge => ("MERGE", TableClient.EntityUri(tableUri, entity.PartitionKey, entity.RowKey), true, null),
                TableTransactionActionType.UpsertReplace => ("PUT", TableClient.EntityUri(tableUri, entity.PartitionKey, entity.RowKey), true, (string?)null),
                _ => throw new ArgumentOutOfRangeException(nameof(actions), action.ActionType, "Unknown transaction action type."),
            };
            sb.Append("--").Append(changeset).Append("\r\n")
                .Append("Content-Type: application/http\r\n")
                .Append("Content-Transfer-Encoding: binary\r\n\r\n")
                .Append(method).Append(' ').Append(uri).Append(" HTTP/1.1\r\n")
                .Append("Accept: application/json;odata=minimalmetadata\r\n")
                .Append("DataServiceVersion: 3.0\r\n");
            if (condition is not null) sb.Append("If-Match: ").Append(condition).Append("\r\n");
            if (withBody)
                sb.Append("Content-Type: application/json\r\n")
                    .Append("Prefer: return-no-content\r\n\r\n")
                    .Append(Encoding.UTF8.GetString(TableEntityConverter.Serialize(entity))).Append("\r\n");
            else
                sb.Append("\r\n");
        }
        sb.Append("--").Append(changeset).Append("--\r\n")
            .Append("--").Append(batch).Append("--\r\n");
        return ("multipart/mixed; boundary=" + batch, Encoding.UTF8.GetBytes(sb.ToString()));
    }

    /// <summary>Parses the per-action responses; throws <see cref="TableTransactionFailedException"/> if one failed.</summary>
    public static IReadOnlyList<Response> ParseResponse(Response batchResponse, int actionCount)
    {
        var body = batchResponse.Content.ToString();
        var boundary = ChangesetBoundary().Match(body);
        var parts = boundary.Success
            ? body.Split("--" + boundary.Groups[1].Value).Skip(1).Where(p => !p.StartsWith("--", StringComparison.Ordinal))
            : [body];
        var responses = parts.Select(ParsePart).OfType<TableBatchItemResponse>().ToList();

        var failed = responses.FirstOrDefault(r => r.Status >= 400);
        if (failed is not null)
        {
            var (code, message) = StorageErrorParser.Parse(failed.Body);
            message ??= failed.ReasonPhrase;
            var index = IndexPrefix().Match(message) is { Success: true } m
                ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)
                : responses.Count == actionCount ? responses.IndexOf(failed) : (int?)null;
            throw new TableTransactionFailedException(failed.Status,
                $"Table transaction failed at action {index?.ToString(CultureInfo.InvariantCulture) ?? "?"}: " +
                $"{failed.Status} ({failed.ReasonPhrase}) {code}: {message}",
                code, index);
        }
        if (responses.Count != actionCount)
            throw new RequestFailedException(batchResponse.Status,
                $"Table transaction returned {responses.Count} responses for {actionCount} actions.");
        return responses;
    }

    private static TableBatchItemResponse? ParsePart(string part)
    {
        var lines = part.Replace("\r\n", "\n").Split('\n');
        var statusLine = Array.FindIndex(lines, l => l.StartsWith("HTTP/1.1 ", StringComparison.Ordinal));
        if (statusLine < 0) return null;
        var statusParts = lines[statusLine].Split(' ', 3);
        var headers = new List<(string, string)>();
        var i = statusLine + 1;
        for (; i < lines.Length && lines[i].Length > 0; i++)
        {
            var colon = lines[i].IndexOf(':');
            if (colon > 0) headers.Add((lines[i][..colon].Trim(), lines[i][(colon + 1)..].Trim()));
        }
        var content = string.Join('\n', lines.Skip(i + 1)).Trim();
        return new TableBatchItemResponse(int.Parse(statusParts[1], CultureInfo.InvariantCulture),
            statusParts.Length > 2 ? statusParts[2] : "", headers, content);
    }

    [GeneratedRegex(@"boundary=(changesetresponse_[^\s;]+)")]
    private static partial Regex ChangesetBoundary();

    [GeneratedRegex(@"^(\d+):")]
    private static partial Regex IndexPrefix();
}
