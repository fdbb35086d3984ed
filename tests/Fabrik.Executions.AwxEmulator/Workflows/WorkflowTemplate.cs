using System.Text.Json;

namespace Fabrik.Executions.AwxEmulator.Workflows;

/// <summary>A workflow job template; its nodes live in <see cref="WorkflowTemplateStore"/>.</summary>
internal sealed record WorkflowTemplate(int Id, string Name, string Description, JsonElement ExtraVars, DateTimeOffset Created);
