using System.Net;
using System.Text.Json.Nodes;

namespace Fabrik.Executions.Gateway.Tests;

/// <summary>
/// Malformed, mistyped, out-of-range, unknown and hostile input for every endpoint and hub method, each with the
/// answer it must get.
/// </summary>
internal static class BadInputCases
{
    private const HttpStatusCode BadRequestStatus = HttpStatusCode.BadRequest;
    private static readonly string TooLong = new('x', 201);

    private static readonly string[] ExecutionPaths = ["", "/events", "/stdout", "/hosts", "/search?q=abc", "/chain", "/workflow"];

    public static IEnumerable<BadRequest> Http() =>
        PerExecution().Concat(List()).Concat(ByStatus()).Concat(StatsAndExport()).Concat(Events())
            .Concat(StdoutSearchAndChain()).Concat(Launch()).Append(Get("me: unknown parameter", "/api/v1/me?role=operator", "role"));

    public static IEnumerable<BadHubCall> Hub()
    {
        const string mustBeId = "executionId must be an execution id";
        const string mustBeCounter = "afterCounter must be 0 or more";
        yield return new("subscribe id not a uuid", "SubscribeToOutput", ["not-a-uuid", 0L], mustBeId);
        yield return new("subscribe id a number", "SubscribeToOutput", [42, 0L], mustBeId);
        yield return new("subscribe id null", "SubscribeToOutput", [null, 0L], mustBeId);
        yield return new("subscribe id an injection", "SubscribeToOutput", ["' or 1=1 --", 0L], mustBeId);
        yield return new("subscribe id an object", "SubscribeToOutput", [new { id = 1 }, 0L], mustBeId);
        yield return new("subscribe counter negative", "SubscribeToOutput", [BadHubCall.Known, -1L], mustBeCounter);
        yield return new("subscribe counter a string", "SubscribeToOutput", [BadHubCall.Known, "5"], mustBeCounter);
        yield return new("subscribe counter fractional", "SubscribeToOutput", [BadHubCall.Known, 1.5], mustBeCounter);
        yield return new("subscribe counter huge", "SubscribeToOutput", [BadHubCall.Known, 1e30], mustBeCounter);
        yield return new("subscribe counter null", "SubscribeToOutput", [BadHubCall.Known, null], mustBeCounter);
        yield return new("subscribe counter an array", "SubscribeToOutput", [BadHubCall.Known, new[] { 1 }], mustBeCounter);
        yield return new("subscribe unknown execution", "SubscribeToOutput", [BadHubCall.Unknown, 0L], "does not exist");
        yield return new("subscribe one argument", "SubscribeToOutput", [BadHubCall.Known], "argument");
        yield return new("subscribe three arguments", "SubscribeToOutput", [BadHubCall.Known, 0L, 1L], "argument");
        yield return new("unsubscribe id not a uuid", "UnsubscribeFromOutput", ["x"], mustBeId);
        yield return new("unsubscribe id a number", "UnsubscribeFromOutput", [5], mustBeId);
        yield return new("unsubscribe no argument", "UnsubscribeFromOutput", [], "argument");
        yield return new("monitor with an argument", "SubscribeToMonitor", ["extra"], "argument");
        yield return new("leave monitor with an argument", "UnsubscribeFromMonitor", [1], "argument");
        yield return new("unknown method", "DropAllExecutions", [], "Method does not exist");
    }

    /// <summary>A valid launch body whose <paramref name="field"/> is the raw JSON given, which JsonNode could not build.</summary>
    private static string WithRaw(string field, string rawJson)
    {
        var body = LaunchBodies.Valid("raw-" + field);
        body.Remove(field);
        return body.ToJsonString()[..^1] + $",\"{field}\":{rawJson}}}";
    }

    private static BadRequest Get(string name, string path, string? field, HttpStatusCode expected = BadRequestStatus) =>
        new(name, "GET", path, expected, field);

