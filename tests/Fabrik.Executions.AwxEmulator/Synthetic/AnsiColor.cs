namespace Fabrik.Executions.AwxEmulator.Synthetic;

/// <summary>ansible-core's default colours as SGR sequences.</summary>
internal static class AnsiColor
{
    public const string Ok = "\u001b[0;32m";
    public const string Changed = "\u001b[0;33m";
    public const string Skip = "\u001b[0;36m";
    public const string Error = "\u001b[0;31m";
    public const string Unreachable = "\u001b[1;31m";
    public const string Warn = "\u001b[1;35m";
    public const string Reset = "\u001b[0m";
}
