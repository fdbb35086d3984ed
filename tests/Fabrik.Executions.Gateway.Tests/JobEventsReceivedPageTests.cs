using Fabrik.Executions.Contracts;

namespace Fabrik.Executions.Gateway.Tests;

public sealed class JobEventsReceivedPageTests
{
    [Test]
    public void A_page_takes_its_execution_and_job_from_its_events()
    {
        var executionId = Guid.NewGuid();

        var page = JobEventsReceived.Of(SampleEvents.Range(executionId, 7, 1, 3));

        Assert.That((page.ExecutionId, page.JobId, page.Events.Count), Is.EqualTo((executionId, 7L, 3)));
    }

    [Test]
    public void A_page_of_no_events_or_of_two_jobs_is_refused()
    {
        var executionId = Guid.NewGuid();
        IReadOnlyList<JobEventReceived> twoJobs = [.. SampleEvents.Range(executionId, 7, 1, 2), .. SampleEvents.Range(executionId, 8, 1, 2)];

        Assert.Throws<ArgumentException>(() => JobEventsReceived.Of([]));
        Assert.Throws<ArgumentException>(() => JobEventsReceived.Of(twoJobs));
    }
}
