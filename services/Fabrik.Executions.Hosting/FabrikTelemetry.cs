using System.Diagnostics;

namespace Fabrik.Executions.Hosting;

/// <summary>
/// The system's own spans (poll cycles, hub pushes), next to MassTransit's, ASP.NET Core's and HttpClient's, and the
/// attribute that finds every span of one execution.
/// </summary>
public static class FabrikTelemetry
{
    public const string ExecutionIdAttribute = "fabrik.execution_id";

    public static readonly ActivitySource Source = new(ServiceDefaultsExtensions.ActivitySourceName);

    /// <summary>Tags the current span with the execution it works on, so a trace search by execution id finds it.</summary>
    public static void TagExecution(Guid executionId) => Activity.Current?.SetTag(ExecutionIdAttribute, executionId.ToString("D"));
}
