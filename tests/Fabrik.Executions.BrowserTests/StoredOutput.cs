using System.Text.RegularExpressions;
using Fabrik.Executions.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Fabrik.Executions.BrowserTests;

/// <summary>An execution's stored events, as lines a reader sees them: one per line of stdout, colours removed.</summary>
internal static partial class StoredOutput
{
    public static async Task<(int Events, IReadOnlyList<string> Lines)> ReadAsync(BrowserPipeline pipeline, Guid executionId)
    {
        var store = pipeline.Storage.GetRequiredService<JobEventStore>();
        var streams = pipeline.Storage.GetRequiredService<JobStreamQueries>();
        var events = 0;
        var lines = new List<string>();
        foreach (var jobId in await streams.ListJobIdsAsync(executionId, CancellationToken.None))
        {
            for (long after = 0; ;)
            {
                var page = await store.ReadAfterAsync(executionId, jobId, after, 5_000, CancellationToken.None);
                if (page.Count == 0)
                {
                    break;
                }

                events += page.Count;
                lines.AddRange(page.Where(e => e.Stdout.Length > 0).SelectMany(e => LineBreak().Split(Ansi().Replace(e.Stdout, ""))));
                after = page[^1].Counter;
            }
        }

        return (events, lines);
    }

    [GeneratedRegex(@"\r?\n")]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?")]
    private static partial Regex Ansi();
}
