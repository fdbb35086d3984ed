using System.Net;
using Fabrik.Executions.Awx;
using Refit;

namespace Fabrik.Executions.Launcher.Launching;

/// <summary>
/// The AWX calls of a launch, each turning every way it can fail into an <see cref="AwxLaunchFailedException"/> that
/// says what was being done and whether AWX may have done it anyway.
/// </summary>
public static class AwxLaunchCalls
{
    /// <summary>A read before anything was created: failing, it leaves nothing behind.</summary>
    public static async Task<T> ReadAsync<T>(Func<Task<T>> call, string subject, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (ApiException exception)
        {
            throw new AwxLaunchFailedException($"{subject} could not be read, so nothing was launched: {AwxErrorText.Describe(exception)}", exception);
        }
        catch (Exception exception) when (AwxNoAnswer.Is(exception, cancellationToken))
        {
            throw new AwxLaunchFailedException(
                $"AWX did not answer when {subject} was read ({AwxNoAnswer.Summarize(exception)}), so nothing was launched.", exception);
        }
    }

    /// <summary>
    /// A call that creates or changes something in AWX. A 4xx means AWX looked at it and did nothing; anything else
    /// may have done it, which <paramref name="mayHaveDone"/> tells the operator how to check.
    /// </summary>
    public static async Task<T> ChangeAsync<T>(Func<Task<T>> call, string action, string mayHaveDone, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (ApiException exception) when (IsRefusal(exception.StatusCode))
        {
            throw new AwxLaunchFailedException($"AWX refused to {action}: {AwxErrorText.Describe(exception)}", exception);
        }
        catch (ApiException exception)
        {
            throw new AwxLaunchFailedException($"Asking AWX to {action} failed: {AwxErrorText.Describe(exception)} {mayHaveDone}", exception);
        }
        catch (Exception exception) when (AwxNoAnswer.Is(exception, cancellationToken))
        {
            throw new AwxLaunchFailedException($"AWX did not answer when asked to {action} ({AwxNoAnswer.Summarize(exception)}). {mayHaveDone}", exception);
        }
    }

    private static bool IsRefusal(HttpStatusCode status) => (int)status is >= 400 and < 500;
}
