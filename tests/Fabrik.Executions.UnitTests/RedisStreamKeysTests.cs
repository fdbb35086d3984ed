using Fabrik.Executions.Hosting;

namespace Fabrik.Executions.UnitTests;

/// <summary>The Redis keys are an interface: the Watchdog and ops tooling read them by the names the architecture gives.</summary>
public sealed class RedisStreamKeysTests
{
    private static readonly Guid ExecutionId = Guid.Parse("0198c2a4-5e1f-7b3a-9c4d-2e8f6a1b3c5d");

    [Test]
    public void Cursor_keepalive_and_lease_keys_carry_the_frame_names()
    {
        Assert.That((string?)RedisStreamKeys.Cursor(ExecutionId), Is.EqualTo("awx:stream:cursor:0198c2a4-5e1f-7b3a-9c4d-2e8f6a1b3c5d"));
        Assert.That((string?)RedisStreamKeys.Alive(ExecutionId), Is.EqualTo("awx:stream:alive:0198c2a4-5e1f-7b3a-9c4d-2e8f6a1b3c5d"));
        Assert.That((string?)RedisStreamKeys.Lease(ExecutionId), Is.EqualTo("awx:stream:lease:0198c2a4-5e1f-7b3a-9c4d-2e8f6a1b3c5d"));
    }
}
