namespace Fabrik.Executions.Gateway.Output;

/// <summary>How <c>/stdout</c> writes an execution's output.</summary>
public enum StdoutFormat
{
    /// <summary>Plain text: colours removed, lines ended by <c>\n</c>.</summary>
    Txt,

    /// <summary>The text as Ansible wrote it: ANSI colours and <c>\r\n</c> kept.</summary>
    Ansi,

    /// <summary>One JSON event per line, in the shape of <c>/events</c>.</summary>
    Ndjson,
}
