using System.Text.Json;
using Fabrik.Executions.AwxEmulator.Api;
using Fabrik.Executions.AwxEmulator.Jobs;

namespace Fabrik.Executions.AwxEmulator.Workflows;

/// <summary>One AWX workflow job: what was launched, its nodes, and where it stands.</summary>
internal sealed class EmulatedWorkflowJob : INodeJob
{
    private readonly Lock _gate = new();
    private readonly List<WorkflowJobNode> _nodes;
    private WorkflowJobState _state;

    public EmulatedWorkflowJob(
        int id, WorkflowTemplate template, JsonElement extraVars, string launchType, EmulatedWorkflowJob? sourceWorkflowJob,
        IReadOnlyList<WorkflowJobNode> nodes, IReadOnlyDictionary<string, JsonElement> ignoredFields, DateTimeOffset created)
    {
        Id = id;
        Template = template;
        ExtraVars = extraVars;
        LaunchType = launchType;
        SourceWorkflowJob = sourceWorkflowJob;
        IgnoredFields = ignoredFields;
        Created = created;
        _nodes = [.. nodes];
        _state = new WorkflowJobState { Status = JobStatus.Pending, Modified = created };
    }

    public int Id { get; }

    public WorkflowTemplate Template { get; }

    public JsonElement ExtraVars { get; }

    public string LaunchType { get; }

    /// <summary>The workflow job whose node spawned this one; null for a launched one.</summary>
    public EmulatedWorkflowJob? SourceWorkflowJob { get; }

    public IReadOnlyDictionary<string, JsonElement> IgnoredFields { get; }

    public DateTimeOffset Created { get; }

    public string Name => Template.Name;

    public string Description => Template.Description;

    public string Type => "workflow_job";

    public string Url => AwxUrls.WorkflowJob(Id);

    public WorkflowJobState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    public IReadOnlyList<WorkflowJobNodeSnapshot> Nodes()
    {
        lock (_gate)
        {
            return [.. _nodes.Select(WorkflowJobNodeSnapshot.Of)];
        }
    }

    public NodeJobState StateAt(DateTimeOffset now)
    {
        var state = State;
        return new NodeJobState(state.Status, UnifiedJobElapsed.Of(state.Started, state.Finished, now), state.Finished, state.CanceledOn);
    }

    /// <summary>AWX: the artifacts of the jobs inside, in the order they finished, later ones winning.</summary>
    public JsonElement EffectiveArtifacts()
    {
        // Only status and finished are read, which do not depend on the moment asked about.
        var now = Created;
        var artifacts = new Dictionary<string, JsonElement>();
        var finishedJobs = Nodes()
            .Select(node => node.Job)
            .OfType<INodeJob>()
            .Select(job => (Job: job, State: job.StateAt(now)))
            .Where(entry => entry.State.Status is JobStatus.Successful or JobStatus.Failed)
            .OrderBy(entry => entry.State.Finished)
            .ThenBy(entry => entry.Job.Id);
        foreach (var (job, _) in finishedJobs)
        {
            foreach (var property in job.EffectiveArtifacts().EnumerateObject())
            {
                artifacts[property.Name] = property.Value;
            }
        }
        return JsonSerializer.SerializeToElement(artifacts);
    }

    /// <summary>Runs one pass of the workflow manager over the nodes, under the lock, so readers see it whole.</summary>
    public T Update<T>(Func<List<WorkflowJobNode>, WorkflowJobState, (T Result, WorkflowJobState State)> pass)
    {
        lock (_gate)
        {
            var (result, state) = pass(_nodes, _state);
            _state = state;
            return result;
        }
    }

    public bool TryAdvance(JobStatus next, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_state.Status.IsTerminal() || _state.CancelRequested)
            {
                return false;
            }
            _state = next == JobStatus.Running
                ? _state with { Status = next, Modified = now, Started = now }
                : _state with { Status = next, Modified = now };
            return true;
        }
    }

    public void Finish(JobStatus status, string explanation, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!_state.Status.IsTerminal())
            {
                _state = _state with { Status = status, Modified = now, Finished = now, JobExplanation = explanation };
            }
        }
    }

    /// <summary>AWX's cancel: a workflow job not running yet is canceled at once; a running one once its jobs are.</summary>
    public bool TryCancel(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!_state.Status.CanCancel())
            {
                return false;
            }
            _state = _state with { CancelRequested = true, CanceledOn = _state.CanceledOn ?? now, Modified = now };
            if (_state.Status != JobStatus.Running)
            {
                _state = _state with { Status = JobStatus.Canceled, Finished = now };
            }
            return true;
        }
    }
}