    private static IEnumerable<BadRequest> PerExecution()
    {
        foreach (var path in ExecutionPaths)
        {
            var at = path.Length == 0 ? "execution" : path.TrimStart('/').Split('?')[0];
            var query = path.Contains('?', StringComparison.Ordinal) ? "&" : "?";
            yield return Get($"{at}: id not a uuid", $"/api/v1/executions/not-a-uuid{path}", "id");
            yield return Get($"{at}: id a number", $"/api/v1/executions/42{path}", "id");
            yield return Get($"{at}: id an injection", $"/api/v1/executions/1'%20or%20'1'='1{path}", "id");
            yield return Get($"{at}: id absurdly long", $"/api/v1/executions/{new string('a', 500)}{path}", "id");
            yield return Get($"{at}: unknown execution", $"/api/v1/executions/{{unknown}}{path}", null, HttpStatusCode.NotFound);
            yield return Get($"{at}: unknown parameter", $"/api/v1/executions/{{known}}{path}{query}nope=1", "nope");
        }
    }

    private static IEnumerable<BadRequest> List()
    {
        const string list = "/api/v1/executions?";
        yield return Get("list: status unknown", list + "status=done", "status");
        yield return Get("list: status in capitals", list + "status=RUNNING", "status");
        yield return Get("list: status list with an unknown", list + "status=running,bogus", "status");
        yield return Get("list: status repeated", list + "status=running&status=failed", "status");
        yield return Get("list: status an injection", list + "status=running'%20or%201=1--", "status");
        yield return Get("list: status with NUL", list + "status=%00", "status");
        yield return Get("list: template a word", list + "template=abc", "template");
        yield return Get("list: template zero", list + "template=0", "template");
        yield return Get("list: template negative", list + "template=-1", "template");
        yield return Get("list: template fractional", list + "template=1.5", "template");
        yield return Get("list: template beyond int", list + "template=99999999999", "template");
        yield return Get("list: template exponent", list + "template=1e3", "template");
        yield return Get("list: launched_by absurdly long", list + "launched_by=" + TooLong, "launched_by");
        yield return Get("list: launched_by with NUL", list + "launched_by=a%00b", "launched_by");
        yield return Get("list: launched_by repeated", list + "launched_by=a&launched_by=b", "launched_by");
        yield return Get("list: relaunch_of not a uuid", list + "relaunch_of=not-a-uuid", "relaunch_of");
        yield return Get("list: relaunch_of an injection", list + "relaunch_of=1;drop%20table%20executions", "relaunch_of");
        yield return Get("list: created_after a word", list + "created_after=yesterday", "created_after");
        yield return Get("list: created_after month 13", list + "created_after=2024-13-01", "created_after");
        yield return Get("list: created_after February 30", list + "created_after=2024-02-30", "created_after");
        yield return Get("list: created_before hour 25", list + "created_before=2024-01-01T25:00:00Z", "created_before");
        yield return Get("list: created_after epoch seconds", list + "created_after=1714521600", "created_after");
        yield return Get("list: created range reversed", list + "created_after=2024-05-02&created_before=2024-05-01", "created_before");
        yield return Get("list: q too short for the index", list + "q=ab", "q");
        yield return Get("list: q absurdly long", list + "q=" + TooLong, "q");
        yield return Get("list: q with NUL", list + "q=abc%00def", "q");
        yield return Get("list: q repeated", list + "q=abc&q=def", "q");
        yield return Get("list: page zero", list + "page=0", "page");
        yield return Get("list: page negative", list + "page=-1", "page");
        yield return Get("list: page a word", list + "page=abc", "page");
        yield return Get("list: page beyond the last allowed", list + "page=1000001", "page");
        yield return Get("list: page beyond long", list + "page=99999999999999999999", "page");
        yield return Get("list: per_page zero", list + "per_page=0", "per_page");
        yield return Get("list: per_page 101", list + "per_page=101", "per_page");
        yield return Get("list: per_page 1000", list + "per_page=1000", "per_page");
        yield return Get("list: per_page a word", list + "per_page=ten", "per_page");
        yield return Get("list: per_page fractional", list + "per_page=1.5", "per_page");
        yield return Get("list: misspelt filter", list + "stauts=running", "stauts");
        yield return Get("list: limit is not a list parameter", list + "limit=10", "limit");
        yield return Get("list: sort is not a parameter", list + "sort=created_at", "sort");
    }

