using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Microsoft.Extensions.Logging;

namespace FlowConfigs.Grains.Storage.DynamoDb;

/// <summary>
/// A write's audit line and change event, kept in the revisions table: audit lines in one partition per UTC month
/// (<c>audit#2026-11</c>, listed in <c>audit#months</c>), events in <c>outbox#pending</c>, each sorted by a number made
/// of the time in milliseconds and three random digits. Without transactions they are written before the document,
/// carrying <c>ref</c>, <c>refVersion</c> and <c>writeId</c>; they count once the document reached that version by
/// that writer (its revision says who wrote it), and those marks are removed then.
/// </summary>
internal sealed class SideRecords(DynamoDbStorageOptions options, IAmazonDynamoDB client, ILogger logger)
{
    private const string Outbox = "outbox#pending";
    private const string Months = "audit#months";
    private static readonly string[] PendingMarks = ["ref", "refVersion", "writeId"];

    private readonly HashSet<string> _monthsNoted = [];

    /// <summary>The items written, so the write can confirm or drop them.</summary>
    public sealed record Written(IReadOnlyList<Dictionary<string, AttributeValue>> Keys);

    /// <summary>Refuses, before anything is written, a write whose records storage could not settle.</summary>
    public static void Check(DocumentWrite write)
    {
        if ((write.Audit is not null || write.Event is not null) && write.Revision is null)
            throw new ArgumentException("A write with an audit line or an event must keep a revision: it is how storage tells whether the write landed.", nameof(write));
    }

    public async Task<Written> PutPendingAsync(string itemId, DocumentWrite write, CancellationToken cancellationToken)
    {
        if (write.Audit is null && write.Event is null)
            return new Written([]);
        var keys = new List<Dictionary<string, AttributeValue>>();
        var pending = new Dictionary<string, AttributeValue>
        {
            ["ref"] = new() { S = itemId },
            ["refVersion"] = AttributeMapper.Number(write.NextVersion),
            ["writeId"] = new() { S = write.Writer },
        };
        if (write.Audit is { } audit)
        {
            var month = MonthOf(audit.At);
            await NoteMonthAsync(month, cancellationToken);
            var item = AuditItem(audit);
            foreach (var (name, value) in pending) item[name] = value;
            keys.Add(await PutSequencedAsync("audit#" + month, audit.At, item, cancellationToken));
        }
        if (write.Event is { } change)
        {
            var item = new Dictionary<string, AttributeValue>(pending)
            {
                ["eventId"] = new() { S = change.EventId },
                ["at"] = new() { S = change.At.ToString("O", CultureInfo.InvariantCulture) },
                ["subject"] = new() { S = change.Subject },
                ["body"] = AttributeMapper.ToAttribute(change.Body),
            };
            keys.Add(await PutSequencedAsync(Outbox, change.At, item, cancellationToken));
        }
        return new Written(keys);
    }

    /// <summary>
    /// Puts an audit line copied from another store, already counted; its place comes from its time and its position
    /// there, so a second copy of the same line finds it taken. False when it was.
    /// </summary>
    public async Task<bool> ImportAuditAsync(StoredAudit line, CancellationToken cancellationToken)
    {
        var audit = line.Record;
        var month = MonthOf(audit.At);
        await NoteMonthAsync(month, cancellationToken);
        var item = AuditItem(audit);
        item["id"] = new() { S = "audit#" + month };
        item["version"] = AttributeMapper.Number(Sequence(audit.At, (int)(long.Parse(line.Seq, CultureInfo.InvariantCulture) % 1000)));
        try
        {
            await client.PutItemAsync(new PutItemRequest { TableName = options.RevisionsTableName, Item = item, ConditionExpression = "attribute_not_exists(version)" },
                cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    /// <summary>The write landed: its records count from now on without a check. Best effort: readers check those still marked.</summary>
    public async Task ConfirmAsync(Written written)
    {
        foreach (var key in written.Keys)
            await BestEffortAsync(() => client.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = options.RevisionsTableName,
                Key = key,
                UpdateExpression = "REMOVE #ref, refVersion, writeId",
                ConditionExpression = "attribute_exists(version)",
                ExpressionAttributeNames = new() { ["#ref"] = "ref" },
            }), "confirming");
    }

    /// <summary>The write lost its condition: its records never count. Best effort: readers drop those they find dead.</summary>
    public async Task DropAsync(Written written)
    {
        foreach (var key in written.Keys)
            await BestEffortAsync(() => client.DeleteItemAsync(new DeleteItemRequest { TableName = options.RevisionsTableName, Key = key }), "dropping");
    }

    public async Task<AuditPage> ListAuditAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        var (cursorMonth, cursorSeq) = ParseCursor(query.Cursor);
        var lowest = query.From is { } from ? Sequence(from, 0) : 0;
        var highest = query.To is { } to ? Sequence(to, 0) - 1 : long.MaxValue;
        if (cursorSeq is { } after) highest = Math.Min(highest, after - 1);
        var months = (await MonthsAsync(cancellationToken))
            .Where(m => cursorMonth is null || string.CompareOrdinal(m, cursorMonth) <= 0)
            .Where(m => query.From is not { } f || string.CompareOrdinal(m, MonthOf(f)) >= 0)
            .Where(m => query.To is not { } t || string.CompareOrdinal(m, MonthOf(t)) <= 0);
        var found = new List<StoredAudit>();
        foreach (var month in months)
        {
            await foreach (var item in QueryAsync("audit#" + month, lowest, highest, forward: false, Filter(query), cancellationToken))
            {
                if (await CountsAsync(item, cancellationToken) != true) continue;
                found.Add(new StoredAudit(month + ":" + item["version"].N, Audit(item)));
                if (found.Count > query.Limit)
                    return new AuditPage(found[..query.Limit], found[query.Limit - 1].Seq);
            }
        }
        return new AuditPage(found, null);
    }

