using FlowConfigs.Gateway.Tests.Infrastructure;
using Microsoft.Playwright;

namespace FlowConfigs.EndToEnd;

/// <summary>
/// One gateway process (fresh data directory, sample data, usage flushed every second) and one headless Chromium per
/// collection of browser tests.
/// Chromium is Debian's package (CHROMIUM_PATH overrides), never a download.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "flowconfigs-e2e-" + Guid.NewGuid().ToString("N"));
    private IPlaywright? _playwright;

    internal GatewayProcess Gateway { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl => $"http://127.0.0.1:{Gateway.PublicPort}";

    private readonly Dictionary<IPage, List<string>> _consoleErrors = [];

    public async Task InitializeAsync()
    {
        // Usage counts are flushed every second rather than every ten, so a test sees the reads it made almost at once.
        Gateway = await GatewayProcess.StartAsync(_dataDirectory, settings: new Dictionary<string, string> { ["FlowConfigs__Usage__FlushEvery"] = "00:00:01" });
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
    }

    /// <summary>A fresh browser context (its own session storage) with a page watched for console errors.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = new() { Width = 1440, Height = 1000 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        lock (_consoleErrors) _consoleErrors[page] = errors;
        page.Console += (_, message) =>
        {
            if (message.Type == "error") lock (errors) errors.Add($"{page.Url}: {message.Text}");
        };
        page.PageError += (_, error) => { lock (errors) errors.Add($"{page.Url}: {error}"); };
        return page;
    }

    /// <summary>
    /// What the Agent Workspace SDK logs a few seconds after the app starts framed with no workspace around it: every
    /// framed page in these tests, never a fault of the app.
    /// </summary>
    private const string NoWorkspace = "App failed to connect to workspace in the allotted time";

    /// <summary>No console error or uncaught exception on these pages, except those <paramref name="expected"/> accepts.</summary>
    public void AssertCleanConsole(IPage page, Func<string, bool>? expected = null)
    {
        List<string> errors;
        lock (_consoleErrors) errors = _consoleErrors[page];
        string[] unexpected;
        lock (errors) unexpected = errors.Where(e => expected?.Invoke(e) != true && !e.Contains(NoWorkspace, StringComparison.Ordinal)).ToArray();
        Assert.True(unexpected.Length == 0, "Console errors:\n" + string.Join("\n", unexpected));
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (Gateway is not null) await Gateway.DisposeAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>
/// The layout tests with a gateway and a browser of their own, run beside <see cref="BrowserCollection"/>: a browser
/// test spends most of its time waiting (transitions, the network going idle, a save's round trip), so two at once keep
/// both cores busy. Each collection's tests still run one at a time against their own data.
/// </summary>
[CollectionDefinition(Name)]
public sealed class LayoutCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser layout";
}
