using FlowConfigs.Domain.Configs;
using FlowConfigs.Domain.Schedules;
using FlowConfigs.Grains.Calendars;
using FlowConfigs.Grains.Configs;
using FlowConfigs.Grains.Tests.Configs;

namespace FlowConfigs.Grains.Tests.Calendars;

[Collection(FlowConfigCluster.Name)]
public sealed class CalendarGrainTests(FlowConfigClusterFixture fixture)
{
    private ICalendarGrain Grain(string id) => fixture.Grains.GetGrain<ICalendarGrain>(id);

    private static string NewId() => "calendar-" + Guid.NewGuid().ToString("N");

    private static Calendar Holidays(string id, string description = "US holidays", params CalendarEvent[] events) => new()
    {
        Id = id,
        Description = description,
        Events = events.Length > 0 ? events : [new CalendarEvent("Christmas Day", "2026-12-25T00:00", "2026-12-26T00:00", "FREQ=YEARLY")],
    };

    [Fact]
    public async Task Saves_count_versions_record_who_and_keep_each_as_a_revision()
    {
        var id = NewId();
        var created = await Grain(id).SaveAsync(Holidays(id), SaveCondition.None, "alice");
        var updated = await Grain(id).SaveAsync(Holidays(id, "US public holidays"), new SaveCondition(ExpectedVersion: 1), "bob");

        Assert.Equal((SaveStatus.Created, 1L), (created.Status, created.Calendar!.Version));
        Assert.Equal((SaveStatus.Updated, 2L), (updated.Status, updated.Calendar!.Version));
        var stored = (await Grain(id).GetAsync())!;
        Assert.Equal(("US public holidays", "bob", 2L), (stored.Description, stored.UpdatedBy, stored.Version));
        Assert.Equal("Christmas Day", Assert.Single(stored.Events).Name);

        var history = await Grain(id).GetHistoryAsync();
        Assert.Equal([(2L, "bob", RevisionAction.Save), (1L, "alice", RevisionAction.Save)],
            history.Revisions.Select(r => (r.Version, r.By, r.Action)));
        var first = (await Grain(id).GetRevisionAsync(1)).Revision!;
        Assert.Equal(("US holidays", 1L), (first.Document.Description, first.Document.Version));
        Assert.Null((await Grain(id).GetRevisionAsync(9)).Revision);
    }

    [Fact]
    public async Task Conditions_refuse_stale_versions_and_existence_mismatches_storing_nothing()
    {
        var id = NewId();
        Assert.Equal(SaveStatus.PreconditionFailed, (await Grain(id).SaveAsync(Holidays(id), new SaveCondition(MustExist: true), "alice")).Status);
        await Grain(id).SaveAsync(Holidays(id), new SaveCondition(MustNotExist: true), "alice");

        var exists = await Grain(id).SaveAsync(Holidays(id, "again"), new SaveCondition(MustNotExist: true), "bob");
        var stale = await Grain(id).SaveAsync(Holidays(id, "stale"), new SaveCondition(ExpectedVersion: 7), "bob");
        var staleDelete = await Grain(id).DeleteAsync(new SaveCondition(ExpectedVersion: 7), "bob");

        Assert.Equal((SaveStatus.PreconditionFailed, 1L), (exists.Status, exists.CurrentVersion));
        Assert.Equal((SaveStatus.PreconditionFailed, 1L), (stale.Status, stale.CurrentVersion));
        Assert.Equal((DeleteStatus.PreconditionFailed, 1L), (staleDelete.Status, staleDelete.CurrentVersion));
        Assert.Equal(("US holidays", 1L), ((await Grain(id).GetAsync())!.Description, (await Grain(id).GetAsync())!.Version));
    }

    [Fact]
    public async Task Delete_is_a_tombstone_revision_and_a_recreate_counts_on_and_rollback_restores()
    {
        var id = NewId();
        await Grain(id).SaveAsync(Holidays(id, "before"), SaveCondition.None, "alice");
        var deleted = await Grain(id).DeleteAsync(new SaveCondition(ExpectedVersion: 1), "bob");

        Assert.Equal((DeleteStatus.Deleted, 2L), (deleted.Status, deleted.CurrentVersion));
        Assert.Null(await Grain(id).GetAsync());
        Assert.Equal(DeleteStatus.NotFound, (await Grain(id).DeleteAsync(SaveCondition.None, "bob")).Status);
        var tombstone = (await Grain(id).GetRevisionAsync(2)).Revision!;
        Assert.Equal((RevisionAction.Delete, "before"), (tombstone.Action, tombstone.Document.Description));

        var restored = await Grain(id).RollbackAsync(2, new SaveCondition(MustNotExist: true), "carol");
        Assert.Equal((SaveStatus.Created, 3L, "before"), (restored.Status, restored.Calendar!.Version, restored.Calendar.Description));
        Assert.Equal(SaveStatus.NotFound, (await Grain(id).RollbackAsync(99, SaveCondition.None, "carol")).Status);
        Assert.Equal(RevisionAction.Rollback, (await Grain(id).GetHistoryAsync()).Revisions[0].Action);
    }

