using System.CommandLine;

namespace Fabrik.Cli.Commands;

/// <summary>The list filters of <c>GET /api/v1/executions</c>, shared by <c>list</c> and <c>export</c>.</summary>
public sealed class ExecutionFilterOptions
{
    private readonly (Option<string?> Option, string Parameter)[] filters =
    [
        (new Option<string?>("--status") { Description = "pending, waiting, running, successful, failed, error or canceled" }, "status"),
        (new Option<string?>("--template") { Description = "the AWX template id" }, "template"),
        (new Option<string?>("--launched-by") { Description = "who launched" }, "launched_by"),
        (new Option<string?>("--relaunch-of") { Description = "relaunches of this execution id" }, "relaunch_of"),
        (new Option<string?>("--created-after") { Description = "an ISO 8601 time" }, "created_after"),
        (new Option<string?>("--created-before") { Description = "an ISO 8601 time" }, "created_before"),
        (new Option<string?>("--search") { Description = "executions whose output contains this phrase" }, "q"),
    ];

    public void AddTo(Command command)
    {
        foreach (var (option, _) in filters)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The given filters as query parameters; the Gateway checks their values and names a wrong one.</summary>
    public List<KeyValuePair<string, string>> Query(ParseResult parse) =>
        filters
            .Select(filter => (filter.Parameter, Value: parse.GetValue(filter.Option)))
            .Where(filter => !string.IsNullOrWhiteSpace(filter.Value))
            .Select(filter => KeyValuePair.Create(filter.Parameter, filter.Value!.Trim()))
            .ToList();

    public static string ToQueryString(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join("&", parameters.Select(parameter => $"{Uri.EscapeDataString(parameter.Key)}={Uri.EscapeDataString(parameter.Value)}"));
}
