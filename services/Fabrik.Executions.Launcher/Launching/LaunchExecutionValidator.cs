using System.Text.Json;
using Fabrik.Executions.Contracts;
using Fabrik.Executions.Storage;

namespace Fabrik.Executions.Launcher.Launching;

/// <summary>
/// Checks a <see cref="LaunchExecution"/> before anything is stored. Fields are named as the HTTP API names them, so
/// the detail reaches the caller in words that match what they sent. A kind that is neither job nor workflow never gets
/// here: the command cannot be read, and <see cref="Consumers.UnreadableCommandFilter{TCommand}"/> rejects it.
/// </summary>
public static class LaunchExecutionValidator
{
    public const int MaxRequestIdLength = 200;
    public const int MaxLimitLength = 4096;

    public static CommandRejected? Validate(LaunchExecution command)
    {
        if (FindProblem(command) is not (var reason, var detail))
        {
            return null;
        }

        return new CommandRejected { ExecutionId = command.ExecutionId, Reason = reason, Detail = detail };
    }

    private static (RejectionReason, string)? FindProblem(LaunchExecution command)
    {
        if (command.ExecutionId == Guid.Empty)
        {
            return Invalid("execution_id is required.");
        }

        if (string.IsNullOrWhiteSpace(command.RequestId))
        {
            return Invalid("request_id is required.");
        }

        if (command.RequestId.Length > MaxRequestIdLength)
        {
            return Invalid($"request_id is {command.RequestId.Length} characters long; at most {MaxRequestIdLength} are allowed.");
        }

        if (ControlCharacterIn("request_id", command.RequestId) is { } requestIdProblem)
        {
            return requestIdProblem;
        }

        if (FindTemplateProblem(command.Template) is { } templateProblem)
        {
            return templateProblem;
        }

        if (command.ExtraVars.ValueKind != JsonValueKind.Object)
        {
            return Invalid($"extra_vars must be a JSON object, not {Describe(command.ExtraVars.ValueKind)}.");
        }

        if (!StorableText.IsStorableJson(command.ExtraVars))
        {
            return Invalid("extra_vars must hold only text PostgreSQL's jsonb can store: no NUL character (\\u0000) and no lone surrogate.");
        }

        if (command.Limit is { Length: > MaxLimitLength })
        {
            return Invalid($"limit is {command.Limit.Length} characters long; at most {MaxLimitLength} are allowed.");
        }

        if (command.Limit is not null && ControlCharacterIn("limit", command.Limit) is { } limitProblem)
        {
            return limitProblem;
        }

        if (command.Inventory is <= 0)
        {
            return Invalid($"inventory must be a positive AWX inventory id, not {command.Inventory}.");
        }

        if (command.Credentials is null)
        {
            return Invalid("credentials is required (an empty list when the template's own credentials apply).");
        }

        var notCredentialIds = command.Credentials.Where(id => id <= 0).ToList();
        if (notCredentialIds.Count > 0)
        {
            return Invalid($"credentials must be positive AWX credential ids; {string.Join(", ", notCredentialIds)} is not.");
        }

        return string.IsNullOrWhiteSpace(command.LaunchedBy) ? Invalid("launched_by is required.") : ControlCharacterIn("launched_by", command.LaunchedBy);
    }

    private static (RejectionReason, string)? FindTemplateProblem(TemplateReference? template)
    {
        if (template is null)
        {
            return Invalid("template is required.");
        }

        if (template.Id <= 0)
        {
            return Invalid($"template.id must be a positive AWX {(template.Kind == TemplateKind.Workflow ? "workflow job" : "job")} template id, not {template.Id}.");
        }

        return string.IsNullOrWhiteSpace(template.Name) ? Invalid("template.name is required.") : ControlCharacterIn("template.name", template.Name);
    }

    private static (RejectionReason, string)? ControlCharacterIn(string field, string value) =>
        StorableText.FindControlCharacter(field, value, multiLine: false) is { } problem ? Invalid(problem) : null;

    private static (RejectionReason, string) Invalid(string detail) => (RejectionReason.Invalid, detail);

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Undefined => "missing",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