    public async Task<IReadOnlyList<OutboxEvent>> ListOutboxAsync(int limit, CancellationToken cancellationToken)
    {
        var found = new List<OutboxEvent>();
        await foreach (var item in QueryAsync(Outbox, 0, long.MaxValue, forward: true, null, cancellationToken))
        {
            switch (await CountsAsync(item, cancellationToken))
            {
                case true:
                    found.Add(new OutboxEvent(item["eventId"].S, DateTimeOffset.Parse(item["at"].S, CultureInfo.InvariantCulture), item["subject"].S,
                        AttributeMapper.ToJsonObject(item["body"].M)) { Position = item["version"].N });
                    if (found.Count == limit) return found;
                    break;
                case false:
                    await DropAsync(new Written([Key(item)]));
                    break;
            }
        }
        return found;
    }

    public Task RemoveOutboxAsync(OutboxEvent delivered, CancellationToken cancellationToken) =>
        client.DeleteItemAsync(new DeleteItemRequest
        {
            TableName = options.RevisionsTableName,
            Key = new() { ["id"] = new() { S = Outbox }, ["version"] = new() { N = delivered.Position ?? throw new ArgumentException("Not listed by this store.", nameof(delivered)) } },
        }, cancellationToken);

    /// <summary>
    /// Whether a record's write landed: true once confirmed, or when the document reached its version by its writer;
    /// false when another writer took that version; null while unknown (the write may still land).
    /// </summary>
    private async Task<bool?> CountsAsync(Dictionary<string, AttributeValue> item, CancellationToken cancellationToken)
    {
        if (!item.ContainsKey("ref")) return true;
        var itemId = item["ref"].S;
        var version = AttributeMapper.Number(item, "refVersion")!.Value;
        var document = await client.GetItemAsync(new GetItemRequest
        {
            TableName = options.TableName,
            Key = new() { ["id"] = new() { S = itemId } },
            ProjectionExpression = "version",
            ConsistentRead = true,
        }, cancellationToken);
        if ((AttributeMapper.Number(document.Item, "version") ?? 0) < version)
            return null;
        var revision = await client.GetItemAsync(new GetItemRequest
        {
            TableName = options.RevisionsTableName,
            Key = new() { ["id"] = new() { S = itemId }, ["version"] = AttributeMapper.Number(version) },
            ProjectionExpression = "writeId",
            ConsistentRead = true,
        }, cancellationToken);
        // A revision gone by retention was committed long ago, by this writer or another: keeping the record loses no audit line.
        var landed = revision.Item is not { Count: > 0 } held || held.GetValueOrDefault("writeId")?.S == item["writeId"].S;
        if (landed)
            await ConfirmAsync(new Written([Key(item)]));
        return landed;
    }

    private static (string? Month, long? Seq) ParseCursor(string? cursor) =>
        cursor?.Split(':') is [var month, var seq] && long.TryParse(seq, CultureInfo.InvariantCulture, out var parsed) ? (month, parsed) : (null, null);

    private static (string Expression, Dictionary<string, string> Names, Dictionary<string, AttributeValue> Values)? Filter(AuditQuery query)
    {
        var parts = new List<string>();
        var names = new Dictionary<string, string>();
        var values = new Dictionary<string, AttributeValue>();
        void Equal(string attribute, string? value)
        {
            if (value is null) return;
            names["#" + attribute] = attribute;
            values[":" + attribute] = new AttributeValue { S = value };
            parts.Add($"#{attribute} = :{attribute}");
        }
        Equal("documentId", query.Id);
        Equal("by", query.By);
        Equal("action", query.Action);
        return parts.Count == 0 ? null : (string.Join(" AND ", parts), names, values);
    }

