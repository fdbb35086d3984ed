namespace Fabrik.Cli.Output;

/// <summary>
/// A spinner and a line of status on the error stream while the command waits, redrawn in place; drawn only on a
/// terminal, so scripts and logs never see it. Output written through <see cref="PrintAsync"/> appears above it.
/// </summary>
public sealed class ProgressLine : IAsyncDisposable
{
    private static readonly string[] Frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
    private readonly TextWriter error;
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly CancellationTokenSource stop = new();
    private string text = "";
    private int frame;
    private bool drawn;
    private bool disposed;

    public ProgressLine(CliConsole console, bool enabled)
    {
        error = console.Error;
        if (enabled && console.ShowsProgress)
        {
            // Ends when disposed; it draws only under the gate and never after disposal.
            _ = AnimateAsync(stop.Token);
        }
    }

    public void Show(string status) => Volatile.Write(ref text, status);

    /// <summary>Runs <paramref name="write"/> with the progress line out of the way.</summary>
    public async Task PrintAsync(Func<Task> write)
    {
        await gate.WaitAsync();
        try
        {
            await ClearAsync();
            await write();
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Shows <paramref name="status"/> until <paramref name="work"/> is done.</summary>
    public async Task<T> WhileAsync<T>(string status, Func<Task<T>> work)
    {
        Show(status);
        try
        {
            return await work();
        }
        finally
        {
            Show("");
            await PrintAsync(() => Task.CompletedTask);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await PrintAsync(() =>
        {
            disposed = true;
            return Task.CompletedTask;
        });
        await stop.CancelAsync();
        stop.Dispose();
    }

    private async Task AnimateAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(120));
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                var status = Volatile.Read(ref text);
                if (disposed)
                {
                    return;
                }

                if (status.Length > 0)
                {
                    frame = (frame + 1) % Frames.Length;
                    await error.WriteAsync($"\r\u001B[2K{Frames[frame]} {status}");
                    await error.FlushAsync(cancellationToken);
                    drawn = true;
                }
                else
                {
                    await ClearAsync();
                }
            }
            finally
            {
                gate.Release();
            }
        }
    }

    private async Task ClearAsync()
    {
        if (drawn)
        {
            await error.WriteAsync("\r\u001B[2K");
            drawn = false;
        }
    }
}
