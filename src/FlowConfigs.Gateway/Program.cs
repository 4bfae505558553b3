using FlowConfigs.Gateway.Features.ChangeControl;
using FlowConfigs.Gateway.Features.Access;
using FlowConfigs.Gateway.Features.Calendars;
using FlowConfigs.Gateway.Features.Connect;
using FlowConfigs.Gateway.Features.Events;
using FlowConfigs.Gateway.Features.FlowConfigs;
using FlowConfigs.Gateway.Features.History;
using FlowConfigs.Gateway.Features.Identity;
using FlowConfigs.Gateway.Features.SampleData;
using FlowConfigs.Gateway.Features.Settings;
using FlowConfigs.Gateway.Features.Speech;
using FlowConfigs.Gateway.Features.Usage;
using FlowConfigs.Gateway.Features.Web;
using FlowConfigs.Gateway.Hosting;
using FlowConfigs.Gateway.Http;

if (args is [MigrateCommand.Name, .. var migrateArgs])
    return await MigrateCommand.RunAsync(migrateArgs);
if (args is [HealthCheckCommand.Name, .. var healthArgs])
    return await HealthCheckCommand.RunAsync(healthArgs);

var builder = WebApplication.CreateBuilder(args);
builder.AddHttpPipeline();
builder.AddFlowConfigsTelemetry();
builder.AddFlowConfigsSilo();
builder.AddDependencyHealth();
// Features register after the silo, so their start-up work runs against a running silo.
builder.AddIdentity();
builder.AddAccess();
builder.AddSettings();
builder.AddChangeEvents();
builder.AddSpeech();
builder.AddConnect();
builder.AddUsage();
builder.AddSampleData();
builder.AddWebApp();

var app = builder.Build();
app.UseHttpPipeline();
app.MapDependencyHealth();
app.MapIdentityApi();
app.MapFlowConfigsApi();
app.MapHistoryApi();
app.MapChangeControlApi();
app.MapCalendarsApi();
app.MapSettingsApi();
app.MapSpeechApi();
app.MapConnectApi();
app.MapUsageApi();
app.MapWebApp();
await app.RunWithBoundedShutdownAsync();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in the functional tests.</summary>
public partial class Program;
