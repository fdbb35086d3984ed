namespace Fabrik.Executions.Gateway.Api.Queries;

/// <summary>What a query parameter holds.</summary>
public enum QueryValueKind
{
    Integer,
    Text,
    Choice,
    Uuid,
    Timestamp,
    Boolean,
}
