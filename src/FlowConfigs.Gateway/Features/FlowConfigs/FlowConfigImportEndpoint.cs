using System.ComponentModel;
using System.Text.Json;
using FlowConfigs.Domain.Access;
using FlowConfigs.Domain.ChangeControl;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Gateway.Features.Access;
using FlowConfigs.Gateway.Features.Calendars;
using FlowConfigs.Gateway.Features.Settings;
using FlowConfigs.Gateway.Http;
using FlowConfigs.Grains.Configs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FlowConfigs.Gateway.Features.FlowConfigs;

/// <summary>
/// Imports a JSON array of configs. Every item is planned first (create, update, conflict, invalid, forbidden, draft
/// required), then the creates and updates are written one by one. An existing config is overwritten only when the
/// caller asks for it, and a dry run answers the plan without writing anything, so a person can review what a file
/// would do.
/// </summary>
internal static class FlowConfigImportEndpoint
{
    public static async Task<Results<Ok<ImportItem[]>, ForbiddenProblem, BodyProblem>> ImportAsync(
        HttpContext context, IGrainFactory grains, CallerAccess access, SettingsSnapshot settings,
        [Description("true: answer what the import would do, write nothing.")] string? dryRun = null,
        [Description("true: save each item whose config exists over it, as a new version. Otherwise an existing id is a conflict and is left alone.")] string? overwrite = null)
    {
        if (ReadSwitch(dryRun) is not { } isDryRun) return (BodyProblem)Problems.Field(nameof(dryRun), "dryRun is true or false.");
        if (ReadSwitch(overwrite) is not { } overwrites) return (BodyProblem)Problems.Field(nameof(overwrite), "overwrite is true or false.");
        if (!AccessPolicy.CanCreateConfigs(access.Caller))
            return Problems.Forbidden("Importing needs Full access on at least the imported ids.");

        var (body, unreadable) = await JsonBody.ReadAsync(context.Request, FlowConfigTransferEndpoints.MaxImportBytes);
        if (unreadable is not null) return unreadable;
        using var _ = body;

        var root = body!.RootElement;
        if (root.ValueKind != JsonValueKind.Array) return Problems.Body("body", "The body must be a JSON array of flow configs.");
        if (root.GetArrayLength() > FlowConfigTransferEndpoints.MaxImportItems)
            return Problems.Body("body", $"At most {FlowConfigTransferEndpoints.MaxImportItems} configs per import.", StatusCodes.Status413PayloadTooLarge);

        var cancellationToken = context.RequestAborted;
        var (plan, configs) = await PlanAsync(root, grains, access, settings, overwrites, cancellationToken);
        if (isDryRun) return TypedResults.Ok(plan);

        for (var i = 0; i < plan.Length; i++)
            plan[i] = configs[i] is { } config ? await WriteAsync(plan[i], config, grains, access.Caller.Username) : plan[i] with { Status = ImportStatus.Skipped };
        return TypedResults.Ok(plan);
    }

    /// <summary>Absent is false; anything but true or false is null.</summary>
    private static bool? ReadSwitch(string? value) => value switch
    {
        null => false,
        _ when value.Equals("true", StringComparison.OrdinalIgnoreCase) => true,
        _ when value.Equals("false", StringComparison.OrdinalIgnoreCase) => false,
        _ => null,
    };

    /// <returns>Each item's action, and the config to write for each create or update (null for the others).</returns>
    private static async Task<(ImportItem[] Plan, FlowConfig?[] Configs)> PlanAsync(
        JsonElement root, IGrainFactory grains, CallerAccess access, SettingsSnapshot settings, bool overwrites, CancellationToken cancellationToken)
    {
        var plan = new ImportItem[root.GetArrayLength()];
        var configs = new FlowConfig?[plan.Length];
        var firstItemWith = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in root.EnumerateArray())
        {
            var i = index++;
            var read = FlowConfigDocument.Read(item, null);
            if (!read.IsValid)
            {
                plan[i] = Invalid(i, ClaimedId(item), read.Errors.ToDictionary(), read.Errors.ToString());
                continue;
            }
            var config = read.Value!;
            if (firstItemWith.TryGetValue(config.Id, out var first))
            {
                plan[i] = Invalid(i, config.Id, "id", $"Item {first + 1} of this file has the same id; an id appears once per import.");
                continue;
            }
            firstItemWith[config.Id] = i;
            if (FlowConfigRules.CheckSize(config, settings.Current.FallbackLocale) is { } tooLarge)
            {
                plan[i] = Invalid(i, config.Id, tooLarge.Field, tooLarge.Message);
                continue;
            }
            if (await ScheduleCalendars.MissingAsync(config, grains) is { IsEmpty: false } missing)
            {
                plan[i] = Invalid(i, config.Id, missing.ToDictionary(), missing.ToString());
                continue;
            }
            configs[i] = config;
        }

