namespace Fabrik.Executions.Testing;

/// <summary>
/// Waits for an outcome of asynchronous work by checking it every 50 ms until a deadline, so tests assert on what
/// happened instead of sleeping for a guessed time.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>The first non-null value <paramref name="probe"/> returns; a <see cref="TimeoutException"/> naming <paramref name="what"/> at the deadline.</summary>
    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null)
        where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"Waited {timeout ?? DefaultTimeout} for {what}.");
            }

            await Task.Delay(PollInterval);
        }
    }

    public static Task<T> GetAsync<T>(Func<T?> probe, string what, TimeSpan? timeout = null)
        where T : class =>
        GetAsync(() => Task.FromResult(probe()), what, timeout);

    public static Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null) =>
        GetAsync(async () => await condition() ? what : null, what, timeout);
}
