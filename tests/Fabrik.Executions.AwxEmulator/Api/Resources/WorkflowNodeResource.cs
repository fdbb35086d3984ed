using System.Text.Json;
using Fabrik.Executions.AwxEmulator.Workflows;

namespace Fabrik.Executions.AwxEmulator.Api.Resources;

/// <summary>
/// The fields AWX's workflow job template nodes and workflow job nodes share (LaunchConfigurationBaseSerializer and
/// the node serializers). The emulator saves extra_data and limit; the other prompts are always null.
/// </summary>
internal abstract class WorkflowNodeResource(
    int id, WorkflowNodeSettings settings, UnifiedTemplateReference? template, IReadOnlyDictionary<WorkflowEdgeKind, IReadOnlyList<int>> children,
    DateTimeOffset created, DateTimeOffset modified)
{
    public int Id { get; } = id;

    public abstract string Type { get; }

    public abstract string Url { get; }

    public abstract IReadOnlyDictionary<string, string> Related { get; }

    public abstract object SummaryFields { get; }

    public DateTimeOffset Created { get; } = created;

    public DateTimeOffset Modified { get; } = modified;

    public JsonElement ExtraData { get; } = settings.ExtraData;

    public int? Inventory => null;

    public string? ScmBranch => null;

    public string? JobType => null;

    public string? JobTags => null;

    public string? SkipTags => null;

    public string? Limit { get; } = settings.Limit;

    public bool? DiffMode => null;

    public int? Verbosity => null;

    public int? ExecutionEnvironment => null;

    public int? Forks => null;

    public int? JobSliceCount => null;

    public int? Timeout => null;

    public int? UnifiedJobTemplate { get; } = template?.Id;

    public IReadOnlyList<int> SuccessNodes { get; } = children[WorkflowEdgeKind.Success];

    public IReadOnlyList<int> FailureNodes { get; } = children[WorkflowEdgeKind.Failure];

    public IReadOnlyList<int> AlwaysNodes { get; } = children[WorkflowEdgeKind.Always];

    public bool AllParentsMustConverge { get; } = settings.AllParentsMustConverge;

    public string Identifier { get; } = settings.Identifier;

    protected static Dictionary<string, string> EdgeLinks(string collection, int id) =>
        WorkflowEdgeKinds.All.ToDictionary(kind => kind.FieldName(), kind => AwxUrls.Path(collection, id, kind.FieldName()));
}
