namespace FlowConfigs.Gateway.Features.FlowConfigs;

/// <summary>What an import does with one item of the file, decided before anything is written.</summary>
public enum ImportAction
{
    /// <summary>No config has the id: it is created.</summary>
    Create,

    /// <summary>The config exists and the import overwrites: the file's config becomes its next version.</summary>
    Update,

    /// <summary>The config exists and the import does not overwrite: nothing is written for it.</summary>
    Conflict,

    /// <summary>The item breaks a rule of the model; <see cref="ImportItem.Errors"/> names the fields.</summary>
    Invalid,

    /// <summary>The caller lacks Full access on the id.</summary>
    Forbidden,

    /// <summary>
    /// An approval rule covers the id: a change goes live only through a reviewed draft, and import never bypasses
    /// review, so nothing is written for it.
    /// </summary>
    DraftRequired,
}

/// <summary>What became of an item once the import ran (absent in a dry run).</summary>
public enum ImportStatus
{
    Created,
    Updated,

    /// <summary>Left alone because of its action (conflict, invalid, forbidden, draft required).</summary>
    Skipped,

    /// <summary>Was to be written but was not: storage did not answer, or the config changed while importing.</summary>
    Failed,
}

/// <summary>
/// One item of an import file (<paramref name="Index"/> counts from 0), what the import does with it and, unless
/// it was a dry run, what became of it. <paramref name="CurrentVersion"/> is the stored version found (update, conflict,
/// or a change while importing); <paramref name="Version"/> the version written.
/// </summary>
public sealed record ImportItem(
    int Index,
    string? Id,
    ImportAction Action,
    ImportStatus? Status = null,
    long? Version = null,
    long? CurrentVersion = null,
    string? Error = null,
    IDictionary<string, string[]>? Errors = null);
