using Amazon.CDK;
using Amazon.CDK.AWS.Cognito;
using Constructs;

namespace FlowConfigs.Infra;

/// <summary>The Cognito user pool: the three FlowConfig groups, the tag attributes and the web app's client.</summary>
internal sealed class UserDirectory : Construct
{
    public static readonly string[] Groups = ["FlowConfigAdmin", "FlowConfigEdit", "FlowConfigRead"];
    public static readonly string[] TagAttributes = ["FlowConfigFull", "FlowConfigEdit", "FlowConfigRead"];

    public UserPool Pool { get; }
    public UserPoolClient Client { get; }

    public UserDirectory(Construct scope, string id, InfraSettings settings, string appUrl) : base(scope, id)
    {
        Pool = new UserPool(this, "Pool", new UserPoolProps
        {
            UserPoolName = $"FlowConfigs-{settings.EnvironmentName}",
            SelfSignUpEnabled = false,
            SignInAliases = new SignInAliases { Username = true, Email = true },
            // Comma-separated id patterns per level; '*' matches any run of characters.
            CustomAttributes = TagAttributes.ToDictionary(a => a, ICustomAttribute (_) => new StringAttribute(new StringAttributeProps { Mutable = true, MaxLen = 2048 })),
            PasswordPolicy = new PasswordPolicy { MinLength = 12, RequireSymbols = true },
            Mfa = Mfa.OPTIONAL,
            MfaSecondFactor = new MfaSecondFactor { Otp = true, Sms = false },
            AccountRecovery = AccountRecovery.EMAIL_ONLY,
            DeletionProtection = true,
            RemovalPolicy = RemovalPolicy.RETAIN,
        });
        foreach (var group in Groups)
            new CfnUserPoolGroup(this, group, new CfnUserPoolGroupProps { UserPoolId = Pool.UserPoolId, GroupName = group });

        Pool.AddDomain("HostedUi", new UserPoolDomainOptions
        {
            CognitoDomain = new CognitoDomainOptions { DomainPrefix = settings.CognitoDomainPrefix ?? $"flowconfigs-{settings.EnvironmentName}" },
        });
        Client = Pool.AddClient("WebApp", new UserPoolClientOptions
        {
            GenerateSecret = false,
            AuthFlows = new AuthFlow { UserSrp = true },
            OAuth = new OAuthSettings
            {
                Flows = new OAuthFlows { AuthorizationCodeGrant = true },
                Scopes = [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
                // The web app's own routes (src/FlowConfigs.Web/src/auth/oidc.ts).
                CallbackUrls = [appUrl + "/auth/callback"],
                LogoutUrls = [appUrl],
            },
            // The gateway reads groups and tag attributes from the ID token's claims.
            ReadAttributes = new ClientAttributes().WithStandardAttributes(new StandardAttributesMask { Email = true, PreferredUsername = true })
                .WithCustomAttributes(TagAttributes),
            WriteAttributes = new ClientAttributes().WithStandardAttributes(new StandardAttributesMask { Email = true }),
            AccessTokenValidity = Duration.Hours(1),
            IdTokenValidity = Duration.Hours(1),
            RefreshTokenValidity = Duration.Days(1),
            PreventUserExistenceErrors = true,
        });
    }
}
