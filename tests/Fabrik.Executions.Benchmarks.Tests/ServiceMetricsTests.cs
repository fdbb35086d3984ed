namespace Fabrik.Executions.Benchmarks.Tests;

public sealed class ServiceMetricsTests
{
    private const string Metrics =
        """
        # TYPE http_client_request_duration_seconds histogram
        http_client_request_duration_seconds_count{server_address="127.0.0.1",server_port="8052"} 120 1733450000000
        http_client_request_duration_seconds_count{server_address="127.0.0.1",server_port="15672"} 7
        http_client_request_duration_seconds_count{server_address="awx",server_port="8052",http_response_status_code="500"} 3
        http_client_request_duration_seconds_sum{server_address="127.0.0.1",server_port="8052"} 4.5
        dotnet_jit_compiled_methods_total 9550
        dotnet_jit_compiled_methods_total_more 1
        """;

    [Test]
    public void A_counter_is_summed_over_the_series_whose_labels_match() =>
        Assert.That(ServiceMetrics.Sum(Metrics, "http_client_request_duration_seconds_count", "server_port=\"8052\""), Is.EqualTo(123));

    [Test]
    public void A_counter_without_labels_is_read_by_its_exact_name() =>
        Assert.That(ServiceMetrics.Sum(Metrics, "dotnet_jit_compiled_methods_total"), Is.EqualTo(9550));
}
