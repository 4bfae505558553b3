using FlowConfigs.Gateway.Tests.Infrastructure;
using Microsoft.Playwright;

namespace FlowConfigs.EndToEnd;

/// <summary>
/// axe-core (npm, installed by test.sh under tests/tools) run inside the page as it is now: the rules a screen-reader or
/// keyboard user would trip over, reported as "rule: target (impact)" lines.
/// </summary>
internal static class Axe
{
    private static readonly Lazy<string> Script = new(() =>
    {
        var path = Path.Combine(GatewayProcess.RepositoryRoot(), "tests", "tools", "node_modules", "axe-core", "axe.min.js");
        if (!File.Exists(path)) throw new FileNotFoundException("axe-core is not installed; ./test.sh runs npm ci in tests/tools.", path);
        return File.ReadAllText(path);
    });

    /// <summary>Violations of impact serious or critical on the page (or frame) as rendered now.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IFrame frame)
    {
        // Evaluated rather than added as a script tag: the app's CSP (script-src 'self') refuses inline scripts, while
        // the DevTools protocol's evaluation is not subject to it.
        if (!await frame.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
            await frame.EvaluateAsync(Script.Value);
        return await frame.EvaluateAsync<string[]>("""
            async () => {
              // A dialog still fading in has its buttons' colours mid-blend, which axe reports as low contrast: check
              // the page as it settles, waiting for every finite animation and transition running now.
              const settling = document.getAnimations().filter(a => a.effect?.getComputedTiming().endTime !== Infinity);
              await Promise.allSettled(settling.map(a => a.finished));
              const result = await window.axe.run(document, { resultTypes: ["violations"] });
              // Cloudscape's own AppLayout (3.0.1383) puts aria-orientation on its mobile toolbar's <nav>: not ours to
              // patch, and the only node excused.
              const upstream = (v, n) => v.id === "aria-allowed-attr" && /^<nav [^>]*aria-orientation="horizontal"[^>]*class="awsui_mobile-toolbar-nav_/.test(n.html);
              return result.violations
                .filter(v => v.impact === "serious" || v.impact === "critical")
                .flatMap(v => v.nodes.filter(n => !upstream(v, n)).map(n => `${v.id}: ${n.target.join(" ")} (${v.impact}) ${v.help}: ${n.html.slice(0, 160)}`));
            }
            """);
    }

    public static Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page) => SeriousViolationsAsync(page.MainFrame);
}
