using System.Text.Json;
using Fabrik.Executions.Contracts;

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
    public static LaunchExecution? ToCommand(LaunchRequestBody body, Guid executionId, FieldErrors errors)
    {
        RequireText(body.RequestId, "request_id", MaxIdentifierLength, errors);
        var kind = CheckTemplate(body.Template, errors);
        var extraVars = CheckExtraVars(body.ExtraVars, errors);

        if (body.Limit is { Length: > MaxLimitLength })
        {
            errors.Add("limit", $"limit must be at most {MaxLimitLength} characters.");
        }

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

        RequireText(body.LaunchedBy, "launched_by", MaxIdentifierLength, errors);

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
            Limit = string.IsNullOrEmpty(body.Limit) ? null : body.Limit,
            Inventory = body.Inventory,
            Credentials = credentials,
            LaunchedBy = body.LaunchedBy!,
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

        RequireText(template.Name, "template.name", MaxTemplateNameLength, errors);
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

        return extraVars.Value;
    }

    private static void RequireText(string? value, string field, int maxLength, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, $"{field} is required and must not be blank.");
        }
        else if (value.Length > maxLength)
        {
            errors.Add(field, $"{field} must be at most {maxLength} characters.");
        }
    }
}
