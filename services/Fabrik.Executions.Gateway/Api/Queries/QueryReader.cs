using System.Globalization;
using System.Text.RegularExpressions;

namespace Fabrik.Executions.Gateway.Api.Queries;

/// <summary>
/// Reads a request's query by the <see cref="QueryParameter"/>s its endpoint declares, adding a problem naming the
/// parameter for every value that is not what the declaration says: unknown parameters, repeated ones, wrong types,
/// out of range. An empty value counts as absent.
/// </summary>
public sealed class QueryReader
{
    private static readonly string[] TimestampFormats =
        ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    private readonly IQueryCollection query;
    private readonly FieldErrors errors;

    private QueryReader(IQueryCollection query, FieldErrors errors)
    {
        this.query = query;
        this.errors = errors;
    }

    public static QueryReader Open(IQueryCollection query, AcceptedQuery accepted, FieldErrors errors)
    {
        var takes = accepted.Parameters.Count == 0
            ? "it takes no query parameters"
            : "it takes " + string.Join(", ", accepted.Parameters.Select(parameter => parameter.Name));
        foreach (var name in query.Keys.Where(name => !accepted.Accepts(name)).Order(StringComparer.Ordinal))
        {
            var echoed = FieldErrors.Echoed(name);
            errors.Add(echoed, $"{echoed} is not a query parameter of this endpoint: {takes}.");
        }

        return new QueryReader(query, errors);
    }

    public long? Integer(QueryParameter parameter) =>
        Raw(parameter) is not { } raw
            ? null
            : long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= parameter.Min && value <= parameter.Max
                ? value
                : Invalid<long>(parameter);

    public string? Text(QueryParameter parameter)
    {
        if (Raw(parameter) is not { } raw)
        {
            return null;
        }

        var valid = raw.Length >= parameter.Min && raw.Length <= parameter.Max && !raw.Any(char.IsControl)
                    && (parameter.Pattern is null || Regex.IsMatch(raw, $"^(?:{parameter.Pattern})$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
        if (valid)
        {
            return raw;
        }

        Reject(parameter);
        return null;
    }

    /// <summary>The choices given: one, or with <see cref="QueryParameter.ManyChoices"/> several separated by commas.</summary>
    public IReadOnlyList<string>? Choices(QueryParameter parameter)
    {
        if (Raw(parameter) is not { } raw)
        {
            return null;
        }

        var given = parameter.ManyChoices ? raw.Split(',', StringSplitOptions.TrimEntries) : [raw];
        if (given.All(choice => parameter.Choices.Contains(choice, StringComparer.Ordinal)))
        {
            return given.Distinct(StringComparer.Ordinal).ToList();
        }

        Reject(parameter);
        return null;
    }

    public string? Choice(QueryParameter parameter) => Choices(parameter)?[0];

    public Guid? Uuid(QueryParameter parameter) =>
        Raw(parameter) is not { } raw ? null : Guid.TryParse(raw, out var value) ? value : Invalid<Guid>(parameter);

    public DateTimeOffset? Timestamp(QueryParameter parameter)
    {
        if (Raw(parameter) is not { } raw)
        {
            return null;
        }

        // An unescaped '+' of an offset arrives as a space.
        var text = raw.Length > 19 && raw[^6] == ' ' ? raw[..^6] + "+" + raw[^5..] : raw;
        return DateTimeOffset.TryParseExact(
            text, TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : Invalid<DateTimeOffset>(parameter);
    }

    public bool? Boolean(QueryParameter parameter) =>
        Raw(parameter) switch
        {
            null => null,
            "true" => true,
            "false" => false,
            _ => Invalid<bool>(parameter),
        };

    private string? Raw(QueryParameter parameter)
    {
        if (!query.TryGetValue(parameter.Name, out var values) || values.All(string.IsNullOrEmpty))
        {
            if (parameter.Required)
            {
                errors.Add(parameter.Name, $"{parameter.Name} is required: {parameter.Expected}.");
            }

            return null;
        }

        if (values.Count > 1)
        {
            errors.Add(parameter.Name, $"{parameter.Name} must be given once, as {parameter.Expected}.");
            return null;
        }

        return values[0];
    }

    private T? Invalid<T>(QueryParameter parameter) where T : struct
    {
        Reject(parameter);
        return null;
    }

    private void Reject(QueryParameter parameter) => errors.Add(parameter.Name, $"{parameter.Name} must be {parameter.Expected}.");
}