    private static IEnumerable<BadRequest> ByStatus()
    {
        const string path = "/api/v1/executions/status/";
        yield return Get("status path: unknown", path + "done", "status");
        yield return Get("status path: capitals", path + "RUNNING", "status");
        yield return Get("status path: blank", path + "%20", "status");
        yield return Get("status path: injection", path + "running'%20or%20'1'='1", "status");
        yield return Get("status path: number", path + "1", "status");
        yield return Get("status path: status query too", path + "running?status=failed", "status");
        yield return Get("status path: page zero", path + "running?page=0", "page");
        yield return Get("status path: per_page 101", path + "running?per_page=101", "per_page");
        yield return Get("status path: bad template", path + "running?template=x", "template");
    }

    private static IEnumerable<BadRequest> StatsAndExport()
    {
        yield return Get("stats: status unknown", "/api/v1/executions/stats?status=bogus", "status");
        yield return Get("stats: template a word", "/api/v1/executions/stats?template=x", "template");
        yield return Get("stats: created_after a word", "/api/v1/executions/stats?created_after=nope", "created_after");
        yield return Get("stats: q too short", "/api/v1/executions/stats?q=a", "q");
        yield return Get("stats: paging is not a parameter", "/api/v1/executions/stats?page=1", "page");
        yield return Get("export: format xml", "/api/v1/executions/export?format=xml", "format");
        yield return Get("export: format in capitals", "/api/v1/executions/export?format=CSV", "format");
        yield return Get("export: format repeated", "/api/v1/executions/export?format=csv&format=json", "format");
        yield return Get("export: status unknown", "/api/v1/executions/export?status=bogus", "status");
        yield return Get("export: paging is not a parameter", "/api/v1/executions/export?per_page=10", "per_page");
        yield return Get("export: q too short", "/api/v1/executions/export?q=x", "q");
    }

    private static IEnumerable<BadRequest> Events()
    {
        const string events = "/api/v1/executions/{known}/events?";
        yield return Get("events: limit zero", events + "limit=0", "limit");
        yield return Get("events: limit 1001", events + "limit=1001", "limit");
        yield return Get("events: limit a word", events + "limit=ten", "limit");
        yield return Get("events: limit repeated", events + "limit=10&limit=20", "limit");
        yield return Get("events: after negative", events + "after=-1", "after");
        yield return Get("events: after fractional", events + "after=1.5", "after");
        yield return Get("events: after beyond long", events + "after=99999999999999999999", "after");
        yield return Get("events: job zero", events + "job=0", "job");
        yield return Get("events: job a word", events + "job=abc", "job");
        yield return Get("events: job not the execution's", events + "job=999999", null, HttpStatusCode.NotFound);
        yield return Get("events: event in capitals", events + "event=RUNNER_ON_OK", "event");
        yield return Get("events: event an injection", events + "event=runner_on_ok';drop%20table%20job_events;--", "event");
        yield return Get("events: event absurdly long", events + "event=" + new string('a', 65), "event");
        yield return Get("events: host absurdly long", events + "host=" + new string('h', 1025), "host");
        yield return Get("events: host with NUL", events + "host=leaf%00", "host");
        yield return Get("events: failed yes", events + "failed=yes", "failed");
        yield return Get("events: failed 1", events + "failed=1", "failed");
        yield return Get("events: q too short", events + "q=ab", "q");
        yield return Get("events: q absurdly long", events + "q=" + TooLong, "q");
        yield return Get("events: cursor is not a parameter", events + "cursor=5", "cursor");
    }

