using FlowConfigs.Gateway.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddFlowConfigsHosting();

var app = builder.Build();
app.MapFlowConfigsHosting();
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the functional tests.</summary>
public partial class Program;
