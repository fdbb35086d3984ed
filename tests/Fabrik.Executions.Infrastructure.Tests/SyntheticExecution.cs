using Fabrik.Executions.Contracts;
using Fabrik.Executions.Storage;

namespace Fabrik.Executions.Infrastructure.Tests;

/// <summary>An execution of a job template as the Launcher records it before the launch: the row a storage test starts from.</summary>
internal static class SyntheticExecution
{
    public static NewExecution New() => new()
    {
        Id = Guid.CreateVersion7(),
        RequestId = Guid.NewGuid().ToString(),
        Template = new TemplateReference { Kind = TemplateKind.Job, Id = 1, Name = "Synthetic" },
        ExtraVarsJson = "{}",
        CredentialIds = [],
        LaunchedBy = "tests",
    };
}
