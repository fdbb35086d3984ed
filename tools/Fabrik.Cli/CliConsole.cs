namespace Fabrik.Cli;

/// <summary>Where the command writes and what it reads from its surroundings; tests give it their own.</summary>
public sealed class CliConsole(TextWriter output, TextWriter error, Func<string, string?> variables, bool outputIsTerminal, bool errorIsTerminal)
{
    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>Whether the output keeps Ansible's colours and gets the command's own: only on a terminal, unless <c>NO_COLOR</c> is set.</summary>
    public bool Colour { get; } = outputIsTerminal && string.IsNullOrEmpty(variables("NO_COLOR"));

    /// <summary>Whether the error stream (progress, the final status) gets the command's colours.</summary>
    public bool ErrorColour { get; } = errorIsTerminal && string.IsNullOrEmpty(variables("NO_COLOR"));

    /// <summary>Whether a progress line may be drawn (and redrawn) on the error stream.</summary>
    public bool ShowsProgress { get; } = errorIsTerminal;

    public string? Variable(string name) => variables(name);

    public static CliConsole System() => new(
        Console.Out, Console.Error, Environment.GetEnvironmentVariable, !Console.IsOutputRedirected, !Console.IsErrorRedirected);
}
