using System.Net;

namespace Fabrik.Executions.Gateway.Tests;

/// <summary>Malformed, mistyped, out-of-range and unknown input for the cancel, bulk cancel, relaunch and approval endpoints.</summary>
internal static class OperatorActionBadInputCases
{
    private const string Cancel = "/api/v1/executions/{known}/cancel";
    private const string Relaunch = "/api/v1/executions/{known}/relaunch";
    private const string Bulk = "/api/v1/executions/cancel";
    private const string SomeId = "0197a8f0-0000-7000-8000-000000000001";
    private const string Approvals = "/api/v1/executions/{known}/approvals/";

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
        yield return Post("relaunch: from_node a word", Relaunch, """{"from_node": "x"}""", "from_node");
        yield return Post("relaunch: from_node zero", Relaunch, """{"from_node": 0}""", "from_node");
        yield return Post("relaunch: from_node negative", Relaunch, """{"hosts": "all", "from_node": -1}""", "from_node");
        yield return Post("relaunch: from_node fractional", Relaunch, """{"from_node": 1.5}""", "from_node");

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

        foreach (var decision in new[] { "approve", "deny" })
        {
            foreach (var request in Decision(decision))
            {
                yield return request;
            }
        }
    }

    private static IEnumerable<BadRequest> Decision(string decision)
    {
        var path = $"{Approvals}5/{decision}";
        yield return Post($"{decision}: id not a uuid", $"/api/v1/executions/not-a-uuid/approvals/5/{decision}", "{}", "id");
        yield return Post($"{decision}: id an injection", $"/api/v1/executions/1'%20or%20'1'='1/approvals/5/{decision}", "{}", "id");
        yield return Post($"{decision}: approval_id a word", $"{Approvals}abc/{decision}", "{}", "approval_id");
        yield return Post($"{decision}: approval_id zero", $"{Approvals}0/{decision}", "{}", "approval_id");
        yield return Post($"{decision}: approval_id negative", $"{Approvals}-1/{decision}", "{}", "approval_id");
        yield return Post($"{decision}: approval_id beyond long", $"{Approvals}99999999999999999999/{decision}", "{}", "approval_id");
        yield return Post($"{decision}: unknown parameter", path + "?force=true", "{}", "force");
        yield return Post($"{decision}: comment a number", path, """{"comment": 42}""", "comment");
        yield return Post($"{decision}: comment a list", path, """{"comment": ["ok"]}""", "comment");
        yield return Post($"{decision}: comment too long", path, $$"""{"comment": "{{new string('c', 2001)}}"}""", "comment");
        yield return Post($"{decision}: comment with NUL", path, """{"comment": "ok\u0000"}""", "comment");
        yield return Post($"{decision}: comment with an escape sequence", path, """{"comment": "\u001b[31mred"}""", "comment");
        yield return Post($"{decision}: misspelt field", path, """{"comments": "ok"}""", "comments");
        yield return Post($"{decision}: approve is not a field", path, """{"approve": true}""", "approve");
        yield return Post($"{decision}: body not json", path, "{\"comment\": ", "body");
        yield return Post($"{decision}: body an array", path, "[]", "body");
        yield return Post($"{decision}: comment twice", path, """{"comment": "a", "comment": "b"}""", "body");
        yield return Post($"{decision}: larger than the limit", path, $$"""{"comment": "{{new string('c', 3 * 1024 * 1024)}}"}""", null, HttpStatusCode.RequestEntityTooLarge);
        yield return Post($"{decision}: body not sent as json", path, "comment=ok", null, HttpStatusCode.UnsupportedMediaType) with { ContentType = "text/plain" };
        yield return Post($"{decision}: body sent as a form", path, "comment=ok", null, HttpStatusCode.UnsupportedMediaType) with { ContentType = "application/x-www-form-urlencoded" };
    }

    private static BadRequest Post(string name, string path, string? body, string? field, HttpStatusCode expected = HttpStatusCode.BadRequest) =>
        new(name, "POST", path, expected, field) { Body = body };
}
