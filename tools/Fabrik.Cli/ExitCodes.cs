using Fabrik.Executions.Contracts;

namespace Fabrik.Cli;

/// <summary>
/// What <c>fabrik</c> exits with. <c>tail</c> exits with the execution's result; every command exits
/// <see cref="Unusable"/> when it could not do what was asked (bad input, a Gateway refusal or failure).
/// </summary>
public static class ExitCodes
{
    public const int Successful = 0;
    public const int Failed = 1;
    public const int Error = 2;
    public const int Canceled = 3;
    public const int Unusable = 4;

    /// <summary>Ctrl+C, as shells report SIGINT.</summary>
    public const int Interrupted = 130;

    public static int Of(ExecutionStatus status) => status switch
    {
        ExecutionStatus.Successful => Successful,
        ExecutionStatus.Failed => Failed,
        ExecutionStatus.Canceled => Canceled,
        _ => Error,
    };
}
