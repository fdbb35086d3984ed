using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Fabrik.Executions.Launcher.Consumers;

/// <summary>
/// Says which field of a command's JSON could not be read and what it must be, in the snake_case words the HTTP API
/// uses (<c>template.kind must be job or workflow.</c>).
/// </summary>
public static partial class UnreadableCommand
{
    public static string Describe<TCommand>(JsonException exception)
    {
        var segments = PathSegment().Matches(exception.Path ?? "").Select(match => match.Value).ToList();
        var message = exception.Message;
        if (segments.Count == 0 || message.Contains("missing required properties", StringComparison.Ordinal))
        {
            // System.Text.Json's own words name the missing properties; its reader position helps nobody.
            var position = message.IndexOf(" Path:", StringComparison.Ordinal);
            return $"The {typeof(TCommand).Name} command cannot be read: {(position < 0 ? message : message[..position])}";
        }

        return $"{FieldName(segments)} must be {Expected(TypeAt(typeof(TCommand), segments))}.";
    }

    /// <summary>The command's execution id, when the JSON names one that can be read.</summary>
    public static Guid ExecutionIdOf(JsonObject? command) =>
        command?["executionId"] is JsonValue value && value.TryGetValue<string>(out var text) && Guid.TryParse(text, out var id) ? id : Guid.Empty;

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Command} for execution {ExecutionId} rejected as unreadable: {Detail}")]
    public static partial void LogRejected(ILogger logger, string command, Guid executionId, string detail);

    /// <summary><c>template.kind</c>, <c>extra_vars</c>, <c>credentials[1]</c>: the path as the HTTP API names the fields.</summary>
    private static string FieldName(IEnumerable<string> segments) =>
        string.Concat(segments.Select(segment => segment.StartsWith('[') ? segment : "." + SnakeCase(segment[1..]))).TrimStart('.');

    private static string Expected(Type? type) => type switch
    {
        null => "another kind of value",
        { IsEnum: true } => string.Join(" or ", Enum.GetNames(type).Select(SnakeCase)),
        _ when type == typeof(string) => "a string",
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(Guid) => "a UUID",
        { IsPrimitive: true } => "a number",
        _ when ElementTypeOf(type) is not null => "a list",
        _ => "an object",
    };

    private static string SnakeCase(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);

    /// <summary>The .NET type at a JSON path, or null where the path leaves the command's properties.</summary>
    private static Type? TypeAt(Type command, IEnumerable<string> segments)
    {
        Type? type = command;
        foreach (var segment in segments)
        {
            type = segment.StartsWith('[')
                ? ElementTypeOf(type)
                : type?.GetProperty(segment[1..], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.PropertyType;
            type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        }

        return type;
    }

    private static Type? ElementTypeOf(Type? type) =>
        type?.IsArray == true
            ? type.GetElementType()
            : type?.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    /// <summary>The steps of System.Text.Json's path: <c>.name</c> or <c>[index]</c>.</summary>
    [GeneratedRegex(@"\.\w+|\[\d+\]")]
    private static partial Regex PathSegment();
}
