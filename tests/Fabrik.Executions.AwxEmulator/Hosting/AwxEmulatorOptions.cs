using Fabrik.Executions.AwxEmulator.Faults;

namespace Fabrik.Executions.AwxEmulator.Hosting;

/// <summary>Settings of the emulator, bound from the <c>Emulator</c> configuration section or given in-process.</summary>
public sealed class AwxEmulatorOptions
{
    public const string SectionName = "Emulator";

    /// <summary>The bearer token clients must send. When absent, <see cref="TokenFile"/> is read, else one is generated.</summary>
    public string? Token { get; set; }

    public string? TokenFile { get; set; }

    /// <summary>Port for <see cref="AwxEmulatorHost"/>; 0 picks a free one. The standalone app takes <c>--urls</c> instead.</summary>
    public int Port { get; set; }

    public int PendingDelayMs { get; set; } = 100;

    public int WaitingDelayMs { get; set; } = 100;

    /// <summary>Path of <c>ansible-runner</c>; when absent, <c>/usr/bin/ansible-runner</c> or the first one on PATH.</summary>
    public string? AnsibleRunnerPath { get; set; }

    /// <summary>Seconds the built-in approval template waits before it times out; 0 (the default) waits forever.</summary>
    public int ApprovalTimeoutSeconds { get; set; }

    public FaultSettings Faults { get; set; } = new();
}
