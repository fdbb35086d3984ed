using System.Text.Json;
using Fabrik.Cli.Output;

namespace Fabrik.Cli.Tailing;

/// <summary>
/// Writes each event once, in counter order within its AWX job, however often replay and live deliver it and in
/// whatever order: an event waits until the ones before it arrived, or until <see cref="FlushAsync"/> gives up on a
/// gap that will never fill. Text shows the event's output lines; JSON writes each event as one line.
/// </summary>
public sealed class EventPrinter(CliConsole console, ProgressLine progress, bool json, long after)
{
    private readonly Dictionary<long, JobOutput> jobs = [];

    public long Written { get; private set; }

    /// <summary>The counter to subscribe after so that nothing not yet written is missed.</summary>
    public long ResumeAfter => jobs.Count == 0 ? after : jobs.Values.Min(job => job.Watermark);

    public async Task AddAsync(IEnumerable<JsonElement> events)
    {
        var ready = new List<JsonElement>();
        foreach (var item in events)
        {
            var job = JobOf(item.GetProperty("job_id").GetInt64());
            var counter = item.GetProperty("counter").GetInt64();
            if (counter > job.Watermark)
            {
                job.Waiting.TryAdd(counter, item.Clone());
            }

            while (job.Waiting.Remove(job.Watermark + 1, out var next))
            {
                job.Watermark++;
                ready.Add(next);
            }
        }

        await WriteAsync(ready);
    }

    /// <summary>Writes what still waits for an earlier counter: the stream ended and the gap will not fill.</summary>
    public async Task FlushAsync()
    {
        var rest = jobs.Values.SelectMany(job => job.Waiting.Values).ToList();
        foreach (var job in jobs.Values)
        {
            job.Watermark = Math.Max(job.Watermark, job.Waiting.Keys.DefaultIfEmpty(0).Max());
            job.Waiting.Clear();
        }

        await WriteAsync(rest);
    }

    private JobOutput JobOf(long jobId)
    {
        if (!jobs.TryGetValue(jobId, out var job))
        {
            job = new JobOutput { Watermark = after };
            jobs[jobId] = job;
        }

        return job;
    }

    private async Task WriteAsync(List<JsonElement> events)
    {
        if (events.Count == 0)
        {
            return;
        }

        await progress.PrintAsync(async () =>
        {
            foreach (var item in events)
            {
                if (json)
                {
                    await console.Out.WriteLineAsync(item.GetRawText());
                }
                else if (item.GetProperty("stdout").GetString() is { Length: > 0 } stdout)
                {
                    await console.Out.WriteLineAsync(Ansi.Keep(stdout, console.Colour));
                }
            }

            await console.Out.FlushAsync();
        });
        Written += events.Count;
    }

    private sealed class JobOutput
    {
        public long Watermark { get; set; }

        public SortedDictionary<long, JsonElement> Waiting { get; } = [];
    }
}
