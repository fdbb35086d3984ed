using System.Text.Json.Serialization;

namespace Fabrik.Executions.AwxEmulator.Api.Resources;

internal sealed record JobEventSummaryFields(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ObjectSummary? Host,
    JobReferenceSummary Job,
    IReadOnlyDictionary<string, string> Role);
