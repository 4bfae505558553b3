using FlowConfigs.Domain.Configs;
using FlowConfigs.Domain.Schedules;
using FlowConfigs.Grains.Configs;
using FlowConfigs.Grains.Storage;

namespace FlowConfigs.Grains.Calendars;

/// <summary>What a calendar write did: the stored calendar with its new version, or why nothing was (known to be) stored.</summary>
[GenerateSerializer, Immutable]
public sealed record CalendarSaveOutcome(
    [property: Id(0)] SaveStatus Status,
    [property: Id(1)] Calendar? Calendar = null,
    [property: Id(2)] long CurrentVersion = 0,
    [property: Id(3)] StorageFault? Fault = null);

/// <summary>One immutable entry of a calendar's history, with the calendar as it stood after it (for a delete, the deleted one).</summary>
[GenerateSerializer, Immutable]
public sealed record CalendarRevision(
    [property: Id(0)] long Version,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string By,
    [property: Id(3)] RevisionAction Action,
    [property: Id(4)] Calendar Document);

/// <summary>One revision (null: not kept), or why storage could not read it.</summary>
[GenerateSerializer, Immutable]
public sealed record CalendarRevisionOutcome([property: Id(0)] CalendarRevision? Revision, [property: Id(1)] StorageFault? Fault = null);
