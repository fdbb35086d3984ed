using System.Text.RegularExpressions;

namespace Fabrik.Executions.AwxEmulator.Synthetic;

/// <summary>Ansible's <c>--limit</c> for the synthetic inventory: host names or globs separated by commas or colons; <c>all</c> or empty for every host.</summary>
internal sealed class HostLimit
{
    private readonly Regex[] _patterns;

    public HostLimit(string limit)
    {
        _patterns = limit.Split([',', ':'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pattern => pattern == "all" ? "*" : pattern)
            .Select(pattern => new Regex("^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal) + "$",
                RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
            .ToArray();
    }

    public bool Admits(string hostName) => _patterns.Length == 0 || _patterns.Any(pattern => pattern.IsMatch(hostName));
}
