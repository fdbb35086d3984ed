using System.Text.Json;
using Fabrik.Executions.Contracts;
using Fabrik.Executions.Storage;

namespace Fabrik.Executions.Gateway.Api;

/// <summary>Checks a launch request body field by field and turns it into the Launcher's command.</summary>
public static class LaunchRequestValidator
{
    public const int MaxIdentifierLength = 200;
    public const int MaxTemplateNameLength = 512;
    public const int MaxLimitLength = 4096;
    public const int MaxCredentials = 100;
    public const int MaxExtraVarsLength = 1024 * 1024;

    /// <summary>The command, or null with every problem added to <paramref name="errors"/>.</summary>
    /// <param name="body">The request body.</param>
    /// <param name="executionId">The id the new execution gets.</param>
    /// <param name="callerName">The authenticated caller, who launches; null lets the body's <c>launched_by</c> name who does.</param>
    /// <param name="errors">Where every problem is added.</param>
    public static LaunchExecution? ToCommand(LaunchRequestBody body, Guid executionId, string? callerName, FieldErrors errors)
    {
        CheckText(body.RequestId, "request_id", MaxIdentifierLength, required: true, errors);
        var kind = CheckTemplate(body.Template, errors);
        var extraVars = CheckExtraVars(body.ExtraVars, errors);

        CheckText(body.Limit, "limit", MaxLimitLength, required: false, errors);

        if (body.Inventory is <= 0)
        {
            errors.Add("inventory", "inventory must be a positive integer (an AWX inventory id).");
        }

        var credentials = body.Credentials ?? [];
        if (credentials.Count > MaxCredentials)
        {
            errors.Add("credentials", $"credentials must hold at most {MaxCredentials} ids.");
        }
        else if (credentials.Any(id => id <= 0))
        {
            errors.Add("credentials", "credentials must hold positive integers (AWX credential ids).");
        }

        CheckText(body.LaunchedBy, "launched_by", MaxIdentifierLength, required: callerName is null, errors);

        if (errors.Any)
        {
            return null;
        }

        return new LaunchExecution
        {
            ExecutionId = executionId,
            RequestId = body.RequestId!,
            Template = new TemplateReference { Kind = kind!.Value, Id = body.Template!.Id!.Value, Name = body.Template.Name! },
            ExtraVars = extraVars,
            Limit = string.IsNullOrWhiteSpace(body.Limit) ? null : body.Limit,
            Inventory = body.Inventory,
            Credentials = credentials,
            LaunchedBy = callerName ?? body.LaunchedBy!,
        };
    }

    private static TemplateKind? CheckTemplate(TemplateBody? template, FieldErrors errors)
    {
        if (template is null)
        {
            errors.Add("template", "template is required: an object with kind, id and name.");
            return null;
        }

        TemplateKind? kind = template.Kind switch
        {
            "job" => TemplateKind.Job,
            "workflow" => TemplateKind.Workflow,
            _ => null,
        };
        if (kind is null)
        {
            errors.Add("template.kind", template.Kind is null
                ? "template.kind is required: 'job' or 'workflow'."
                : "template.kind must be 'job' or 'workflow'.");
        }

        if (template.Id is null)
        {
            errors.Add("template.id", "template.id is required: the AWX template's id.");
        }
        else if (template.Id <= 0)
        {
            errors.Add("template.id", "template.id must be a positive integer.");
        }

        CheckText(template.Name, "template.name", MaxTemplateNameLength, required: true, errors);
        return kind;
    }

    private static JsonElement CheckExtraVars(JsonElement? extraVars, FieldErrors errors)
    {
        if (extraVars is null || extraVars.Value.ValueKind == JsonValueKind.Null)
        {
            using var empty = JsonDocument.Parse("{}");
            return empty.RootElement.Clone();
        }

        if (extraVars.Value.ValueKind != JsonValueKind.Object)
        {
            errors.Add("extra_vars", "extra_vars must be a JSON object.");
        }
        else if (extraVars.Value.GetRawText().Length > MaxExtraVarsLength)
        {
            errors.Add("extra_vars", $"extra_vars must be at most {MaxExtraVarsLength} characters of JSON.");
        }
        else if (!StorableText.IsStorableJson(extraVars.Value))
        {
            errors.Add("extra_vars", "extra_vars must hold only text PostgreSQL's jsonb can store: no NUL character (\\u0000) "
                                     + "and no lone surrogate (\\ud800).");
        }

        return extraVars.Value;
    }

    private static void CheckText(string? value, string field, int maxLength, bool required, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(field, $"{field} is required and must not be blank.");
            }
        }
        else if (value.Length > maxLength)
        {
            errors.Add(field, $"{field} must be at most {maxLength} characters.");
        }
        else if (StorableText.FindControlCharacter(field, value, multiLine: false) is { } problem)
        {
            errors.Add(field, problem);
        }
    }
}
