using FlowConfigs.Gateway.Features.Connect;
using FlowConfigs.Gateway.Features.FlowConfigs;
using FlowConfigs.Gateway.Features.History;
using FlowConfigs.Gateway.Features.Identity;
using FlowConfigs.Gateway.Features.Settings;
using FlowConfigs.Gateway.Features.Speech;
using FlowConfigs.Gateway.Features.Web;
using FlowConfigs.Gateway.Hosting;

if (args is [MigrateCommand.Name, .. var migrateArgs])
    return await MigrateCommand.RunAsync(migrateArgs);
if (args is [HealthCheckCommand.Name, .. var healthArgs])
    return await HealthCheckCommand.RunAsync(healthArgs);

var builder = WebApplication.CreateBuilder(args);
builder.AddFlowConfigsHosting();
builder.AddFlowConfigsTelemetry();
builder.AddFlowConfigsSilo();
builder.AddFlowConfigsIdentity();
builder.AddFlowConfigsFeatures();
builder.AddWebApp();

var app = builder.Build();
app.MapFlowConfigsHosting();
app.MapIdentityApi();
app.MapFlowConfigsApi();
app.MapHistoryApi();
app.MapSettingsApi();
app.MapSpeechApi();
app.MapConnectApi();
app.MapWebApp();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in the functional tests.</summary>
public partial class Program;
