using System.Text.Json;

namespace Fabrik.Executions.OperatorActionTests;

/// <summary>The fields of an execution as the API answers it that the tests follow.</summary>
internal static class ExecutionJson
{
    public static Guid Id(this JsonElement execution) => execution.GetProperty("id").GetGuid();

    public static long AwxJobId(this JsonElement execution) => execution.GetProperty("awx_job_id").GetInt64();
}
