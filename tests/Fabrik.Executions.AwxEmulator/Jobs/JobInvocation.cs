namespace Fabrik.Executions.AwxEmulator.Jobs;

/// <summary>What AWX records when ansible-runner starts: <c>job_args</c>, <c>job_cwd</c>, <c>job_env</c>.</summary>
internal sealed record JobInvocation(IReadOnlyList<string> Args, string Cwd, IReadOnlyDictionary<string, string> Env)
{
    public static JobInvocation NotStarted { get; } = new([], "", new Dictionary<string, string>());
}
