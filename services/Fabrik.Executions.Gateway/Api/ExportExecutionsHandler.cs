using Fabrik.Executions.Gateway.Api.Queries;
using Fabrik.Executions.Gateway.Output;
using Fabrik.Executions.Storage;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Fabrik.Executions.Gateway.Api;

/// <summary><c>GET /api/v1/executions/export?format=csv|json</c>: the list with the same filters, whole, as a file.</summary>
public sealed class ExportExecutionsHandler(ExecutionQueries queries, IOptions<JsonOptions> json)
{
    public static readonly QueryParameter Format =
        QueryParameter.Choice("format", "csv (one row per execution) or json (an array of executions).", ["csv", "json"], "csv");

    public static readonly AcceptedQuery Accepted = AcceptedQuery.Of(ExecutionFilterQuery.Parameters, [Format]);

    public IResult Handle(IQueryCollection query, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var reader = QueryReader.Open(query, Accepted, errors);
        var filter = ExecutionFilterQuery.Read(reader, errors);
        var format = reader.Choice(Format) == "json" ? ExportFormat.Json : ExportFormat.Csv;
        return errors.Any
            ? errors.ToProblem()
            : new ExecutionExportResult(queries.StreamAsync(filter, cancellationToken), format, json.Value.SerializerOptions);
    }
}
