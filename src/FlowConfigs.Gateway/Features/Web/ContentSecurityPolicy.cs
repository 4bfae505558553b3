using FlowConfigs.Gateway.Features.Identity;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace FlowConfigs.Gateway.Features.Web;

/// <summary>
/// What the app's pages may load and talk to: its own origin, and for OIDC sign-in the provider's endpoints, because
/// the PKCE token exchange runs in the page. Cognito serves discovery from <c>cognito-idp.&lt;region&gt;.amazonaws.com</c>
/// but its token endpoint from the hosted-UI domain, so the origins come from the discovery document (the one token
/// validation already caches), not from the authority alone.
/// </summary>
internal sealed partial class ContentSecurityPolicy
{
    private readonly IReadOnlyList<string> _frameAncestors;
    private readonly string? _authorityOrigin;
    private readonly IConfigurationManager<OpenIdConnectConfiguration>? _discovery;
    private readonly ILogger<ContentSecurityPolicy> _logger;
    private OpenIdConnectConfiguration? _builtFrom;
    private volatile string _current;

    public ContentSecurityPolicy(IOptions<WebOptions> web, IOptions<IdentityOptions> identity, IOptionsMonitor<JwtBearerOptions> jwt,
        ILogger<ContentSecurityPolicy> logger)
    {
        _frameAncestors = web.Value.FramingOrigins;
        _logger = logger;
        // The development sign-in asks this origin for tokens; only an OIDC provider adds origins.
        if (!identity.Value.IsDevelopment)
        {
            _authorityOrigin = Origin(identity.Value.Authority);
            _discovery = jwt.Get(JwtBearerDefaults.AuthenticationScheme).ConfigurationManager;
        }
        _current = Build(_frameAncestors, [_authorityOrigin]);
    }

    /// <summary>The policy as last built; cheap, for every response.</summary>
    public string Current => _current;

    /// <summary>The policy for a page, with the provider's endpoints as its discovery document names them now.</summary>
    public async ValueTask<string> ForPageAsync(CancellationToken cancellationToken)
    {
        if (_discovery is null) return _current;
        try
        {
            var discovery = await _discovery.GetConfigurationAsync(cancellationToken);
            if (!ReferenceEquals(discovery, _builtFrom))
            {
                _current = Build(_frameAncestors, [_authorityOrigin, Origin(discovery.TokenEndpoint), Origin(discovery.UserInfoEndpoint)]);
                _builtFrom = discovery;
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Sign-in cannot work while discovery fails anyway; the page still loads with the authority's origin.
            LogDiscoveryUnavailable(_logger, exception.Message);
        }
        return _current;
    }

    public static string Build(IEnumerable<string> frameAncestors, IEnumerable<string?> connectOrigins) => string.Join("; ",
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        // Cloudscape's fonts are inlined into its stylesheet as data: URLs.
        "font-src 'self' data:",
        "img-src 'self' data:",
        // The Play button plays synthesized speech from a blob: URL.
        "media-src 'self' blob:",
        string.Join(' ', new[] { "connect-src", "'self'" }.Concat(connectOrigins.OfType<string>().Distinct(StringComparer.Ordinal))),
        string.Join(' ', new[] { "frame-ancestors", "'self'" }.Concat(frameAncestors)),
        "base-uri 'self'",
        "form-action 'self'",
        "object-src 'none'");

    private static string? Origin(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The sign-in provider's discovery document is unavailable ({Reason}); pages allow only its authority's origin.")]
    private static partial void LogDiscoveryUnavailable(ILogger logger, string reason);
}
