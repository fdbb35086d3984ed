using Fabrik.Executions.Storage;

namespace Fabrik.Executions.Launcher.Consumers;

/// <summary>The checks every operator command (cancel, relaunch, approval decisions) shares, named as the commands name their fields.</summary>
public static class OperatorCommandValidator
{
    public const int MaxRequestedByLength = 200;

    /// <summary>
    /// What is wrong with the command's execution id and the person it acts for (<paramref name="actorField"/>:
    /// <c>requested_by</c>, or <c>decided_by</c> for an approval decision); null when nothing is.
    /// </summary>
    public static string? FindProblem(Guid executionId, string? actor, string actorField = "requested_by")
    {
        if (executionId == Guid.Empty)
        {
            return "execution_id is required.";
        }

        if (string.IsNullOrWhiteSpace(actor))
        {
            return $"{actorField} is required.";
        }

        return actor.Length > MaxRequestedByLength
            ? $"{actorField} is {actor.Length} characters long; at most {MaxRequestedByLength} are allowed."
            : StorableText.FindControlCharacter(actorField, actor, multiLine: false);
    }
}
