using System.Net;

namespace Fabrik.Executions.Gateway.Tests;

/// <summary>Malformed, mistyped, out-of-range and unknown input for the cancel, bulk cancel and relaunch endpoints.</summary>
internal static class OperatorActionBadInputCases
{
    private const string Cancel = "/api/v1/executions/{known}/cancel";
    private const string Relaunch = "/api/v1/executions/{known}/relaunch";
    private const string Bulk = "/api/v1/executions/cancel";
    private const string SomeId = "0197a8f0-0000-7000-8000-000000000001";

    public static IEnumerable<BadRequest> All()
    {
        yield return Post("cancel: id not a uuid", "/api/v1/executions/not-a-uuid/cancel", "{}", "id");
        yield return Post("cancel: id an injection", "/api/v1/executions/1'%20or%20'1'='1/cancel", null, "id");
        yield return Post("cancel: unknown parameter", Cancel + "?force=true", null, "force");
        yield return Post("cancel: a field in the body", Cancel, """{"reason": "because"}""", "reason");
        yield return Post("cancel: body an array", Cancel, "[]", "body");
        yield return Post("cancel: body not json", Cancel, "{nope", "body");
        yield return Post("cancel: body not sent as json", Cancel, "x", null, HttpStatusCode.UnsupportedMediaType) with { ContentType = "text/plain" };

        yield return Post("relaunch: id not a uuid", "/api/v1/executions/42/relaunch", """{"hosts": "all"}""", "id");
        yield return Post("relaunch: no body", Relaunch, null, null, HttpStatusCode.UnsupportedMediaType);
        yield return Post("relaunch: hosts missing", Relaunch, "{}", "hosts");
        yield return Post("relaunch: hosts null", Relaunch, """{"hosts": null}""", "hosts");
        yield return Post("relaunch: hosts unknown", Relaunch, """{"hosts": "some"}""", "hosts");
        yield return Post("relaunch: hosts in capitals", Relaunch, """{"hosts": "ALL"}""", "hosts");
        yield return Post("relaunch: hosts a number", Relaunch, """{"hosts": 1}""", "hosts");
        yield return Post("relaunch: hosts a list", Relaunch, """{"hosts": ["leaf-101.lab"]}""", "hosts");
        yield return Post("relaunch: hosts twice", Relaunch, """{"hosts": "all", "hosts": "failed"}""", "body");
        yield return Post("relaunch: misspelt field", Relaunch, """{"host": "all"}""", "host");
        yield return Post("relaunch: limit is not a field", Relaunch, """{"hosts": "all", "limit": "leaf-*"}""", "limit");
        yield return Post("relaunch: unknown parameter", Relaunch + "?hosts=all", """{"hosts": "all"}""", "hosts");

        yield return Post("bulk: no body", Bulk, null, null, HttpStatusCode.UnsupportedMediaType);
        yield return Post("bulk: ids missing", Bulk, "{}", "ids");
        yield return Post("bulk: ids empty", Bulk, """{"ids": []}""", "ids");
        yield return Post("bulk: ids not a list", Bulk, $$"""{"ids": "{{SomeId}}"}""", "ids");
        yield return Post("bulk: id not a uuid", Bulk, $$"""{"ids": ["{{SomeId}}", "not-a-uuid"]}""", "ids");
        yield return Post("bulk: id a number", Bulk, """{"ids": [42]}""", "ids");
        yield return Post("bulk: id twice", Bulk, $$"""{"ids": ["{{SomeId}}", "{{SomeId}}"]}""", "ids");
        yield return Post("bulk: 101 ids", Bulk, $$"""{"ids": [{{string.Join(", ", Enumerable.Range(0, 101).Select(_ => $"\"{Guid.NewGuid()}\""))}}]}""", "ids");
        yield return Post("bulk: misspelt field", Bulk, $$"""{"id": ["{{SomeId}}"]}""", "id");
        yield return Post("bulk: unknown parameter", Bulk + "?all=true", $$"""{"ids": ["{{SomeId}}"]}""", "all");
    }

    private static BadRequest Post(string name, string path, string? body, string? field, HttpStatusCode expected = HttpStatusCode.BadRequest) =>
        new(name, "POST", path, expected, field) { Body = body };
}