    private static IEnumerable<BadRequest> StdoutSearchAndChain()
    {
        yield return Get("stdout: format pdf", "/api/v1/executions/{known}/stdout?format=pdf", "format");
        yield return Get("stdout: format in capitals", "/api/v1/executions/{known}/stdout?format=TXT", "format");
        yield return Get("stdout: format repeated", "/api/v1/executions/{known}/stdout?format=txt&format=ansi", "format");
        yield return Get("stdout: download is not a parameter", "/api/v1/executions/{known}/stdout?download=1", "download");
        yield return Get("search: q missing", "/api/v1/executions/{known}/search", "q");
        yield return Get("search: q too short", "/api/v1/executions/{known}/search?q=ab", "q");
        yield return Get("search: q absurdly long", "/api/v1/executions/{known}/search?q=" + TooLong, "q");
        yield return Get("search: q with NUL", "/api/v1/executions/{known}/search?q=abc%00", "q");
        yield return Get("search: page zero", "/api/v1/executions/{known}/search?q=abc&page=0", "page");
        yield return Get("search: per_page 101", "/api/v1/executions/{known}/search?q=abc&per_page=101", "per_page");
        yield return Get("search: limit is not a parameter", "/api/v1/executions/{known}/search?q=abc&limit=5", "limit");
        yield return Get("chain: page zero", "/api/v1/executions/{known}/chain?page=0", "page");
        yield return Get("chain: per_page 101", "/api/v1/executions/{known}/chain?per_page=101", "per_page");
    }

