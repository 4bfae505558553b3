using FlowConfigs.Domain.Configs;
using FlowConfigs.Domain.Settings;
using FlowConfigs.Grains.Storage;

namespace FlowConfigs.Grains.Settings;

[GrainType("settings")]
public sealed class SettingsGrain(DocumentStorage storage, TimeProvider clock) : Grain, ISettingsGrain
{
    /// <summary>The document kind the settings are stored as.</summary>
    public const string Kind = "settings";

    private static readonly AppSettings Empty = new() { Locales = [], FallbackLocale = null };

    private PersistedDocument<AppSettings> _document = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _document = storage.Open(new DocumentKey(Kind, this.GetPrimaryKeyString()), StoredSettings.Read);
        try
        {
            await _document.LoadAsync(cancellationToken);
        }
        catch (StorageUnavailableException)
        {
            throw new StorageFaultException(new StorageFault("Storage is not answering, so the settings cannot be loaded. Try again in a moment.", StorageFault.Shortly));
        }
    }

    public Task<AppSettings> GetAsync()
    {
        if (_document.UnreadableReason is { } reason)
            throw new StorageFaultException(new StorageFault(
                $"The stored settings cannot be read ({reason}). Save the settings again to replace them.", TimeSpan.FromMinutes(5)));
        return Task.FromResult(_document.Value ?? Empty);
    }

    public async Task<SettingsSaveOutcome> SaveAsync(AppSettings proposed, long? expectedVersion, string username)
    {
        if (await _document.EnsureCurrentAsync() is { } fault)
            return new SettingsSaveOutcome(null, fault);
        if (expectedVersion is { } expected && expected != _document.Version)
            return new SettingsSaveOutcome(null);

        var next = proposed with { Version = _document.Version + 1, UpdatedAt = clock.GetUtcNow(), UpdatedBy = username };
        // A revision too: it is how storage tells the audit line and the change event of a landed write from a lost one.
        var written = await _document.WriteAsync(next, DocumentHistory<AppSettings>.Entry(next.Version, next.UpdatedAt.Value, username, RevisionAction.Save, next),
            new ChangeNote(username, next.UpdatedAt.Value, "save"));
        return written.Status == DocumentWriteStatus.Written ? new SettingsSaveOutcome(next) : new SettingsSaveOutcome(null, written.Fault);
    }
}
