using Fabrik.Executions.Gateway.Api.Queries;
using Fabrik.Executions.Gateway.Output;
using Fabrik.Executions.Storage;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Fabrik.Executions.Gateway.Api;

/// <summary><c>GET /api/v1/executions/{id}/stdout?format=txt|ansi|ndjson</c>: everything stored so far, streamed.</summary>
public sealed class DownloadStdoutHandler(ExecutionRequests requests, JobEventQueries events, IOptions<JsonOptions> json)
{
    public static readonly QueryParameter Format = QueryParameter.Choice(
        "format",
        "txt (colours removed), ansi (as Ansible wrote it) or ndjson (one JSON event per line).",
        ["txt", "ansi", "ndjson"],
        "txt");

    public static readonly AcceptedQuery Accepted = AcceptedQuery.Of([Format]);

    public Task<IResult> HandleAsync(string id, IQueryCollection query, CancellationToken cancellationToken) =>
        requests.HandleAsync(id, query, Accepted, ReadFormat,
            (execution, format) => Task.FromResult<IResult>(new StdoutResult(events, execution.Id, format, json.Value.SerializerOptions)),
            cancellationToken);

    private static StdoutFormat ReadFormat(QueryReader reader) => reader.Choice(Format) switch
    {
        "ansi" => StdoutFormat.Ansi,
        "ndjson" => StdoutFormat.Ndjson,
        _ => StdoutFormat.Txt,
    };
}
