using System.Collections.Concurrent;

namespace Fabrik.Executions.AwxEmulator.Workflows;

/// <summary>Every workflow job and approval the emulator created.</summary>
internal sealed class WorkflowJobRegistry
{
    private readonly ConcurrentDictionary<int, EmulatedWorkflowJob> _workflowJobs = new();
    private readonly ConcurrentDictionary<int, EmulatedApproval> _approvals = new();

    public void Add(EmulatedWorkflowJob workflowJob) => _workflowJobs[workflowJob.Id] = workflowJob;

    public void Add(EmulatedApproval approval) => _approvals[approval.Id] = approval;

    public EmulatedWorkflowJob? FindWorkflowJob(int id) => _workflowJobs.GetValueOrDefault(id);

    public EmulatedApproval? FindApproval(int id) => _approvals.GetValueOrDefault(id);

    public IReadOnlyList<EmulatedWorkflowJob> WorkflowJobs() => [.. _workflowJobs.Values.OrderBy(job => job.Id)];

    public IReadOnlyList<EmulatedApproval> Approvals() => [.. _approvals.Values.OrderBy(approval => approval.Id)];
}
