using System.ComponentModel.DataAnnotations;
using Fabrik.Executions.StreamPoller;

namespace Fabrik.Executions.UnitTests;

public sealed class StreamPollerOptionsTests
{
    [Test]
    public void By_default_a_heartbeat_goes_out_every_5_s_the_lease_lives_10_s_and_the_keepalive_30_s()
    {
        var options = new StreamPollerOptions();

        Assert.That((options.HeartbeatSeconds, options.LeaseSeconds, options.KeepaliveSeconds), Is.EqualTo((5, 10, 30)));
        Assert.That(Validate(options), Is.Empty);
    }

    [TestCase(10, 10, 30, "Poller:LeaseSeconds (10) must be at least twice Poller:HeartbeatSeconds (10)")]
    [TestCase(5, 10, 9, "Poller:KeepaliveSeconds (9) must be at least twice Poller:HeartbeatSeconds (5)")]
    public void A_lease_or_keepalive_that_could_lapse_between_two_heartbeats_is_refused(int heartbeat, int lease, int keepalive, string error)
    {
        var errors = Validate(new StreamPollerOptions { HeartbeatSeconds = heartbeat, LeaseSeconds = lease, KeepaliveSeconds = keepalive });

        Assert.That(errors, Has.One.StartsWith(error));
    }

    private static List<string?> Validate(StreamPollerOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.Select(result => result.ErrorMessage).ToList();
    }
}
