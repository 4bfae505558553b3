using FlowConfigs.Grains.Configs;
using FlowConfigs.Grains.Settings;
using FlowConfigs.Grains.Storage.DynamoDb;

namespace FlowConfigs.Grains.Storage;

/// <summary>
/// Moves a laptop's data to AWS: every config (deleted ones as tombstones), its whole history and the settings,
/// from the SQLite file into the DynamoDB tables. Items already in DynamoDB are left alone, so a rerun is safe.
/// </summary>
public static class StorageMigration
{
    public sealed record Result(int Copied, int Skipped, bool SettingsCopied);

    public static async Task<Result> CopyAsync(SqliteGrainStorage source, DynamoDbGrainStorage target, TextWriter log, CancellationToken cancellationToken = default)
    {
        await target.CheckTablesAsync(cancellationToken);
        int copied = 0, skipped = 0;
        await foreach (var (id, state) in source.ReadAllAsync<FlowConfigState>(FlowConfigGrain.GrainTypeName, "config", cancellationToken))
        {
            var history = new List<Domain.Configs.Revision>();
            foreach (var summary in (await source.ListAsync(FlowConfigGrain.GrainTypeName, id, cancellationToken)).Reverse())
                if (await source.GetAsync(FlowConfigGrain.GrainTypeName, id, summary.Version, cancellationToken) is { } revision)
                    history.Add(revision);
            if (await target.ImportAsync(id, state, history))
            {
                copied++;
                log.WriteLine($"copied {id} (version {state.Version}, {history.Count} revisions)");
            }
            else
            {
                skipped++;
                log.WriteLine($"skipped {id}: already in DynamoDB");
            }
        }

        var settingsId = GrainId.Create("settings", ISettingsGrain.Key);
        var settings = new GrainState<SettingsState>();
        await source.ReadStateAsync("settings", settingsId, settings);
        var existing = new GrainState<SettingsState>();
        await target.ReadStateAsync("settings", settingsId, existing);
        var copySettings = settings.RecordExists && !existing.RecordExists;
        if (copySettings)
        {
            await target.WriteStateAsync("settings", settingsId, new GrainState<SettingsState>(settings.State));
            log.WriteLine("copied settings");
        }
        log.WriteLine($"{copied} copied, {skipped} skipped");
        return new Result(copied, skipped, copySettings);
    }
}
