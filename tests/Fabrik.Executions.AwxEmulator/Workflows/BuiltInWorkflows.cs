using System.Text.Json;
using Fabrik.Executions.AwxEmulator.Catalog;
using Fabrik.Executions.AwxEmulator.Hosting;
using Fabrik.Executions.AwxEmulator.Jobs;

namespace Fabrik.Executions.AwxEmulator.Workflows;

/// <summary>
/// The workflow job templates every emulator starts with, so tests need no setup. Each node runs the synthetic job
/// template with a small, fast playbook; the node identifiers name their role.
/// </summary>
internal static class BuiltInWorkflows
{
    public const int Branches = 10;
    public const int Converging = 11;
    public const int Approval = 12;
    public const int Nested = 13;
    public const int Artifacts = 14;
    public const int ApprovalTemplateId = 20;

    public static WorkflowTemplateStore Seed(WorkflowTemplateStore store, AwxEmulatorOptions options, TimeProvider time)
    {
        var created = time.GetUtcNow();
        store.AddApprovalTemplate(new ApprovalTemplate(
            ApprovalTemplateId, "Approve the change", "An operator approves or denies going on.", options.ApprovalTimeoutSeconds, created));

        var branches = Add(store, Branches, "Workflow: failure and always branches",
            "deploy fails; its failure branch rollback and its always branch report run; announce (success branch) never does.", created);
        var deploy = Node(store, branches, "deploy", Playbook(new { emulator_failed_hosts = 1 }));
        Link(store, deploy, WorkflowEdgeKind.Success, Node(store, branches, "announce", Playbook()));
        Link(store, deploy, WorkflowEdgeKind.Failure, Node(store, branches, "rollback", Playbook()));
        Link(store, deploy, WorkflowEdgeKind.Always, Node(store, branches, "report", Playbook()));

        var converging = Add(store, Converging, "Workflow: parallel converging",
            "left and right run in parallel; converge runs once both succeeded (all_parents_must_converge).", created);
        var converge = Node(store, converging, "converge", Playbook(), allParentsMustConverge: true);
        Link(store, Node(store, converging, "left", Playbook()), WorkflowEdgeKind.Success, converge);
        Link(store, Node(store, converging, "right", Playbook()), WorkflowEdgeKind.Success, converge);

        var approval = Add(store, Approval, "Workflow: approval",
            "prepare, then an approval; apply runs once approved. A denial or a timeout fails the workflow.", created);
        var gate = Node(store, approval, "approval", EmptyJsonObject.Value, ApprovalTemplateId);
        Link(store, Node(store, approval, "prepare", Playbook()), WorkflowEdgeKind.Success, gate);
        Link(store, gate, WorkflowEdgeKind.Success, Node(store, approval, "apply", Playbook()));

        var nested = Add(store, Nested, "Workflow: nested",
            $"before, then the workflow {Branches} as one node, then after (always).", created);
        var inner = Node(store, nested, "inner", EmptyJsonObject.Value, Branches);
        Link(store, Node(store, nested, "before", Playbook()), WorkflowEdgeKind.Success, inner);
        Link(store, inner, WorkflowEdgeKind.Always, Node(store, nested, "after", Playbook()));

        var artifacts = Add(store, Artifacts, "Workflow: artifacts",
            "publish sets row_results with set_stats; consume gets them as extra vars.", created);
        Link(store, Node(store, artifacts, "publish", Playbook()), WorkflowEdgeKind.Success, Node(store, artifacts, "consume", Playbook()));
        return store;
    }

    private static int Add(WorkflowTemplateStore store, int id, string name, string description, DateTimeOffset created)
    {
        store.AddTemplate(new WorkflowTemplate(id, name, description, EmptyJsonObject.Value, created));
        return id;
    }

    private static int Node(
        WorkflowTemplateStore store, int workflowTemplateId, string identifier, JsonElement extraData,
        int unifiedJobTemplateId = JobTemplateCatalog.SyntheticTemplateId, bool allParentsMustConverge = false) =>
        store.AddNode(workflowTemplateId, new WorkflowNodeSettings
        {
            Identifier = identifier,
            UnifiedJobTemplateId = unifiedJobTemplateId,
            ExtraData = extraData,
            AllParentsMustConverge = allParentsMustConverge,
        })!.Id;

    private static void Link(WorkflowTemplateStore store, int parent, WorkflowEdgeKind kind, int child) => store.Link(parent, kind, child);

    private static JsonElement Playbook(object? moreVars = null)
    {
        var variables = new Dictionary<string, JsonElement>
        {
            ["emulator_events"] = JsonSerializer.SerializeToElement(30),
            ["emulator_hosts"] = JsonSerializer.SerializeToElement(2),
            ["emulator_events_per_second"] = JsonSerializer.SerializeToElement(0),
        };
        foreach (var property in JsonSerializer.SerializeToElement(moreVars ?? new object()).EnumerateObject())
        {
            variables[property.Name] = property.Value;
        }
        return JsonSerializer.SerializeToElement(variables);
    }
}
