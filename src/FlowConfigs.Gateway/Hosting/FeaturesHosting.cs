using FlowConfigs.Gateway.Features.Access;
using FlowConfigs.Gateway.Features.SampleData;
using FlowConfigs.Gateway.Features.Settings;
using FlowConfigs.Gateway.Features.Speech;

namespace FlowConfigs.Gateway.Hosting;

internal static class FeaturesHosting
{
    /// <summary>Services of the features; registered after the silo so their start-up work runs against a running silo.</summary>
    public static WebApplicationBuilder AddFlowConfigsFeatures(this WebApplicationBuilder builder)
    {
        builder.Services.AddAccess();
        builder.Services.AddSingleton<SettingsSnapshot>();
        builder.Services.AddHostedService(services => services.GetRequiredService<SettingsSnapshot>());
        builder.Services.AddOptions<SampleDataOptions>().BindConfiguration(SampleDataOptions.Section);
        builder.Services.AddHostedService<SampleDataSeeder>();
        builder.Services.AddSpeech();
        builder.Services.AddOpenApi();
        builder.Services.AddAuthorization();
        builder.Services.AddHostedService<DependencyStartupCheck>();
        return builder;
    }
}
