using System.Globalization;
using System.Text.Json.Nodes;
using Fabrik.Executions.Gateway.Api.Queries;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Fabrik.Executions.Gateway.OpenApi;

/// <summary>Lists the query parameters an endpoint declares (<see cref="AcceptedQuery"/>), with their types and bounds.</summary>
public sealed class QueryParametersTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<AcceptedQuery>().LastOrDefault() is not { } accepted)
        {
            return Task.CompletedTask;
        }

        operation.Parameters ??= [];
        foreach (var parameter in accepted.Parameters)
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = parameter.Name,
                In = ParameterLocation.Query,
                Required = parameter.Required,
                Description = $"{parameter.Description} Must be {parameter.Expected}.",
                Schema = SchemaOf(parameter),
            });
        }

        return Task.CompletedTask;
    }

    private static OpenApiSchema SchemaOf(QueryParameter parameter)
    {
        var schema = parameter.Kind switch
        {
            QueryValueKind.Integer => new OpenApiSchema
            {
                Type = JsonSchemaType.Integer,
                Format = "int64",
                Minimum = parameter.Min.ToString(CultureInfo.InvariantCulture),
                Maximum = parameter.Max.ToString(CultureInfo.InvariantCulture),
            },
            QueryValueKind.Text => new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                MinLength = (int)parameter.Min,
                MaxLength = (int)parameter.Max,
                Pattern = parameter.Pattern is null ? null : $"^(?:{parameter.Pattern})$",
            },
            QueryValueKind.Choice => new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Enum = parameter.ManyChoices ? null : parameter.Choices.Select(choice => (JsonNode)JsonValue.Create(choice)).ToList(),
            },
            QueryValueKind.Uuid => new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" },
            QueryValueKind.Timestamp => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
            QueryValueKind.Boolean => new OpenApiSchema { Type = JsonSchemaType.Boolean },
            _ => throw new InvalidOperationException($"Unknown query value kind {parameter.Kind}."),
        };
        schema.Default = parameter.Default is null ? null : JsonValue.Create(parameter.Default);
        return schema;
    }
}
