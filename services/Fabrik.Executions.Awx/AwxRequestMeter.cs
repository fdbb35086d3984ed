using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Fabrik.Executions.Awx;

/// <summary>Measures each request the AWX client sends, after its retries: one measurement per attempt would hide a failing AWX behind successes.</summary>
public sealed partial class AwxRequestMeter(AwxMetrics metrics) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = $"{request.Method} {Ids().Replace(request.RequestUri?.AbsolutePath ?? "", "/{id}/")}";
        var started = Stopwatch.GetTimestamp();
        var status = "error";
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            return response;
        }
        finally
        {
            metrics.Record(operation, status, Stopwatch.GetElapsedTime(started));
        }
    }

    [GeneratedRegex("/[0-9]+/")]
    private static partial Regex Ids();
}
