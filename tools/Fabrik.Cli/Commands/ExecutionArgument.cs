using System.CommandLine;

namespace Fabrik.Cli.Commands;

/// <summary>The execution a command acts on, checked to be a UUID before the Gateway is asked.</summary>
public static class ExecutionArgument
{
    public static Argument<Guid> Create() => new("execution-id") { Description = "the execution's id (a UUID)" };
}
