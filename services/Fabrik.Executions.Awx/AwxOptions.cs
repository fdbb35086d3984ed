using System.ComponentModel.DataAnnotations;

namespace Fabrik.Executions.Awx;

/// <summary>Where AWX is and how to authenticate (<c>Awx__BaseUrl</c>, <c>Awx__Token</c>).</summary>
public sealed class AwxOptions : IValidatableObject
{
    public const string Section = "Awx";

    [Required(ErrorMessage = "Awx:BaseUrl is required: set Awx__BaseUrl to AWX's address, e.g. https://awx.example.com.")]
    public Uri? BaseUrl { get; set; }

    [Required(ErrorMessage = "Awx:Token is required: set Awx__Token to an AWX OAuth2 token.")]
    public string? Token { get; set; }

    /// <summary>Base of links to AWX's own UI; AWX's API address when not set.</summary>
    public Uri? UiBaseUrl { get; set; }

    [Range(1, 300, ErrorMessage = "Awx:RequestTimeoutSeconds must be between 1 and 300.")]
    public int RequestTimeoutSeconds { get; set; } = 30;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (BaseUrl is not null && (!BaseUrl.IsAbsoluteUri || (BaseUrl.Scheme != Uri.UriSchemeHttp && BaseUrl.Scheme != Uri.UriSchemeHttps)))
        {
            yield return new ValidationResult("Awx:BaseUrl must be an absolute http:// or https:// address.", [nameof(BaseUrl)]);
        }
    }
}