        var candidates = Enumerable.Range(0, plan.Length).Where(i => configs[i] is not null).ToArray();
        var levels = candidates.Length == 0 ? [] : await access.LevelsAsync(Array.ConvertAll(candidates, i => configs[i]!.Id), cancellationToken);
        // Before the existence check: telling someone without Full access that an id exists (and its version) would
        // reveal configs they may not even read.
        for (var c = 0; c < candidates.Length; c++)
        {
            var i = candidates[c];
            if (levels[c] >= AccessLevel.Full) continue;
            plan[i] = new ImportItem(i, configs[i]!.Id, ImportAction.Forbidden, Error: $"Importing flow config {configs[i]!.Id} needs Full access on it.");
            configs[i] = null;
        }

        // In the plan, so a dry run shows it before anyone relies on the file; the grain checks the rules again at
        // write time, as they may change in between.
        foreach (var i in candidates)
        {
            if (configs[i] is not { } config || ApprovalRule.Required(settings.Current.Approvals, config.Id) is not (> 0 and var required)) continue;
            plan[i] = new ImportItem(i, config.Id, ImportAction.DraftRequired, Error: DraftRequiredError(config.Id, required));
            configs[i] = null;
        }

        // A few grains at a time, as export reads them: a file of 1,000 configs should not wait on 1,000 calls in a row.
        await Parallel.ForAsync(0, plan.Length, new ParallelOptions { MaxDegreeOfParallelism = StreamedConfigs.Parallelism, CancellationToken = cancellationToken },
            async (i, _) =>
            {
                if (configs[i] is not { } config) return;
                var current = await grains.GetGrain<IFlowConfigGrain>(config.Id).GetAsync();
                plan[i] = current is null ? new ImportItem(i, config.Id, ImportAction.Create)
                    : overwrites ? new ImportItem(i, config.Id, ImportAction.Update, CurrentVersion: current.Version)
                    : new ImportItem(i, config.Id, ImportAction.Conflict, CurrentVersion: current.Version,
                        Error: $"Flow config {config.Id} already exists (version {current.Version}). Import with overwrite to save this file's config over it as a new version.");
                if (plan[i].Action == ImportAction.Conflict) configs[i] = null;
            });
        return (plan, configs);
    }

    /// <summary>
    /// Writes a planned create or update. The file's <c>version</c> plays no part: a create must find no config, an
    /// update the version the plan saw, so a config changed in between is reported rather than silently overwritten.
    /// </summary>
    private static async Task<ImportItem> WriteAsync(ImportItem planned, FlowConfig config, IGrainFactory grains, string username)
    {
        var condition = planned.Action == ImportAction.Create
            ? new SaveCondition(MustNotExist: true)
            : new SaveCondition(ExpectedVersion: planned.CurrentVersion);
        var outcome = await grains.GetGrain<IFlowConfigGrain>(config.Id).SaveAsync(config, condition, username, AccessLevel.Full, new ChangeOptions(Action: "import"));
        return outcome.Status switch
        {
            SaveStatus.Created => planned with { Status = ImportStatus.Created, Version = outcome.Config!.Version },
            SaveStatus.Updated => planned with { Status = ImportStatus.Updated, Version = outcome.Config!.Version },
            SaveStatus.Unavailable => planned with { Status = ImportStatus.Failed, Error = outcome.Fault!.Detail },
            SaveStatus.DraftRequired => planned with { Status = ImportStatus.Failed, Error = DraftRequiredError(config.Id, outcome.ApprovalsRequired) },
            SaveStatus.PreconditionFailed => planned with
            {
                Status = ImportStatus.Failed,
                CurrentVersion = outcome.CurrentVersion,
                Error = $"Flow config {config.Id} changed while importing (it is at version {outcome.CurrentVersion} now); nothing was written for it.",
            },
            _ => planned with { Status = ImportStatus.Failed, Error = outcome.Forbidden?.Message ?? $"Flow config {config.Id} was not written." },
        };
    }

    private static string DraftRequiredError(string id, int approvals) =>
        $"Flow config {id} needs {(approvals == 1 ? "1 approval" : $"{approvals} approvals")} before a change goes live; " +
        "import does not bypass review: save it as a draft in the editor and submit it.";

    private static ImportItem Invalid(int index, string? id, string field, string message) =>
        Invalid(index, id, new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] }, $"{field}: {message}");

    private static ImportItem Invalid(int index, string? id, IDictionary<string, string[]> errors, string error) =>
        new(index, id, ImportAction.Invalid, Error: error, Errors: errors);

    /// <summary>The id an item names, to report it by even when the item is invalid.</summary>
    private static string? ClaimedId(JsonElement item) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
}
