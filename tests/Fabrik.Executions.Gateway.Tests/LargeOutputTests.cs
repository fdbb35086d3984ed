namespace Fabrik.Executions.Gateway.Tests;

/// <summary>Outputs and lists of the sizes production sees, through the same endpoints.</summary>
public sealed class LargeOutputTests
{
    private const int EventCount = 200_000;
    private const int ExecutionCount = 100_000;
    private const long MaxHeapGrowthBytes = 24L * 1024 * 1024;

    private GatewayEnvironment environment = null!;

    private HttpClient Http => environment.Gateway.Http;

    [OneTimeSetUp]
    public async Task StartAsync() => environment = await GatewayEnvironment.SharedAsync();

    [Test]
    public async Task Stdout_of_200000_events_streams_whole_while_the_gateway_heap_stays_bounded()
    {
        const long jobId = 4_200_000;
        var executionId = await environment.Data.CreateRunningAsync(jobId);
        // About 30 MB of text: held whole, it would grow the heap far beyond the bound.
        await environment.Data.ExecuteAsync(
            """
            insert into job_events (execution_id, job_id, counter, event, uuid, stdout, start_line, end_line, created)
            select @executionId, @jobId, n, 'runner_on_ok', gen_random_uuid()::text,
                   E'\u001b[0;32mok: [leaf-' || n % 500 || '.lab] => ' || repeat('x', 120) || ' event ' || n || E'\u001b[0m',
                   n - 1, n, now()
            from generate_series(1, @count) as n
            """,
            new { executionId, jobId, count = EventCount });

        var baseline = HeapAfterFullCollection();
        using var response = await Http.GetAsync($"/api/v1/executions/{executionId}/stdout", HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        using var reader = new StreamReader(body);
        var lines = 0L;
        var largestGrowth = 0L;
        string? first = null;
        string? last = null;
        while (await reader.ReadLineAsync() is { } line)
        {
            first ??= line;
            last = line;
            if (++lines % 40_000 == 0)
            {
                largestGrowth = Math.Max(largestGrowth, HeapAfterFullCollection() - baseline);
            }
        }

        Assert.That(lines, Is.EqualTo(EventCount));
        Assert.That(first, Is.EqualTo($"ok: [leaf-1.lab] => {new string('x', 120)} event 1"));
        Assert.That(last, Is.EqualTo($"ok: [leaf-0.lab] => {new string('x', 120)} event {EventCount}"));
        Assert.That(largestGrowth, Is.LessThan(MaxHeapGrowthBytes), "managed heap growth in the middle of the download");
    }

    [Test]
    public async Task Pages_of_100000_executions_hold_the_right_rows_at_any_depth()
    {
        var templateId = Random.Shared.Next(100_000, 2_000_000);
        var run = Guid.NewGuid().ToString("N")[..8];
        await environment.Data.ExecuteAsync(
            """
            insert into executions (id, request_id, template_kind, template_id, template_name, launched_by, status, created_at, updated_at)
            select gen_random_uuid(), 'bulk-' || @run || '-' || n, 'job', @templateId, 'Bulk', 'bulk-loader',
                   (array['pending', 'waiting', 'running', 'successful', 'failed', 'error', 'canceled'])[1 + n % 7],
                   timestamptz '2020-01-01' + n * interval '1 second', now()
            from generate_series(1, @count) as n
            """,
            new { run, templateId, count = ExecutionCount });
        var list = $"/api/v1/executions?template={templateId}&per_page=100";

        var firstPage = await Http.GetOkAsync($"{list}&page=1");
        var middlePage = await Http.GetOkAsync($"{list}&page=500");
        var lastPage = await Http.GetOkAsync($"{list}&page=1000");
        var beyond = await Http.GetOkAsync($"{list}&page=1001");
        var failed = await Http.GetOkAsync($"{list}&status=failed&page=143");
        var stats = (await Http.GetOkAsync($"/api/v1/executions/stats?template={templateId}")).GetProperty("data");

        Assert.That(RequestNumbers(firstPage), Is.EqualTo(Enumerable.Range(99_901, 100).Reverse()));
        Assert.That(RequestNumbers(middlePage), Is.EqualTo(Enumerable.Range(50_001, 100).Reverse()));
        Assert.That(RequestNumbers(lastPage), Is.EqualTo(Enumerable.Range(1, 100).Reverse()));
        Assert.That(beyond.Data(), Is.Empty);
        Assert.That(lastPage.GetProperty("pagination").GetRawText(), Is.EqualTo("""{"page":1000,"per_page":100,"total_items":100000,"total_pages":1000}"""));
        var failedNumbers = Enumerable.Range(1, ExecutionCount).Where(n => n % 7 == 4).Reverse().ToList();
        Assert.That(failed.GetProperty("pagination").GetProperty("total_items").GetInt64(), Is.EqualTo(failedNumbers.Count));
        Assert.That(RequestNumbers(failed), Is.EqualTo(failedNumbers.Skip(14_200).Take(100)));
        Assert.That(stats.GetProperty("total").GetInt64(), Is.EqualTo(ExecutionCount));
        Assert.That(stats.GetProperty("by_status").GetProperty("failed").GetInt64(), Is.EqualTo(failedNumbers.Count));

        IEnumerable<int> RequestNumbers(System.Text.Json.JsonElement page) =>
            page.Data().Select(item => int.Parse(item.GetProperty("request_id").GetString()!.Split('-')[^1], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The managed heap after a forced full collection: what is still held, not what was ever allocated.</summary>
    private static long HeapAfterFullCollection() => GC.GetTotalMemory(forceFullCollection: true);
}
