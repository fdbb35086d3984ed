namespace Fabrik.Executions.Gateway.Tests;

/// <summary>A hub invocation the Gateway must refuse with a HubException saying what is wrong.</summary>
/// <param name="Name">How the case is shown.</param>
/// <param name="Method">The hub method.</param>
/// <param name="Arguments">The arguments, with <see cref="Known"/> and <see cref="Unknown"/> standing for execution ids.</param>
/// <param name="Message">A part of the error message the caller must get.</param>
public sealed record BadHubCall(string Name, string Method, object?[] Arguments, string Message)
{
    public const string Known = "{known}";
    public const string Unknown = "{unknown}";

    public object?[] ArgumentsFor(Guid known, Guid unknown) =>
        Arguments.Select(argument => argument switch
        {
            Known => known.ToString(),
            Unknown => unknown.ToString(),
            _ => argument,
        }).ToArray();

    public override string ToString() => Name;
}