    private static IEnumerable<BadRequest> Launch()
    {
        BadRequest Raw(string name, string body, string? field = "body", HttpStatusCode expected = BadRequestStatus) =>
            new($"launch: {name}", "POST", "/api/v1/executions", expected, field) { Body = body };

        BadRequest Changed(string name, string field, Action<JsonObject> change)
        {
            var body = LaunchBodies.Valid("invalid-" + name);
            change(body);
            return Raw(name, body.ToJsonString(), field);
        }

        yield return Raw("malformed JSON", """{"request_id": "x",""");
        yield return Raw("empty body", "");
        yield return Raw("array body", "[]");
        yield return Raw("null body", "null");
        yield return Raw("a string body", "\"launch\"");
        yield return Raw("trailing garbage", LaunchBodies.Valid("garbage").ToJsonString() + "}");
        yield return Raw("duplicate request_id", """{"request_id": "a", "request_id": "b", "template": {"kind": "job", "id": 1, "name": "x"}}""");
        yield return Raw("nested deeper than JSON allows", WithRaw("extra_vars", string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100)));
        yield return Raw("not JSON content", LaunchBodies.Valid("text").ToJsonString(), null, HttpStatusCode.UnsupportedMediaType) with { ContentType = "text/plain" };
        yield return Raw("no content type", LaunchBodies.Valid("none").ToJsonString(), null, HttpStatusCode.UnsupportedMediaType) with { ContentType = null };
        yield return Raw("form content", "request_id=x", null, HttpStatusCode.UnsupportedMediaType) with { ContentType = "application/x-www-form-urlencoded" };
        yield return Raw("larger than the limit", WithRaw("extra_vars", $"{{\"blob\":\"{new string('x', 3 * 1024 * 1024)}\"}}"), null, HttpStatusCode.RequestEntityTooLarge);
        yield return new BadRequest("launch: query parameter", "POST", "/api/v1/executions?dry_run=1", BadRequestStatus, "dry_run") { Body = LaunchBodies.Valid("query").ToJsonString() };
        yield return Changed("unknown field", "templates", body => body["templates"] = 1);
        yield return Changed("misspelt extra_vars", "extravars", body => body["extravars"] = new JsonObject());
        yield return Changed("unknown template field", "template.version", body => body["template"]!["version"] = 2);
        yield return Changed("request_id missing", "request_id", body => body.Remove("request_id"));
        yield return Changed("request_id a number", "request_id", body => body["request_id"] = 12);
        yield return Changed("request_id blank", "request_id", body => body["request_id"] = "   ");
        yield return Changed("request_id absurdly long", "request_id", body => body["request_id"] = TooLong);
        yield return Changed("request_id with NUL", "request_id", body => body["request_id"] = "a\0b");
        yield return Raw("request_id a lone surrogate", WithRaw("request_id", "\"\\udc00\""), "request_id");
        yield return Raw("template name a lone surrogate", WithRaw("template", "{\"kind\":\"job\",\"id\":1,\"name\":\"\\ud800x\"}"), "template.name");
        yield return Changed("template missing", "template", body => body.Remove("template"));
        yield return Changed("template a string", "template", body => body["template"] = "job");
        yield return Changed("template an array", "template", body => body["template"] = new JsonArray(1));
        yield return Changed("template kind unknown", "template.kind", body => body["template"]!["kind"] = "playbook");
        yield return Changed("template kind missing", "template.kind", body => body["template"]!.AsObject().Remove("kind"));
        yield return Changed("template kind a number", "template.kind", body => body["template"]!["kind"] = 1);
        yield return Changed("template id a string", "template.id", body => body["template"]!["id"] = "7");
        yield return Changed("template id zero", "template.id", body => body["template"]!["id"] = 0);
        yield return Changed("template id fractional", "template.id", body => body["template"]!["id"] = 1.5);
        yield return Changed("template id too big", "template.id", body => body["template"]!["id"] = 99_999_999_999L);
        yield return Changed("template id null", "template.id", body => body["template"]!["id"] = null);
        yield return Changed("template name missing", "template.name", body => body["template"]!.AsObject().Remove("name"));
        yield return Changed("template name absurdly long", "template.name", body => body["template"]!["name"] = new string('n', 513));
        yield return Changed("template name with control characters", "template.name", body => body["template"]!["name"] = "a\u001bb");
        yield return Changed("extra_vars an array", "extra_vars", body => body["extra_vars"] = new JsonArray(1, 2));
        yield return Changed("extra_vars a string", "extra_vars", body => body["extra_vars"] = "tenant=blue");
        yield return Changed("extra_vars absurdly long", "extra_vars", body => body["extra_vars"] = new JsonObject { ["blob"] = new string('x', 1024 * 1024) });
        yield return Changed("extra_vars holding NUL", "extra_vars", body => body["extra_vars"] = new JsonObject { ["a"] = "x\0y" });
        yield return Raw("extra_vars holding a lone surrogate", WithRaw("extra_vars", "{\"a\":\"\\ud800\"}"), "extra_vars");
        yield return Changed("limit a number", "limit", body => body["limit"] = 5);
        yield return Changed("limit absurdly long", "limit", body => body["limit"] = new string('l', 4097));
        yield return Changed("limit with NUL", "limit", body => body["limit"] = "leaf\0");
        yield return Changed("inventory negative", "inventory", body => body["inventory"] = -1);
        yield return Changed("inventory a string", "inventory", body => body["inventory"] = "three");
        yield return Changed("inventory beyond int", "inventory", body => body["inventory"] = 1L << 40);
        yield return Changed("credentials a string", "credentials", body => body["credentials"] = "4");
        yield return Changed("credentials holding a string", "credentials", body => body["credentials"] = new JsonArray(4, "five"));
        yield return Changed("credentials holding zero", "credentials", body => body["credentials"] = new JsonArray(0));
        yield return Changed("credentials holding null", "credentials", body => body["credentials"] = new JsonArray(1, null));
        yield return Changed("credentials absurdly many", "credentials", body => body["credentials"] = new JsonArray(Enumerable.Range(1, 101).Select(id => (JsonNode)id).ToArray()));
        yield return Changed("launched_by a number", "launched_by", body => body["launched_by"] = 5);
        yield return Changed("launched_by absurdly long", "launched_by", body => body["launched_by"] = TooLong);
    }
}
