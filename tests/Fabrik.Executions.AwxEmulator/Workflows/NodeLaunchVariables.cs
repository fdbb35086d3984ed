using System.Text.Json;

namespace Fabrik.Executions.AwxEmulator.Workflows;

/// <summary>
/// AWX's WorkflowJobNode.get_job_kwargs: a node's job gets its ancestors' artifacts as extra vars. For a job template
/// node the workflow job's extra vars win over the artifacts, which win over the node's extra_data; for a nested
/// workflow node the artifacts win over both.
/// </summary>
internal static class NodeLaunchVariables
{
    public static Dictionary<string, JsonElement> AncestorArtifactsOf(IEnumerable<WorkflowJobNode> parents)
    {
        var artifacts = new Dictionary<string, JsonElement>();
        foreach (var parent in parents)
        {
            Merge(artifacts, parent.AncestorArtifacts);
            if (parent.Job?.EffectiveArtifacts() is { ValueKind: JsonValueKind.Object } published)
            {
                Merge(artifacts, published.EnumerateObject().Select(property => KeyValuePair.Create(property.Name, property.Value)));
            }
        }
        return artifacts;
    }

    public static JsonElement For(UnifiedTemplateKind kind, JsonElement nodeExtraData, IReadOnlyDictionary<string, JsonElement> ancestorArtifacts, JsonElement workflowExtraVars)
    {
        var variables = new Dictionary<string, JsonElement>();
        Merge(variables, PropertiesOf(nodeExtraData));
        if (kind == UnifiedTemplateKind.WorkflowTemplate)
        {
            Merge(variables, PropertiesOf(workflowExtraVars));
            Merge(variables, ancestorArtifacts);
        }
        else
        {
            Merge(variables, ancestorArtifacts);
            Merge(variables, PropertiesOf(workflowExtraVars));
        }
        return JsonSerializer.SerializeToElement(variables);
    }

    /// <summary>A template's extra vars with the launch's on top, as AWX's create_unified_job combines them.</summary>
    public static JsonElement Combine(JsonElement defaults, JsonElement overrides)
    {
        var variables = new Dictionary<string, JsonElement>();
        Merge(variables, PropertiesOf(defaults));
        Merge(variables, PropertiesOf(overrides));
        return JsonSerializer.SerializeToElement(variables);
    }

    private static IEnumerable<KeyValuePair<string, JsonElement>> PropertiesOf(JsonElement json) =>
        json.EnumerateObject().Select(property => KeyValuePair.Create(property.Name, property.Value.Clone()));

    private static void Merge(Dictionary<string, JsonElement> target, IEnumerable<KeyValuePair<string, JsonElement>> source)
    {
        foreach (var (name, value) in source)
        {
            target[name] = value;
        }
    }
}
