namespace Fabrik.Executions.Testing;

/// <summary>
/// One fixture shared by the tests of a project: started by the first test that asks for it, stopped once after all of
/// them (from a <c>[SetUpFixture]</c>'s <c>[OneTimeTearDown]</c>).
/// </summary>
public sealed class SharedFixture<T>(Func<Task<T>> start) : IAsyncDisposable
    where T : class, IAsyncDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private T? started;

    public async Task<T> GetAsync()
    {
        await gate.WaitAsync();
        try
        {
            return started ??= await start();
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (started is not null)
        {
            await started.DisposeAsync();
            started = null;
        }
    }
}
