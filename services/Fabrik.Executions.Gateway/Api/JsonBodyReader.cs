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

    // A member given twice is ambiguous, whichever one a reader keeps.
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowDuplicateProperties = false };

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
            document = await JsonDocument.ParseAsync(request.Body, DocumentOptions, cancellationToken);
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

            var unknown = UnknownFields(document.RootElement, "", fields).ToList();
            if (unknown.Count > 0)
            {
                var errors = new FieldErrors();
                unknown.ForEach(field => errors.Add(field.Name, field.Problem));
                return new BodyRead<T>(null, errors.ToProblem());
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

    /// <summary>
    /// Members the body declares no field for, at the top and inside declared objects (<c>template.kind</c>), but not
    /// inside free-form ones (<c>extra_vars</c>): a misspelt field would otherwise be silently dropped.
    /// </summary>
    private static IEnumerable<(string Name, string Problem)> UnknownFields(JsonElement element, string prefix, IReadOnlyList<BodyField> fields)
    {
        foreach (var property in element.EnumerateObject())
        {
            var path = prefix + property.Name;
            if (fields.Any(field => field.Name == path))
            {
                var declaresMembers = fields.Any(field => field.Name.StartsWith(path + ".", StringComparison.Ordinal));
                var nested = declaresMembers && property.Value.ValueKind == JsonValueKind.Object
                    ? UnknownFields(property.Value, path + ".", fields)
                    : [];
                foreach (var unknown in nested)
                {
                    yield return unknown;
                }

                continue;
            }

            var echoed = FieldErrors.Echoed(path);
            var siblings = fields.Select(field => field.Name)
                .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && !name[prefix.Length..].Contains('.', StringComparison.Ordinal));
            yield return (echoed, $"{echoed} is not a field of this body, which takes {string.Join(", ", siblings)}.");
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
