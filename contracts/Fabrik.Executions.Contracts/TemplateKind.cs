using System.Text.Json.Serialization;

namespace Fabrik.Executions.Contracts;

/// <summary>Which kind of AWX template an execution launches.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<TemplateKind>))]
public enum TemplateKind
{
    /// <summary>An AWX job template (<c>/api/v2/job_templates/{id}/</c>).</summary>
    Job,
    /// <summary>An AWX workflow job template (<c>/api/v2/workflow_job_templates/{id}/</c>).</summary>
    Workflow,
}
