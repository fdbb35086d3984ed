using System.Text.Json.Serialization;

namespace Fabrik.Executions.Contracts;

/// <summary>Why the Launcher refused a command; maps onto HTTP 400, 404, 409 and 422.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<RejectionReason>))]
public enum RejectionReason
{
    /// <summary>The command itself is malformed.</summary>
    Invalid,
    /// <summary>The execution or template it names does not exist.</summary>
    NotFound,
    /// <summary>The execution's state does not allow it (cancel a finished execution, relaunch past the cap).</summary>
    Conflict,
    /// <summary>Well formed, but refused by validation against current state.</summary>
    Unprocessable,
}
