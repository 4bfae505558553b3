using Amazon.CDK.AwsVerifiedpermissions;
using Constructs;

namespace FlowConfigs.Infra;

/// <summary>The Verified Permissions policy store, loaded with the repository's Cedar schema and one static policy per policies/*.cedar.</summary>
internal sealed class AccessPolicies : Construct
{
    public CfnPolicyStore Store { get; }

    public AccessPolicies(Construct scope, string id) : base(scope, id)
    {
        Store = new CfnPolicyStore(this, "Store", new CfnPolicyStoreProps
        {
            Description = "FlowConfigs access rules (policies/ in the repository)",
            ValidationSettings = new CfnPolicyStore.ValidationSettingsProperty { Mode = "STRICT" },
            Schema = new CfnPolicyStore.SchemaDefinitionProperty
            {
                CedarJson = File.ReadAllText(Path.Combine(RepositoryPaths.Policies, "flowconfigs.cedarschema.json")),
            },
        });
        foreach (var file in Directory.GetFiles(RepositoryPaths.Policies, "*.cedar").Order(StringComparer.Ordinal))
        {
            var statement = File.ReadAllText(file);
            var policy = new CfnPolicy(this, Path.GetFileNameWithoutExtension(file), new CfnPolicyProps
            {
                PolicyStoreId = Store.AttrPolicyStoreId,
                Definition = new CfnPolicy.PolicyDefinitionProperty
                {
                    Static = new CfnPolicy.StaticPolicyDefinitionProperty
                    {
                        Statement = statement,
                        Description = statement.Split('\n')[0].TrimStart('/', ' '),
                    },
                },
            });
            policy.Node.AddDependency(Store);
        }
    }
}
