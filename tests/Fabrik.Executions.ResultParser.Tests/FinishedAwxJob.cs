using System.Text.Json;
using Fabrik.Executions.Contracts;

namespace Fabrik.Executions.ResultParser.Tests;

/// <summary>An emulator job that ended, with its detail as AWX answered it at the end.</summary>
public sealed record FinishedAwxJob(long Id, ExecutionStatus Status, JsonElement Detail);