    [Fact]
    public async Task Import_replaces_the_events_keeps_the_description_and_creates_when_absent()
    {
        var id = NewId();
        CalendarEvent[] imported = [new("New Year's Day", "2027-01-01T00:00", "2027-01-02T00:00")];

        var created = await Grain(id).ImportAsync(imported, "From a file", SaveCondition.None, "alice");
        Assert.Equal((SaveStatus.Created, "From a file"), (created.Status, created.Calendar!.Description));

        await Grain(id).SaveAsync(Holidays(id, "Named by a person"), SaveCondition.None, "bob");
        var replaced = await Grain(id).ImportAsync(imported, "From a file", new SaveCondition(ExpectedVersion: 2), "alice");

        Assert.Equal((SaveStatus.Updated, 3L), (replaced.Status, replaced.Calendar!.Version));
        var stored = (await Grain(id).GetAsync())!;
        Assert.Equal("Named by a person", stored.Description);
        Assert.Equal(imported, stored.Events);
    }

    [Fact]
    public async Task A_calendar_nobody_stored_does_not_keep_its_activation_and_a_stored_one_does()
    {
        var (unknown, stored) = (NewId(), NewId());
        Assert.Null(await Grain(unknown).GetAsync());
        await Grain(stored).SaveAsync(Holidays(stored), SaveCondition.None, "alice");

        async Task<bool> IsActiveAsync(string id) =>
            (await fixture.Grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics()).Any(s => s.GrainId == GrainId.Create(CalendarGrain.Kind, id));
        Assert.True(await IsActiveAsync(unknown));
        var deadline = FlowConfigClusterFixture.UnknownIdLifetime * 10;
        for (var waited = TimeSpan.Zero; waited < deadline && await IsActiveAsync(unknown); waited += TimeSpan.FromMilliseconds(200))
            await Task.Delay(200);

        Assert.False(await IsActiveAsync(unknown));
        Assert.True(await IsActiveAsync(stored));
    }

    [Fact]
    public async Task The_list_follows_saves_and_deletes()
    {
        var (kept, gone) = (NewId(), NewId());
        await Grain(kept).SaveAsync(Holidays(kept, "kept", new CalendarEvent("a", "2026-01-01T00:00", "2026-01-02T00:00"),
            new CalendarEvent("b", "2026-02-01T00:00", "2026-02-02T00:00")), SaveCondition.None, "alice");
        await Grain(gone).SaveAsync(Holidays(gone), SaveCondition.None, "alice");
        await Grain(gone).DeleteAsync(SaveCondition.None, "alice");

        var listed = await fixture.Grains.GetGrain<ICalendarDirectoryGrain>(0).ListAsync();
        var summary = Assert.Single(listed, s => s.Id == kept);
        Assert.Equal(("kept", 1L, "alice", 2), (summary.Description, summary.Version, summary.UpdatedBy, summary.EventCount));
        Assert.DoesNotContain(listed, s => s.Id == gone);
        Assert.Equal(listed.Select(s => s.Id).Order(StringComparer.Ordinal), listed.Select(s => s.Id));
    }

    [Fact]
    public async Task Every_acknowledged_write_tells_each_referencing_config_before_it_returns_and_a_refusing_config_fails_nothing()
    {
        var id = NewId();
        string[] configs = ["branch-austin", "branch-dallas", "branch-refuses"];
        CalendarNoticeRecorder.Referencing[id] = configs;
        CalendarNoticeRecorder.Failing["branch-refuses"] = true;

        var saved = await Grain(id).SaveAsync(Holidays(id), SaveCondition.None, "alice");
        Assert.Equal(SaveStatus.Created, saved.Status);
        Assert.Equal(configs, CalendarNoticeRecorder.NoticesOf(id).Select(n => n.Config).Order());

        await Grain(id).ImportAsync([], "", SaveCondition.None, "alice");
        await Grain(id).RollbackAsync(1, SaveCondition.None, "alice");
        await Grain(id).DeleteAsync(SaveCondition.None, "alice");
        Assert.Equal(4 * configs.Length, CalendarNoticeRecorder.NoticesOf(id).Length);

        // A refused write tells nobody: nothing changed.
        await Grain(id).SaveAsync(Holidays(id), new SaveCondition(ExpectedVersion: 1), "alice");
        Assert.Equal(4 * configs.Length, CalendarNoticeRecorder.NoticesOf(id).Length);
    }
}
