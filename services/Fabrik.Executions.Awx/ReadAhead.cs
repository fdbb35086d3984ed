using System.Runtime.CompilerServices;

namespace Fabrik.Executions.Awx;

/// <summary>Pages read one ahead: the next page is on its way from AWX while the caller stores the current one.</summary>
public static class ReadAhead
{
    public static async IAsyncEnumerable<T> OneAheadAsync<T>(
        this IAsyncEnumerable<T> source, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var enumerator = source.GetAsyncEnumerator(cancellationToken);
        var next = enumerator.MoveNextAsync();
        try
        {
            while (await next)
            {
                var current = enumerator.Current;
                next = enumerator.MoveNextAsync();
                yield return current;
            }
        }
        finally
        {
            // A caller that stops early leaves a read under way; the enumerator cannot be disposed before it ends,
            // and what it read (or why it failed) no longer matters.
            if (!next.IsCompleted)
            {
                await ((Task)next.AsTask()).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }
}
