using System.Text.Json;
using FlowConfigs.Domain.Configs;

namespace FlowConfigs.Domain.Settings;

/// <summary>Reads settings sent by a client, strictly (as <see cref="FlowConfigDocument"/>).</summary>
public static class AppSettingsDocument
{
    /// <summary>
    /// Rules: <c>locales</c> required array of { code (language format as prompts), name (1–128), voices (array of
    /// 1–64 char voice ids, may be empty) }, codes unique; <c>fallbackLocale</c> null or one of the codes; unknown fields
    /// rejected; version/updatedAt/updatedBy accepted and ignored except version (the concurrency check).
    /// </summary>
    public static ReadResult<AppSettings> Read(JsonElement document) => throw new NotImplementedException();
}
