using System.Text.Json.Serialization;
using Fabrik.Executions.Contracts;

namespace Fabrik.Executions.Gateway.Api.Actions;

/// <summary>What became of one execution of a bulk cancel.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<CancelResult>))]
public enum CancelResult
{
    /// <summary>Canceled outright: it had not been launched, so no AWX job exists.</summary>
    Canceled,

    /// <summary>AWX was asked to cancel it (or will be, once its launch returns); it stops at the next task boundary.</summary>
    CancelRequested,

    NotFound,

    /// <summary>It had already ended; the detail says how.</summary>
    AlreadyFinished,

    /// <summary>Refused for another reason (AWX refused the cancel); the detail says why.</summary>
    Refused,

    /// <summary>The Launcher did not answer in time; the cancel may still take effect, and repeating it is safe.</summary>
    NoAnswer,
}
