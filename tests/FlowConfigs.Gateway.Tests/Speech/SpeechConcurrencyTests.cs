using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FlowConfigs.Gateway.Tests.Infrastructure;

namespace FlowConfigs.Gateway.Tests.Speech;

/// <summary>
/// Previews past the concurrency limit are turned away at once. espeak-ng runs behind a gate script that holds each
/// synthesis until the test opens the gate, so "one is running" is a fact the test waits for, not a timing guess.
/// </summary>
public sealed class SpeechConcurrencyTests(SpeechConcurrencyTests.GatedEspeakFixture fixture) : IClassFixture<SpeechConcurrencyTests.GatedEspeakFixture>
{
    public sealed class GatedEspeakFixture : GatewayFixture
    {
        public string Gate { get; } = Directory.CreateTempSubdirectory("flowconfigs-espeak-gate-").FullName;

        public string Started => Path.Combine(Gate, "started");
        public string Open => Path.Combine(Gate, "open");

        public GatedEspeakFixture()
        {
            var script = Path.Combine(Gate, "espeak-ng");
            File.WriteAllText(script, $"""
                #!/bin/sh
                case "$*" in *--voices*) exec espeak-ng "$@";; esac
                touch '{Started}'
                while [ ! -e '{Open}' ]; do sleep 0.05; done
                exec espeak-ng "$@"
                """.ReplaceLineEndings("\n"));
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [
            new("FlowConfigs:Speech:EspeakPath", Path.Combine(Gate, "espeak-ng")),
            new("FlowConfigs:Speech:MaxConcurrentSyntheses", "1"),
            new("FlowConfigs:Speech:MaxQueuedSyntheses", "0"),
            new("FlowConfigs:Speech:TimeoutSeconds", "60"),
        ];

        public override async ValueTask DisposeAsync()
        {
            File.WriteAllText(Open, "");
            await base.DisposeAsync();
            Directory.Delete(Gate, recursive: true);
        }
    }

    [Fact]
    public async Task A_preview_past_the_limit_is_429_with_Retry_After_and_the_running_one_completes()
    {
        var reader = fixture.PublicClient(await fixture.TokenAsync("reese", ["FlowConfigRead"]));
        var first = reader.PostAsJsonAsync("/api/preview-speech", new { text = "First in line.", languageCode = "en-US" });
        using (var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            while (!File.Exists(fixture.Started))
                await Task.Delay(50, deadline.Token);
        }

        using (var second = await reader.PostAsJsonAsync("/api/preview-speech", new { text = "Second.", languageCode = "en-US" }))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
            Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
            Assert.Equal(TimeSpan.FromSeconds(1), second.Headers.RetryAfter?.Delta);
            var problem = (await second.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal(429, problem["status"]!.GetValue<int>());
            Assert.Equal("Too many speech previews", problem["title"]!.GetValue<string>());
        }

        File.WriteAllText(fixture.Open, "");
        using var done = await first;
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal("audio/wav", done.Content.Headers.ContentType?.MediaType);

        // The slot is free again.
        using var third = await reader.PostAsJsonAsync("/api/preview-speech", new { text = "Third.", languageCode = "en-US" });
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }
}
