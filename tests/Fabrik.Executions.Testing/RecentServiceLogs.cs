using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Fabrik.Executions.Testing;

/// <summary>
/// What the in-process services logged lately, past their own filters (Warning and up in the test pipelines), kept so
/// a failed test can show it: the test runner keeps a service's console output only with the test that started it.
/// </summary>
public sealed class RecentServiceLogs(string service) : ILoggerProvider
{
    private const int Capacity = 500;
    private static readonly ConcurrentQueue<(long Sequence, string Line)> Lines = new();
    private static long latest;

    /// <summary>The sequence number of the latest line; every line logged later has a higher one.</summary>
    public static long Latest => Interlocked.Read(ref latest);

    /// <summary>The lines logged after <paramref name="after"/>, oldest first; only the last 500 are kept.</summary>
    public static IReadOnlyList<string> Since(long after) => [.. Lines.Where(line => line.Sequence > after).Select(line => line.Line)];

    public ILogger CreateLogger(string categoryName) => new Logger(service, categoryName);

    public void Dispose()
    {
    }

    private static void Add(string line)
    {
        Lines.Enqueue((Interlocked.Increment(ref latest), line));
        while (Lines.Count > Capacity && Lines.TryDequeue(out _))
        {
        }
    }

    private sealed class Logger(string service, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var failure = exception is null ? "" : $" ({exception.GetType().Name}: {exception.Message})";
            Add(string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:HH:mm:ss.fff} {service} {logLevel} {category}: {formatter(state, exception)}{failure}"));
        }
    }
}
