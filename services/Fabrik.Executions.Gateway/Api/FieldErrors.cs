namespace Fabrik.Executions.Gateway.Api;

/// <summary>What is wrong with a request, field by field; answered as one 400 problem naming every field.</summary>
public sealed class FieldErrors
{
    private const int MaxEchoedNameLength = 64;

    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool Any => errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var messages))
        {
            messages = [];
            errors.Add(field, messages);
        }

        messages.Add(message);
    }

    /// <summary>A name the caller made up (an unknown field or parameter), short enough to repeat in the answer.</summary>
    public static string Echoed(string name) => name.Length > MaxEchoedNameLength ? name[..MaxEchoedNameLength] + "…" : name;

    public IResult ToProblem() => TypedResults.ValidationProblem(
        errors.ToDictionary(error => error.Key, error => error.Value.ToArray(), StringComparer.Ordinal),
        detail: string.Join(" ", errors.Values.SelectMany(messages => messages)));
}