    private async IAsyncEnumerable<Dictionary<string, AttributeValue>> QueryAsync(string partition, long lowest, long highest, bool forward,
        (string Expression, Dictionary<string, string> Names, Dictionary<string, AttributeValue> Values)? filter,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var request = new QueryRequest
            {
                TableName = options.RevisionsTableName,
                KeyConditionExpression = "id = :partition AND version BETWEEN :lowest AND :highest",
                ExpressionAttributeValues = new()
                {
                    [":partition"] = new() { S = partition },
                    [":lowest"] = AttributeMapper.Number(lowest),
                    [":highest"] = AttributeMapper.Number(highest),
                },
                ScanIndexForward = forward,
                ConsistentRead = true,
                ExclusiveStartKey = start,
            };
            if (filter is { } f)
            {
                request.FilterExpression = f.Expression;
                request.ExpressionAttributeNames = f.Names;
                foreach (var (name, value) in f.Values) request.ExpressionAttributeValues[name] = value;
            }
            var page = await client.QueryAsync(request, cancellationToken);
            foreach (var item in page.Items ?? [])
                yield return item;
            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);
    }

    /// <summary>Puts an item at a free sequence number of <paramref name="partition"/>; two writers in one millisecond try again.</summary>
    private async Task<Dictionary<string, AttributeValue>> PutSequencedAsync(string partition, DateTimeOffset at, Dictionary<string, AttributeValue> item,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var key = new Dictionary<string, AttributeValue>
            {
                ["id"] = new() { S = partition },
                ["version"] = AttributeMapper.Number(Sequence(at, Random.Shared.Next(1000))),
            };
            try
            {
                await client.PutItemAsync(new PutItemRequest
                {
                    TableName = options.RevisionsTableName,
                    Item = new Dictionary<string, AttributeValue>(item) { ["id"] = key["id"], ["version"] = key["version"] },
                    ConditionExpression = "attribute_not_exists(version)",
                }, cancellationToken);
                return key;
            }
            catch (ConditionalCheckFailedException) when (attempt < 10)
            {
            }
        }
    }

    private async Task NoteMonthAsync(string month, CancellationToken cancellationToken)
    {
        lock (_monthsNoted)
            if (_monthsNoted.Contains(month)) return;
        await client.PutItemAsync(new PutItemRequest
        {
            TableName = options.RevisionsTableName,
            Item = new() { ["id"] = new() { S = Months }, ["version"] = AttributeMapper.Number(long.Parse(month.Replace("-", ""), CultureInfo.InvariantCulture)), ["month"] = new() { S = month } },
        }, cancellationToken);
        lock (_monthsNoted)
            _monthsNoted.Add(month);
    }

    /// <summary>The months with audit lines, newest first.</summary>
    private async Task<List<string>> MonthsAsync(CancellationToken cancellationToken)
    {
        var months = new List<string>();
        await foreach (var item in QueryAsync(Months, 0, long.MaxValue, forward: false, null, cancellationToken))
            months.Add(item["month"].S);
        return months;
    }

    /// <summary>An audit line's attributes, without its key; <see cref="Audit"/> reads them back.</summary>
    private static Dictionary<string, AttributeValue> AuditItem(AuditRecord audit)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            ["at"] = new() { S = audit.At.ToString("O", CultureInfo.InvariantCulture) },
            ["by"] = new() { S = audit.By },
            ["kind"] = new() { S = audit.Kind },
            ["documentId"] = new() { S = audit.Id },
            ["action"] = new() { S = audit.Action },
        };
        if (audit.Version is { } version) item["documentVersion"] = AttributeMapper.Number(version);
        if (audit.Details is { } details) item["details"] = AttributeMapper.ToAttribute(details);
        return item;
    }

    private static AuditRecord Audit(Dictionary<string, AttributeValue> item) => new(
        DateTimeOffset.Parse(item["at"].S, CultureInfo.InvariantCulture),
        item["by"].S,
        item["kind"].S,
        item["documentId"].S,
        AttributeMapper.Number(item, "documentVersion"),
        item["action"].S,
        item.TryGetValue("details", out var details) && details.M is { } map ? AttributeMapper.ToJsonObject(map) : null);

    private static Dictionary<string, AttributeValue> Key(Dictionary<string, AttributeValue> item) => new() { ["id"] = item["id"], ["version"] = item["version"] };

    private static string MonthOf(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static long Sequence(DateTimeOffset at, int random) => at.ToUnixTimeMilliseconds() * 1000 + random;

    private async Task BestEffortAsync(Func<Task> operation, string what)
    {
        try
        {
            await operation();
        }
        catch (ConditionalCheckFailedException)
        {
            // Already removed (delivered) or dropped by a reader: nothing left to do.
        }
        catch (Exception exception) when (exception is AmazonClientException or AmazonServiceException or HttpRequestException or OperationCanceledException)
        {
            logger.LogWarning("DynamoDB: {What} an audit line or event failed ({Reason}); readers settle it", what, exception.Message);
        }
    }
}
