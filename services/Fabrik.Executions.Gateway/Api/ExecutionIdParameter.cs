namespace Fabrik.Executions.Gateway.Api;

/// <summary>The <c>{id}</c> of an execution URL: a UUID, or a 400 that says so (not a 404 from a failed route match).</summary>
public static class ExecutionIdParameter
{
    public static Guid Parse(string id, FieldErrors errors)
    {
        if (Guid.TryParse(id, out var executionId))
        {
            return executionId;
        }

        errors.Add("id", "id must be an execution id (a UUID).");
        return Guid.Empty;
    }
}
