using System.Text.Json;
using Fabrik.Executions.Contracts;
using Fabrik.Executions.Storage;

namespace Fabrik.Executions.Watchdog.Messages;

/// <summary>Messages rebuilt from what the database holds, so a lost one can be sent again exactly as it was meant.</summary>
public static class StoredExecutionMessages
{
    /// <summary>The launch command as the portal sent it: same execution id and request id, so the Launcher finds the execution.</summary>
    public static LaunchExecution Launch(ExecutionRecord execution)
    {
        using var extraVars = JsonDocument.Parse(execution.ExtraVars);
        return new LaunchExecution
        {
            ExecutionId = execution.Id,
            RequestId = execution.RequestId,
            Template = new TemplateReference { Kind = execution.TemplateKind, Id = execution.TemplateId, Name = execution.TemplateName },
            ExtraVars = extraVars.RootElement.Clone(),
            Limit = execution.LimitPattern,
            Inventory = execution.InventoryId,
            Credentials = execution.CredentialIds,
            LaunchedBy = execution.LaunchedBy,
        };
    }

    /// <summary>What the poller published when the stream finished; only for executions whose stream did finish.</summary>
    public static ExecutionFinished Finished(ExecutionRecord execution)
    {
        var missing = execution.MissingCounters ?? [];
        return new ExecutionFinished
        {
            ExecutionId = execution.Id,
            AwxJobId = execution.AwxJobId ?? throw new ArgumentException("The execution has no AWX job.", nameof(execution)),
            Status = execution.Status,
            FinalCounter = execution.FinalCounter ?? throw new ArgumentException("The execution's stream never finished.", nameof(execution)),
            Complete = execution.Complete ?? missing.Length == 0,
            MissingCounters = missing,
            FinishedAt = DatabaseTime.AsUtc(execution.FinishedAt ?? execution.UpdatedAt),
        };
    }
}
