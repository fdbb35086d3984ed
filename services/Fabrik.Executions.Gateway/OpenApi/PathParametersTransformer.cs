using System.Text.Json.Nodes;
using Fabrik.Executions.Gateway.Api.Queries;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Fabrik.Executions.Gateway.OpenApi;

/// <summary>Says what the route parameters hold, which their string type alone does not: <c>{id}</c>, <c>{approval_id}</c> and <c>{status}</c>.</summary>
public sealed class PathParametersTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>().Where(parameter => parameter.In == ParameterLocation.Path) ?? [])
        {
            switch (parameter.Name)
            {
                case "id":
                    parameter.Description = "The execution's id.";
                    parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" };
                    break;
                case "approval_id":
                    parameter.Description = "AWX's id of the workflow approval (the approval's id in GET .../workflow).";
                    parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Minimum = "1" };
                    break;
                case "status":
                    parameter.Description = "One of AWX's statuses.";
                    parameter.Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.String,
                        Enum = ExecutionFilterQuery.StatusNames.Select(status => (JsonNode)JsonValue.Create(status)).ToList(),
                    };
                    break;
            }
        }

        return Task.CompletedTask;
    }
}
