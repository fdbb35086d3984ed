using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace Fabrik.Executions.Awx;

/// <summary>Adds AWX's bearer token to every request; the token stays out of configuration dumps and logs.</summary>
internal sealed class AwxBearerTokenHandler(IOptions<AwxOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.Token);
        return base.SendAsync(request, cancellationToken);
    }
}
