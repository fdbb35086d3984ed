using Fabrik.Executions.Contracts;
using Fabrik.Executions.Gateway.Api.Queries;
using Fabrik.Executions.Storage;

namespace Fabrik.Executions.Gateway.Api;

/// <summary>The <c>{status}</c> of <c>/api/v1/executions/status/{status}</c>: one of AWX's statuses, or a 400 that lists them.</summary>
public static class ExecutionStatusParameter
{
    public static ExecutionStatus? Parse(string status, FieldErrors errors)
    {
        if (ExecutionFilterQuery.StatusNames.Contains(status, StringComparer.Ordinal))
        {
            return DatabaseText.ToStatus(status);
        }

        errors.Add("status", $"status must be one of {string.Join(", ", ExecutionFilterQuery.StatusNames)}.");
        return null;
    }
}
