namespace Fabrik.Executions.AwxEmulator.Api.Resources;

internal sealed record TemplateUserCapabilities(bool Edit, bool Delete, bool Start, bool Schedule, bool Copy);
