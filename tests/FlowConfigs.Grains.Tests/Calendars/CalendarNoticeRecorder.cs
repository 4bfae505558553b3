using System.Collections.Concurrent;
using FlowConfigs.Grains.Configs;
using FlowConfigs.Grains.Listing;

namespace FlowConfigs.Grains.Tests.Calendars;

/// <summary>
/// Test silos only: answers the config list's "which configs reference calendar X" for the calendars a test names
/// here (the real list holds no schedules yet), and records every calendar notice a config grain receives before
/// letting it through; a config named in <see cref="Failing"/> refuses its notice. Calendars no test named pass
/// untouched to the real grains.
/// </summary>
public sealed class CalendarNoticeRecorder : IIncomingGrainCallFilter
{
    public static readonly ConcurrentDictionary<string, string[]> Referencing = new(StringComparer.Ordinal);

    /// <summary>(config id, calendar id) of every notice, in arrival order.</summary>
    public static readonly ConcurrentQueue<(string Config, string Calendar)> Notices = new();

    public static readonly ConcurrentDictionary<string, bool> Failing = new(StringComparer.Ordinal);

    public static (string Config, string Calendar)[] NoticesOf(string calendarId) => Notices.Where(n => n.Calendar == calendarId).ToArray();

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod?.Name == nameof(IFlowConfigDirectoryGrain.ReferencingAsync)
            && context.Request.GetArgument(0) is string calendarId && Referencing.TryGetValue(calendarId, out var configs))
        {
            context.Result = configs;
            return Task.CompletedTask;
        }
        if (context.InterfaceMethod?.Name == nameof(IFlowConfigGrain.CalendarChangedAsync) && context.Request.GetArgument(0) is string changed
            && Referencing.ContainsKey(changed))
        {
            var config = context.TargetId.Key.ToString()!;
            Notices.Enqueue((config, changed));
            if (Failing.ContainsKey(config))
                throw new InvalidOperationException($"Test: config {config} refuses the notice.");
        }
        return context.Invoke();
    }
}
