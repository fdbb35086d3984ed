using Fabrik.Executions.Storage;

namespace Fabrik.Executions.Launcher.Consumers;

/// <summary>The checks every operator command (cancel, relaunch, approval decisions) shares, named as the commands name their fields.</summary>
public static class OperatorCommandValidator
{
    public const int MaxRequestedByLength = 200;

    /// <summary>What is wrong with the command's execution id and requester; null when nothing is.</summary>
    public static string? FindProblem(Guid executionId, string? requestedBy)
    {
        if (executionId == Guid.Empty)
        {
            return "execution_id is required.";
        }

        if (string.IsNullOrWhiteSpace(requestedBy))
        {
            return "requested_by is required.";
        }

        return requestedBy.Length > MaxRequestedByLength
            ? $"requested_by is {requestedBy.Length} characters long; at most {MaxRequestedByLength} are allowed."
            : StorableText.FindControlCharacter("requested_by", requestedBy, multiLine: false);
    }
}
