namespace Fabrik.Executions.Gateway.Api.Actions;

/// <summary>The body of <c>POST /api/v1/executions/cancel</c>: the executions to cancel.</summary>
public sealed record CancelManyBody
{
    public const int MaxIds = 100;

    public static readonly IReadOnlyList<BodyField> Fields = [new("ids", "an array of execution ids (UUIDs)")];

    /// <summary>1 to <see cref="MaxIds"/> execution ids, each once.</summary>
    public IReadOnlyList<Guid>? Ids { get; init; }

    /// <summary>The ids, or null with the problem added to <paramref name="errors"/>.</summary>
    public IReadOnlyList<Guid>? Check(FieldErrors errors)
    {
        var problem = Ids switch
        {
            null => "ids is required: an array of the execution ids (UUIDs) to cancel.",
            { Count: 0 } => "ids must hold at least one execution id.",
            { Count: > MaxIds } => $"ids holds {Ids.Count} ids; at most {MaxIds} are allowed in one request.",
            _ => Ids.GroupBy(id => id).FirstOrDefault(group => group.Count() > 1) is { } repeated
                ? $"ids lists {repeated.Key} more than once."
                : null,
        };
        if (problem is null)
        {
            return Ids;
        }

        errors.Add("ids", problem);
        return null;
    }
}
