using Fabrik.Executions.AwxEmulator.Runner;
using Fabrik.Executions.AwxEmulator.Synthetic;

namespace Fabrik.Executions.AwxEmulator.Catalog;

/// <summary>The job templates the emulator offers: the synthetic one always, the ansible-runner one where it is installed.</summary>
internal sealed class JobTemplateCatalog
{
    public const int SyntheticTemplateId = 1;
    public const int RunnerTemplateId = 2;

    private readonly Dictionary<int, JobTemplateDefinition> _templates;

    public JobTemplateCatalog(SyntheticPlaybookEngine synthetic, AnsibleRunnerEngine? runner, TimeProvider time)
    {
        var created = time.GetUtcNow();
        List<JobTemplateDefinition> templates =
        [
            new(SyntheticTemplateId, "Synthetic", "Any number of events, hosts and failures, shaped by emulator_* extra vars.",
                new InventoryReference(1, "Synthetic Lab"), synthetic, created),
        ];
        if (runner is not null)
        {
            templates.Add(new(RunnerTemplateId, "Runner: localhost", "A bundled playbook run by ansible-runner against localhost.",
                new InventoryReference(2, "Localhost"), runner, created));
        }
        _templates = templates.ToDictionary(template => template.Id);
    }

    public IReadOnlyList<JobTemplateDefinition> All => [.. _templates.Values.OrderBy(template => template.Id)];

    public JobTemplateDefinition? Find(int id) => _templates.GetValueOrDefault(id);
}
