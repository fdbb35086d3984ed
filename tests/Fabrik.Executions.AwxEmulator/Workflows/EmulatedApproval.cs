using System.Globalization;
using System.Text.Json;
using Fabrik.Executions.AwxEmulator.Api;
using Fabrik.Executions.AwxEmulator.Jobs;

namespace Fabrik.Executions.AwxEmulator.Workflows;

/// <summary>AWX's WorkflowApproval: pending until approved (successful), denied (failed) or timed out (failed).</summary>
internal sealed class EmulatedApproval(int id, ApprovalTemplate template, EmulatedWorkflowJob sourceWorkflowJob, DateTimeOffset created) : INodeJob
{
    private readonly Lock _gate = new();
    private ApprovalState _state = new() { Status = JobStatus.Pending, Modified = created };

    public int Id { get; } = id;

    public ApprovalTemplate Template { get; } = template;

    public EmulatedWorkflowJob SourceWorkflowJob { get; } = sourceWorkflowJob;

    /// <summary>AWX sets started to created when the approval starts waiting.</summary>
    public DateTimeOffset Created { get; } = created;

    public string Name => Template.Name;

    public string Description => Template.Description;

    public string Type => "workflow_approval";

    public string Url => AwxUrls.WorkflowApproval(Id);

    /// <summary>AWX's expires: created plus the timeout; null when the timeout is 0.</summary>
    public DateTimeOffset? Expires => Template.Timeout == 0 ? null : Created.AddSeconds(Template.Timeout);

    public ApprovalState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    public NodeJobState StateAt(DateTimeOffset now)
    {
        var state = State;
        return new NodeJobState(state.Status, UnifiedJobElapsed.Of(Created, state.Finished, now), state.Finished, state.CanceledOn, state.TimedOut);
    }

    public JsonElement EffectiveArtifacts() => EmptyJsonObject.Value;

    /// <summary>AWX's approve and deny; false once it is no longer pending.</summary>
    public bool TryDecide(bool approve, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_state.Status != JobStatus.Pending)
            {
                return false;
            }
            _state = _state with { Status = approve ? JobStatus.Successful : JobStatus.Failed, Decided = true, Modified = now, Finished = now };
            return true;
        }
    }

    /// <summary>AWX's task manager fails a pending approval once it expires.</summary>
    public void ExpireIfDue(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_state.Status != JobStatus.Pending || Expires is not { } expires || now < expires)
            {
                return;
            }
            _state = _state with
            {
                Status = JobStatus.Failed,
                TimedOut = true,
                Modified = now,
                Finished = now,
                JobExplanation = string.Create(CultureInfo.InvariantCulture,
                    $"The approval node {Name} ({Id}) has expired after {Template.Timeout} seconds."),
            };
        }
    }

    public bool TryCancel(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_state.Status != JobStatus.Pending)
            {
                return false;
            }
            _state = _state with { Status = JobStatus.Canceled, CanceledOn = now, Modified = now, Finished = now };
            return true;
        }
    }
}
