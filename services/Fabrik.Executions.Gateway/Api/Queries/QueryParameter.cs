using System.Globalization;

namespace Fabrik.Executions.Gateway.Api.Queries;

/// <summary>
/// A query parameter an endpoint takes: what it must hold, said once for the validation that reads it
/// (<see cref="QueryReader"/>), the error that names it, and the OpenAPI document that describes it.
/// </summary>
public sealed record QueryParameter
{
    public required string Name { get; init; }
    public required string Description { get; init; }
    public required QueryValueKind Kind { get; init; }

    public bool Required { get; init; }

    /// <summary>Smallest value of an integer, shortest length of a text.</summary>
    public long Min { get; init; }

    /// <summary>Largest value of an integer, longest length of a text.</summary>
    public long Max { get; init; }

    /// <summary>A regular expression a text must match whole.</summary>
    public string? Pattern { get; init; }

    /// <summary>What <see cref="Pattern"/> means, completing "made of ...".</summary>
    public string? PatternMeaning { get; init; }

    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>Whether several choices may be given, separated by commas.</summary>
    public bool ManyChoices { get; init; }

    /// <summary>The value used when the parameter is absent, as the document shows it.</summary>
    public string? Default { get; init; }

    /// <summary>Completes "{name} must be ...".</summary>
    public string Expected => Kind switch
    {
        QueryValueKind.Integer => Max == long.MaxValue
            ? string.Create(CultureInfo.InvariantCulture, $"a whole number, {Min} or more")
            : string.Create(CultureInfo.InvariantCulture, $"a whole number from {Min} to {Max}"),
        QueryValueKind.Text => string.Create(CultureInfo.InvariantCulture, $"text of {Min} to {Max} characters")
                               + (PatternMeaning is null ? " without control characters" : $" made of {PatternMeaning}"),
        QueryValueKind.Choice => (ManyChoices ? "one or more of " : "one of ") + string.Join(", ", Choices)
                                 + (ManyChoices ? ", separated by commas" : ""),
        QueryValueKind.Uuid => "a UUID",
        QueryValueKind.Timestamp => "an ISO 8601 date or time, such as 2024-05-01 or 2024-05-01T12:00:00Z",
        QueryValueKind.Boolean => "true or false",
        _ => throw new InvalidOperationException($"Unknown query value kind {Kind}."),
    };

    public static QueryParameter Integer(string name, string description, long min, long max, long? defaultValue = null) => new()
    {
        Name = name,
        Description = description,
        Kind = QueryValueKind.Integer,
        Min = min,
        Max = max,
        Default = defaultValue?.ToString(CultureInfo.InvariantCulture),
    };

    public static QueryParameter Text(string name, string description, int minLength, int maxLength) => new()
    {
        Name = name,
        Description = description,
        Kind = QueryValueKind.Text,
        Min = minLength,
        Max = maxLength,
    };

    public static QueryParameter Choice(string name, string description, IReadOnlyList<string> choices, string? defaultValue = null) => new()
    {
        Name = name,
        Description = description,
        Kind = QueryValueKind.Choice,
        Choices = choices,
        Default = defaultValue,
    };

    public static QueryParameter Uuid(string name, string description) =>
        new() { Name = name, Description = description, Kind = QueryValueKind.Uuid };

    public static QueryParameter Timestamp(string name, string description) =>
        new() { Name = name, Description = description, Kind = QueryValueKind.Timestamp };

    public static QueryParameter Boolean(string name, string description) =>
        new() { Name = name, Description = description, Kind = QueryValueKind.Boolean };
}
