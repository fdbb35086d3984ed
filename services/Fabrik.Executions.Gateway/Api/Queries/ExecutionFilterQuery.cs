using Fabrik.Executions.Contracts;
using Fabrik.Executions.Storage;

namespace Fabrik.Executions.Gateway.Api.Queries;

/// <summary>The filters of the executions list, its export and its stats.</summary>
public static class ExecutionFilterQuery
{
    public const int MaxLaunchedByLength = LaunchRequestValidator.MaxIdentifierLength;

    public static readonly IReadOnlyList<string> StatusNames = Enum.GetValues<ExecutionStatus>().Select(DatabaseText.From).ToList();

    public static readonly QueryParameter Status = QueryParameter.Choice("status", "Only executions in one of these statuses.", StatusNames)
        with { ManyChoices = true };

    public static readonly QueryParameter Template =
        QueryParameter.Integer("template", "Only executions of this AWX template id.", 1, int.MaxValue);

    public static readonly QueryParameter LaunchedBy =
        QueryParameter.Text("launched_by", "Only executions launched by this caller.", 1, MaxLaunchedByLength);

    public static readonly QueryParameter RelaunchOf =
        QueryParameter.Uuid("relaunch_of", "Only direct relaunches of this execution.");

    public static readonly QueryParameter CreatedAfter =
        QueryParameter.Timestamp("created_after", "Only executions created at or after this time (UTC unless an offset is given).");

    public static readonly QueryParameter CreatedBefore =
        QueryParameter.Timestamp("created_before", "Only executions created before this time (UTC unless an offset is given).");

    /// <summary>Every filter but the status, for the list that takes its status from the path.</summary>
    public static readonly IReadOnlyList<QueryParameter> AllButStatus =
        [Template, LaunchedBy, RelaunchOf, CreatedAfter, CreatedBefore, OutputPhrase.Filter];

    public static readonly IReadOnlyList<QueryParameter> Parameters = [Status, .. AllButStatus];

    /// <param name="reader">The request's query.</param>
    /// <param name="errors">Where a contradiction between filters is reported.</param>
    /// <param name="pathStatus">The status the path names, which replaces the status filter.</param>
    public static ExecutionFilter Read(QueryReader reader, FieldErrors errors, ExecutionStatus? pathStatus = null)
    {
        var createdAfter = reader.Timestamp(CreatedAfter);
        var createdBefore = reader.Timestamp(CreatedBefore);
        if (createdAfter is not null && createdBefore is not null && createdBefore <= createdAfter)
        {
            errors.Add(CreatedBefore.Name, $"{CreatedBefore.Name} must be later than {CreatedAfter.Name}.");
        }

        return new ExecutionFilter
        {
            Statuses = pathStatus is { } status ? [status] : reader.Choices(Status)?.Select(DatabaseText.ToStatus).ToList(),
            TemplateId = (int?)reader.Integer(Template),
            LaunchedBy = reader.Text(LaunchedBy),
            RelaunchOf = reader.Uuid(RelaunchOf),
            CreatedAfter = createdAfter,
            CreatedBefore = createdBefore,
            OutputContains = reader.Text(OutputPhrase.Filter),
        };
    }
}
