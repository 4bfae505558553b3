using System.Globalization;
using System.Text;
using System.Text.Json;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Gateway.Features.Access;
using FlowConfigs.Gateway.Http;
using FlowConfigs.Grains.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FlowConfigs.Gateway.Features.ChangeControl;

public sealed record AuditEntry(string Seq, DateTimeOffset At, string By, string Kind, string Id, long? Version, string Action,
    string? Comment, IReadOnlyList<string>? ApprovedBy, Emergency? Emergency, string? Detail);

public sealed record AuditList(IReadOnlyList<AuditEntry> Items, string? NextCursor);

/// <summary>
/// The audit log, newest first, for Full users on every config: paged JSON, or CSV (all matching lines, up to
/// <see cref="MaxCsvRows"/>) when the client accepts <c>text/csv</c>. Read straight from storage, which keeps each
/// line in the durable step of its change.
/// </summary>
internal static class AuditEndpoint
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;
    public const int MaxCsvRows = 100_000;

    public static async Task<Results<Ok<AuditList>, EmptyHttpResult, BadRequestProblem, ForbiddenProblem, UnavailableProblem>> ListAsync(
        HttpContext context, IDocumentStore store, CallerAccess access, TimeProvider clock,
        string? id = null, string? user = null, string? from = null, string? to = null, string? action = null, string? cursor = null, string? limit = null)
    {
        if (!await access.CanViewAuditAsync(context.RequestAborted))
            return Problems.Forbidden("The audit log needs Full access on every config.");
        var errors = new FieldErrors();
        var query = new AuditQuery(
            Text(id, nameof(id), errors), Text(user, nameof(user), errors), Time(from, nameof(from), errors), Time(to, nameof(to), errors),
            Text(action, nameof(action), errors), Text(cursor, nameof(cursor), errors), Limit(limit, errors));
        if (!errors.IsEmpty) return Problems.Fields(errors);

        try
        {
            if (context.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase)))
            {
                await WriteCsvAsync(context, store, query with { Limit = MaxLimit }, clock);
                return TypedResults.Empty;
            }
            var page = await store.ListAuditAsync(query, context.RequestAborted);
            return TypedResults.Ok(new AuditList([.. page.Items.Select(Entry)], page.NextCursor));
        }
        catch (StorageUnavailableException exception)
        {
            return Problems.Unavailable("Storage unavailable", $"Storage is not answering, so the audit log cannot be read ({exception.Message}). Try again in a moment.");
        }
    }

    private static async Task WriteCsvAsync(HttpContext context, IDocumentStore store, AuditQuery query, TimeProvider clock)
    {
        // The first page is read before anything is written, so storage that is down still answers 503.
        var page = await store.ListAuditAsync(query, context.RequestAborted);
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"audit-{clock.GetUtcNow():yyyy-MM-dd}.csv\"";
        await using var writer = new StreamWriter(context.Response.Body, new UTF8Encoding(false));
        await writer.WriteLineAsync("at,by,kind,id,version,action,approvedBy,emergencyReason,comment,detail");
        var rows = 0;
        while (true)
        {
            foreach (var item in page.Items)
            {
                var entry = Entry(item);
                await writer.WriteLineAsync(string.Join(',',
                    Cell(entry.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)), Cell(entry.By), Cell(entry.Kind), Cell(entry.Id),
                    Cell(entry.Version?.ToString(CultureInfo.InvariantCulture)), Cell(entry.Action), Cell(entry.ApprovedBy is { } a ? string.Join(' ', a) : null),
                    Cell(entry.Emergency?.Reason), Cell(entry.Comment), Cell(entry.Detail)));
                if (++rows >= MaxCsvRows) return;
            }
            if (page.NextCursor is null) return;
            page = await store.ListAuditAsync(query with { Cursor = page.NextCursor }, context.RequestAborted);
        }
    }

    /// <summary>
    /// RFC 4180 quoting; a cell a spreadsheet would read as a formula (<c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>) starts
    /// with a quote mark, so a reason typed by a user cannot run in the auditor's spreadsheet.
    /// </summary>
    internal static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static AuditEntry Entry(StoredAudit stored)
    {
        var record = stored.Record;
        var details = record.Details;
        return new AuditEntry(stored.Seq, record.At, record.By, record.Kind, record.Id, record.Version, record.Action,
            details?["comment"]?.GetValue<string>(),
            details?["approvedBy"]?.Deserialize<string[]>(),
            details?["emergency"]?["reason"]?.GetValue<string>() is { } reason ? new Emergency(reason) : null,
            details?["detail"]?.GetValue<string>());
    }

    private static string? Text(string? value, string field, FieldErrors errors)
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (value.Length > 256) errors.Add(field, $"{field} is at most 256 characters.");
        return value;
    }

    /// <summary>A date (midnight UTC) or a time with an offset.</summary>
    private static DateTimeOffset? Time(string? value, string field, FieldErrors errors)
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
            return time;
        errors.Add(field, $"'{(value.Length > 40 ? value[..40] + "…" : value)}' is not a date such as 2026-12-01 or a time such as 2026-12-01T09:00:00Z.");
        return null;
    }

    private static int Limit(string? value, FieldErrors errors)
    {
        if (string.IsNullOrEmpty(value)) return DefaultLimit;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= MaxLimit) return limit;
        errors.Add("limit", $"limit is a whole number from 1 to {MaxLimit}.");
        return DefaultLimit;
    }
}
