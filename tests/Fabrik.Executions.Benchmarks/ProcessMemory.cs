using System.Globalization;

namespace Fabrik.Executions.Benchmarks;

/// <summary>Resident memory of a process, as the kernel counts it.</summary>
internal static class ProcessMemory
{
    public static double ResidentMegabytes(int processId)
    {
        foreach (var line in File.ReadLines($"/proc/{processId}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
            }
        }

        throw new InvalidOperationException($"/proc/{processId}/status has no VmRSS.");
    }
}
