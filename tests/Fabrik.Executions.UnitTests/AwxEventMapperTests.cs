using System.Text.Json;
using Fabrik.Executions.Awx;
using Fabrik.Executions.StreamPoller.Streaming;

namespace Fabrik.Executions.UnitTests;

public sealed class AwxEventMapperTests
{
    private static readonly Guid ExecutionId = Guid.NewGuid();

    [Test]
    public void Every_real_event_maps_with_its_fields_unchanged()
    {
        var page = AwxSample.Read("data.job_events.json").Deserialize<AwxPage<AwxJobEvent>>(AwxJson.Options)!;

        foreach (var awxEvent in page.Results)
        {
            Assert.That(AwxEventMapper.Reject(awxEvent), Is.Null);
            var mapped = AwxEventMapper.ToContract(ExecutionId, 8, awxEvent, DateTimeOffset.UnixEpoch);
            Assert.That((mapped.Counter, mapped.Event, mapped.Uuid, mapped.Stdout, mapped.StartLine, mapped.EndLine, mapped.Failed, mapped.Changed),
                Is.EqualTo((awxEvent.Counter, awxEvent.Event, awxEvent.Uuid, awxEvent.Stdout, awxEvent.StartLine, awxEvent.EndLine, awxEvent.Failed, awxEvent.Changed)));
            Assert.That(mapped.Created, Is.EqualTo(awxEvent.Created));
            Assert.That(JsonElement.DeepEquals(mapped.EventData, awxEvent.EventData), Is.True);
        }
    }

    [Test]
    public void Nul_characters_are_stripped_from_stdout_and_event_data_as_AWX_does()
    {
        var awxEvent = new AwxJobEvent
        {
            Counter = 3,
            Event = "runner_on_ok",
            Uuid = "u",
            Stdout = "bad\0byte",
            EventData = JsonDocument.Parse("""{"res":{"stdout":"a\u0000b","lines":["c\u0000d"]},"host":"h1"}""").RootElement,
        };

        var mapped = AwxEventMapper.ToContract(ExecutionId, 1, awxEvent, DateTimeOffset.UnixEpoch);

        Assert.That(mapped.Stdout, Is.EqualTo("badbyte"));
        Assert.That(mapped.EventData.GetRawText(), Does.Not.Contain("\\u0000"));
        Assert.That(mapped.EventData.GetProperty("res").GetProperty("stdout").GetString(), Is.EqualTo("ab"));
        Assert.That(mapped.EventData.GetProperty("res").GetProperty("lines")[0].GetString(), Is.EqualTo("cd"));
        Assert.That(mapped.Host, Is.EqualTo("h1"), "the host falls back to event_data when host_name is empty");
    }

    [TestCase(0, "runner_on_ok", "{}", "counter 0 is not positive")]
    [TestCase(4, "", "{}", "no event type")]
    [TestCase(5, "runner_on_ok", "[1]", "not an object")]
    public void Events_that_cannot_be_stored_are_rejected_with_the_reason(long counter, string eventType, string eventData, string reason)
    {
        var awxEvent = new AwxJobEvent { Counter = counter, Event = eventType, EventData = JsonDocument.Parse(eventData).RootElement };

        Assert.That(AwxEventMapper.Reject(awxEvent), Does.Contain(reason));
    }
}
