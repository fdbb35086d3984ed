namespace Fabrik.Cli;

/// <summary>Why a command could not do what was asked, in words for the person who asked; it exits <see cref="ExitCodes.Unusable"/>.</summary>
public sealed class CliException(string message) : Exception(message);
