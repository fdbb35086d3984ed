using Fabrik.Executions.Hosting;

namespace Fabrik.Executions.StreamPoller;

public static class StreamPollerApplication
{
    public static WebApplication Create(string[] args, IReadOnlyDictionary<string, string?>? overrides = null) =>
        FabrikApplication.Create("fabrik-stream-poller", args, overrides, builder => builder.AddStreamPoller());
}
