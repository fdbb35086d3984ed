using System.Text.Json;
using Fabrik.Executions.AwxEmulator.Catalog;
using Fabrik.Executions.AwxEmulator.Events;
using Fabrik.Executions.AwxEmulator.Launch;
using Fabrik.Executions.AwxEmulator.Workflows;

namespace Fabrik.Executions.AwxEmulator.Jobs;

/// <summary>One AWX job: what was launched, where it stands, and the events it emitted.</summary>
internal sealed class EmulatedJob
{
    private const string ExecutionNodeName = "awx-emulator";

    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _cancellation = new();
    private JobState _state;
    private JsonElement? _artifactsFromEvents;

    public EmulatedJob(int id, JobTemplateDefinition template, LaunchRequest request, IPlaybookRun run, string launchType, DateTimeOffset created)
    {
        Id = id;
        Template = template;
        Request = request;
        Run = run;
        LaunchType = launchType;
        Created = created;
        _state = new JobState { Status = JobStatus.Pending, Modified = created };
    }

    public int Id { get; }

    public JobTemplateDefinition Template { get; }

    public LaunchRequest Request { get; }

    public IPlaybookRun Run { get; }

    public string LaunchType { get; }

    /// <summary>The workflow job whose node spawned this job; null for a launched one.</summary>
    public EmulatedWorkflowJob? SourceWorkflowJob { get; init; }

    public DateTimeOffset Created { get; }

    public JobEventLog Events { get; } = new();

    public JobState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    /// <summary>Signalled when a cancel is accepted; playbook runs stop at their next task boundary.</summary>
    public CancellationToken CancelRequested => _cancellation.Token;

    public bool IsCancelRequested => _cancellation.IsCancellationRequested;

    public bool TryAdvance(JobStatus next, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_state.Status.IsTerminal())
            {
                return false;
            }
            _state = next == JobStatus.Running
                ? _state with { Status = next, Modified = now, Started = now, ExecutionNode = ExecutionNodeName }
                : _state with { Status = next, Modified = now };
            return true;
        }
    }

    public void RecordInvocation(JobInvocation invocation)
    {
        lock (_gate)
        {
            _state = _state with { Invocation = invocation };
        }
    }

    /// <summary>AWX keeps <c>artifact_data</c> from the events and saves it as <c>artifacts</c> with the final status.</summary>
    public void RecordArtifacts(JsonElement artifactData)
    {
        lock (_gate)
        {
            _artifactsFromEvents = artifactData;
        }
    }

    public void Finish(PlaybookOutcome outcome, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_state.Status.IsTerminal())
            {
                return;
            }
            _state = _state with
            {
                Status = outcome.Status,
                Modified = now,
                Finished = now,
                JobExplanation = outcome.Explanation,
                ResultTraceback = outcome.Traceback,
                Artifacts = _artifactsFromEvents ?? _state.Artifacts,
            };
        }
    }

    /// <summary>AWX's cancel: refused once terminal; a job not yet running is canceled at once.</summary>
    public bool TryCancel(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!_state.Status.CanCancel())
            {
                return false;
            }
            _state = _state with { CanceledOn = _state.CanceledOn ?? now, Modified = now };
            if (_state.Status != JobStatus.Running)
            {
                _state = _state with { Status = JobStatus.Canceled, Finished = now };
            }
        }
        _cancellation.Cancel();
        return true;
    }
}
