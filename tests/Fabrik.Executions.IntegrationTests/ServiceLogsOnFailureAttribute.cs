using System.Collections.Concurrent;
using Fabrik.Executions.Testing;
using NUnit.Framework.Interfaces;

namespace Fabrik.Executions.IntegrationTests;

/// <summary>
/// A failed test shows what the in-process services logged while it ran (<see cref="RecentServiceLogs"/>), so a failure
/// seen only in CI's output says what the services saw.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class ServiceLogsOnFailureAttribute : Attribute, ITestAction
{
    private static readonly ConcurrentDictionary<string, long> LatestBefore = new();

    public ActionTargets Targets => ActionTargets.Test;

    public void BeforeTest(ITest test) => LatestBefore[test.Id] = RecentServiceLogs.Latest;

    public void AfterTest(ITest test)
    {
        if (!LatestBefore.TryRemove(test.Id, out var before) || TestContext.CurrentContext.Result.Outcome.Status != TestStatus.Failed)
        {
            return;
        }

        var lines = RecentServiceLogs.Since(before);
        TestContext.Out.WriteLine($"The services logged {lines.Count} lines during the test:");
        foreach (var line in lines)
        {
            TestContext.Out.WriteLine(line);
        }
    }
}
