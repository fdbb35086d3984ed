using Fabrik.Executions.AwxEmulator.Hosting;
using Microsoft.AspNetCore.Builder;

namespace Fabrik.Executions.Testing;

/// <summary>What <see cref="InProcessService"/> starts, handed to the fixture that wraps it.</summary>
public sealed record InProcessServiceParts(IsolatedInfrastructure Infrastructure, AwxEmulatorHost Emulator, WebApplication Service, BusProbe Probe);
