using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;

namespace Fabrik.Executions.Gateway.Api;

/// <summary>
/// Reads a JSON request body so that every way it can be wrong becomes a problem that says what is wrong: not JSON,
/// too large, not an object, or a field of the wrong type (named by its path) — never a 500.
/// </summary>
public static class JsonBodyReader
{
    public const long MaxBodyBytes = 2 * 1024 * 1024;

    public static async Task<BodyRead<T>> ReadAsync<T>(
        HttpRequest request, JsonSerializerOptions options, IReadOnlyList<BodyField> fields, CancellationToken cancellationToken)
        where T : class
    {
        // Routing refuses other media types; a body sent with no Content-Type at all reaches this.
        if (!request.HasJsonContentType())
        {
            return new BodyRead<T>(null, ApiProblems.NotJson());
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = MaxBodyBytes;
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException exception)
        {
            return Invalid<T>("body", $"The body is not valid JSON: {exception.Message}");
        }
        catch (BadHttpRequestException exception)
        {
            return new BodyRead<T>(null, ApiProblems.BodyUnreadable(exception));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Invalid<T>("body", "The body must be a JSON object.");
            }

            try
            {
                return new BodyRead<T>(document.Deserialize<T>(options), null);
            }
            catch (JsonException exception)
            {
                var field = FieldAt(exception.Path, fields);
                return field is null
                    ? Invalid<T>("body", $"The body has a value of the wrong type at {exception.Path}.")
                    : Invalid<T>(field.Name, $"{field.Name} must be {field.Expected}.");
            }
        }
    }

    /// <summary>The declared field a JSON path (<c>$.credentials[2]</c>, <c>$.extra_vars.a.b</c>) lies in, deepest first.</summary>
    private static BodyField? FieldAt(string? path, IReadOnlyList<BodyField> fields)
    {
        if (path is null || !path.StartsWith("$.", StringComparison.Ordinal))
        {
            return null;
        }

        var relative = path[2..];
        return fields
            .Where(field => relative == field.Name
                            || relative.StartsWith(field.Name + ".", StringComparison.Ordinal)
                            || relative.StartsWith(field.Name + "[", StringComparison.Ordinal))
            .MaxBy(field => field.Name.Length);
    }

    private static BodyRead<T> Invalid<T>(string field, string message) where T : class
    {
        var errors = new FieldErrors();
        errors.Add(field, message);
        return new BodyRead<T>(null, errors.ToProblem());
    }
}
