using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlowConfigs.Grains.Storage.DynamoDb;

/// <summary>
/// Documents in DynamoDB, laid out for people: a document is one item whose attributes are its own fields as native
/// maps, plus <c>id</c> (mapped by <see cref="DynamoDbStorageOptions.ItemIds"/>), <c>version</c> and, once deleted,
/// <c>deleted</c>. Conditional writes on <c>version</c> give optimistic concurrency. Without transactions (dynalite
/// has none) a revision is written first, conditionally, then the item; readers only see revisions up to the item's
/// version, so a crash between the two shows nothing half done. A write's audit line and change event are items of
/// the revisions table written between the two, marked with the write they belong to until it is known to have
/// landed: readers list only those whose write did (<see cref="SideRecords"/>).
/// </summary>
public sealed class DynamoDbDocumentStore(
    IOptions<DynamoDbStorageOptions> configured, IAmazonDynamoDB client, TimeProvider clock, ILogger<DynamoDbDocumentStore> logger)
    : IDocumentStore, ILifecycleParticipant<ISiloLifecycle>
{
    private static readonly HashSet<string> Bookkeeping = ["id", "version", "etag", "deleted", "writeId"];

    private readonly DynamoDbStorageOptions _options = configured.Value;
    private readonly ItemIdMap _ids = new(configured.Value.ItemIds);
    private readonly SideRecords _sides = new(configured.Value, client, logger);

    public Task<AuditPage> ListAuditAsync(AuditQuery query, CancellationToken cancellationToken = default) =>
        GuardAsync(new DocumentKey("audit", "*"), () => _sides.ListAuditAsync(query, cancellationToken));

    public Task<IReadOnlyList<OutboxEvent>> ListOutboxAsync(int limit, CancellationToken cancellationToken = default) =>
        GuardAsync(new DocumentKey("outbox", "*"), () => _sides.ListOutboxAsync(limit, cancellationToken));

    public Task RemoveOutboxAsync(OutboxEvent delivered, CancellationToken cancellationToken = default) =>
        GuardAsync(new DocumentKey("outbox", delivered.EventId), async () =>
        {
            await _sides.RemoveOutboxAsync(delivered, cancellationToken);
            return true;
        });

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(DynamoDbDocumentStore), ServiceLifecycleStage.ApplicationServices, CheckTablesAsync);

    /// <summary>Fails start-up with a sentence an operator can act on when a table is missing, misnamed or unreachable.</summary>
    public async Task CheckTablesAsync(CancellationToken cancellationToken = default)
    {
        foreach (var (table, setting, range) in new[] { (_options.TableName, "TableName", (string?)null), (_options.RevisionsTableName, "RevisionsTableName", "version") })
        {
            try
            {
                await client.DescribeTableAsync(table, cancellationToken);
            }
            catch (ResourceNotFoundException) when (_options.CreateTables)
            {
                await CreateTableAsync(table, range, cancellationToken);
            }
            catch (ResourceNotFoundException exception)
            {
                throw new InvalidOperationException(
                    $"DynamoDB table '{table}' does not exist (FlowConfigs:Storage:DynamoDB:{setting}, region {RegionName}). Deploy the CDK app or set FlowConfigs__Storage__DynamoDB__CreateTables=true for a local endpoint.",
                    exception);
            }
            catch (AmazonDynamoDBException exception) when (exception.ErrorCode == "ValidationException")
            {
                // The service reached us and refused the request itself: the setting is wrong, not the network.
                throw new InvalidOperationException(
                    $"DynamoDB refused table '{table}' (FlowConfigs:Storage:DynamoDB:{setting}): {exception.Message}", exception);
            }
            catch (Exception exception) when (exception is AmazonClientException or AmazonServiceException or HttpRequestException
                                              || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // No credentials, an unreachable endpoint (DNS, timeouts while the credential chain probes), or the
                // service refusing the caller: all say which table, region and settings to check.
                throw new InvalidOperationException(
                    $"DynamoDB could not be reached for table '{table}' (region {RegionName}, endpoint {_options.ServiceUrl ?? "from the region"}): {exception.GetType().Name}: {exception.Message} " +
                    "Check AWS_REGION or FlowConfigs__Storage__DynamoDB__Region, and credentials (AWS_ACCESS_KEY_ID, AWS_PROFILE or the task role).",
                    exception);
            }
        }
        logger.LogInformation("Document store: DynamoDB tables {Table} and {Revisions}", _options.TableName, _options.RevisionsTableName);
    }

    private string RegionName => client.Config.RegionEndpoint?.SystemName ?? _options.Region ?? "from the AWS chain";

    public async Task<string> ProbeAsync(CancellationToken cancellationToken = default)
    {
        foreach (var table in new[] { _options.TableName, _options.RevisionsTableName })
        {
            var status = (await client.DescribeTableAsync(table, cancellationToken)).Table.TableStatus;
            if (status != TableStatus.ACTIVE && status != TableStatus.UPDATING)
                throw new InvalidOperationException($"DynamoDB table '{table}' is {status}.");
        }
        return $"DynamoDB tables {_options.TableName} and {_options.RevisionsTableName} in {RegionName}";
    }

    private async Task CreateTableAsync(string table, string? range, CancellationToken cancellationToken)
    {
        var request = new CreateTableRequest
        {
            TableName = table,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new AttributeDefinition("id", ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement("id", KeyType.HASH)],
        };
        if (range is not null)
        {
            request.AttributeDefinitions.Add(new AttributeDefinition(range, ScalarAttributeType.N));
            request.KeySchema.Add(new KeySchemaElement(range, KeyType.RANGE));
        }
        await client.CreateTableAsync(request, cancellationToken);
        for (var i = 0; i < 100; i++)
        {
            if ((await client.DescribeTableAsync(table, cancellationToken)).Table.TableStatus == TableStatus.ACTIVE) return;
            await Task.Delay(100, cancellationToken);
        }
    }

    public Task<StoredDocument?> ReadAsync(DocumentKey key, CancellationToken cancellationToken = default) =>
        GuardAsync(key, async () => await GetItemAsync(_ids.ItemId(key), cancellationToken) is { } item ? Document(key.Id, item) : null);

    public Task<WriteResult> WriteAsync(DocumentKey key, DocumentWrite write, CancellationToken cancellationToken = default) =>
        GuardAsync(key, async () =>
        {
            SideRecords.Check(write);
            var id = _ids.ItemId(key);
            var claimedAt = clock.GetUtcNow();
            if (write.Revision is { } revision && await PutRevisionAsync(id, revision, write.Writer, claimedAt, cancellationToken) is { } refused)
                return refused;
            var sides = await _sides.PutPendingAsync(id, write, cancellationToken);
            if (write.Revision is not null && clock.GetUtcNow() - claimedAt > _options.RevisionLease - _options.ItemPutBudget)
            {
                // Past this point another writer may take the version over from us (our lease ends before our item
                // could land), and the item's condition cannot see the revisions table: our item would go live under
                // the other writer's revision. Step back; the version is free again for whoever saves next.
                await ReleaseRevisionAsync(id, write.NextVersion, write.Writer);
                await _sides.DropAsync(sides);
                throw new StorageUnavailableException(
                    $"DynamoDB took {(clock.GetUtcNow() - claimedAt).TotalSeconds:0.#} s to claim version {write.NextVersion} of {key} " +
                    $"(lease {_options.RevisionLease.TotalSeconds:0.#} s); nothing was written");
            }

            var item = new Dictionary<string, AttributeValue>();
            if (write.Body is { } body)
            {
                foreach (var (field, value) in body)
                    if (!Bookkeeping.Contains(field))
                        item[field] = AttributeMapper.ToAttribute(value);
            }
            else
            {
                item["deleted"] = new AttributeValue { BOOL = true };
            }
            item["id"] = new AttributeValue { S = id };
            item["version"] = AttributeMapper.Number(write.NextVersion);
            item["writeId"] = new AttributeValue { S = write.Writer };

            var (condition, values) = Condition(write.ExpectedVersion);
            try
            {
                await client.PutItemAsync(new PutItemRequest
                {
                    TableName = _options.TableName,
                    Item = item,
                    ConditionExpression = condition,
                    ExpressionAttributeValues = values,
                }, cancellationToken);
            }
            catch (ConditionalCheckFailedException)
            {
                if (write.Revision is not null)
                    await ReleaseRevisionAsync(id, write.NextVersion, write.Writer);
                await _sides.DropAsync(sides);
                return new WriteResult(WriteStatus.Conflict, Version(await GetItemAsync(id, cancellationToken)));
            }
            if (write.Revision is not null)
                await AfterCommitAsync(id, write.NextVersion);
            await _sides.ConfirmAsync(sides);
            return WriteResult.Written(write.NextVersion);
        });

    public async IAsyncEnumerable<StoredDocument> ListAsync(string kind, IReadOnlyList<string>? fields = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var all = await GuardAsync(new DocumentKey(kind, "*"), async () =>
        {
            var found = new List<StoredDocument>();
            var prefix = _ids.Prefix(kind);
            Dictionary<string, AttributeValue>? start = null;
            do
            {
                var request = new ScanRequest { TableName = _options.TableName, ExclusiveStartKey = start, ConsistentRead = true };
                if (prefix.Length > 0)
                {
                    request.FilterExpression = "begins_with(id, :prefix)";
                    request.ExpressionAttributeValues = new() { [":prefix"] = new AttributeValue { S = prefix } };
                }
                if (fields is not null)
                {
                    // Names go through placeholders: a field may be a DynamoDB reserved word.
                    var names = new[] { "id", "version", "deleted" }.Concat(fields).Distinct(StringComparer.Ordinal).ToArray();
                    request.ExpressionAttributeNames = names.Select((name, i) => (name, i)).ToDictionary(n => $"#f{n.i}", n => n.name);
                    request.ProjectionExpression = string.Join(", ", request.ExpressionAttributeNames.Keys);
                }
                var page = await client.ScanAsync(request, cancellationToken);
                foreach (var item in page.Items ?? [])
                    if (_ids.DocumentId(kind, item["id"].S) is { } id)
                        found.Add(Document(id, item));
                start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
            }
            while (start is not null);
            found.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
            return found;
        });
        foreach (var document in all)
            yield return document;
    }

    public Task<IReadOnlyList<RevisionHeader>> ListRevisionsAsync(DocumentKey key, CancellationToken cancellationToken = default) =>
        GuardAsync(key, async () =>
        {
            var id = _ids.ItemId(key);
            var committed = Version(await GetItemAsync(id, cancellationToken));
            var revisions = new List<RevisionHeader>();
            Dictionary<string, AttributeValue>? start = null;
            do
            {
                var page = await client.QueryAsync(new QueryRequest
                {
                    TableName = _options.RevisionsTableName,
                    KeyConditionExpression = "id = :id AND version <= :committed",
                    ExpressionAttributeValues = new() { [":id"] = new AttributeValue { S = id }, [":committed"] = AttributeMapper.Number(committed) },
                    ProjectionExpression = "version, #at, #by, #action, details",
                    ExpressionAttributeNames = new() { ["#at"] = "at", ["#by"] = "by", ["#action"] = "action" },
                    ScanIndexForward = false,
                    ConsistentRead = true,
                    ExclusiveStartKey = start,
                }, cancellationToken);
                foreach (var item in page.Items ?? [])
                    revisions.Add(new RevisionHeader(AttributeMapper.Number(item, "version")!.Value,
                        DateTimeOffset.Parse(item["at"].S, CultureInfo.InvariantCulture), item["by"].S, item["action"].S) { Details = Details(item) });
                start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
            }
            while (start is not null);
            return (IReadOnlyList<RevisionHeader>)revisions;
        });

    public Task<StoredRevision?> ReadRevisionAsync(DocumentKey key, long version, CancellationToken cancellationToken = default) =>
        GuardAsync(key, async () =>
        {
            var id = _ids.ItemId(key);
            if (version > Version(await GetItemAsync(id, cancellationToken)))
                return null;
            var response = await client.GetItemAsync(new GetItemRequest
            {
                TableName = _options.RevisionsTableName,
                Key = new() { ["id"] = new AttributeValue { S = id }, ["version"] = AttributeMapper.Number(version) },
                ConsistentRead = true,
            }, cancellationToken);
            if (response.Item is not { Count: > 0 } item)
                return null;
            return new StoredRevision(version, DateTimeOffset.Parse(item["at"].S, CultureInfo.InvariantCulture), item["by"].S, item["action"].S,
                AttributeMapper.ToJsonObject(item["document"].M)) { Details = Details(item) };
        });

    /// <summary>
    /// Copies one document with its history from another store (the SQLite → DynamoDB migration): revisions first,
    /// already committed, then the item at its own version, only if the table has no item of that id. False when it
    /// already existed.
    /// </summary>
    public async Task<bool> ImportAsync(DocumentKey key, StoredDocument document, IEnumerable<StoredRevision> revisions, CancellationToken cancellationToken = default)
    {
        var id = _ids.ItemId(key);
        if (await GetItemAsync(id, cancellationToken) is not null)
            return false;
        foreach (var revision in revisions)
            await client.PutItemAsync(new PutItemRequest { TableName = _options.RevisionsTableName, Item = RevisionItem(id, revision) }, cancellationToken);
        var write = new DocumentWrite(document.Version - 1, document.Body);
        var item = new Dictionary<string, AttributeValue>();
        foreach (var (field, value) in document.Body ?? [])
            if (!Bookkeeping.Contains(field))
                item[field] = AttributeMapper.ToAttribute(value);
        if (document.Body is null)
            item["deleted"] = new AttributeValue { BOOL = true };
        item["id"] = new AttributeValue { S = id };
        item["version"] = AttributeMapper.Number(write.NextVersion);
        try
        {
            await client.PutItemAsync(new PutItemRequest { TableName = _options.TableName, Item = item, ConditionExpression = "attribute_not_exists(id)" }, cancellationToken);
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
        return true;
    }

    /// <summary>Copies one audit line from another store (the migration); false when this line was copied before.</summary>
    public Task<bool> ImportAuditAsync(StoredAudit line, CancellationToken cancellationToken = default) => _sides.ImportAuditAsync(line, cancellationToken);

    /// <summary>A committed revision as its item: the document as native maps, like the document's own item.</summary>
    private static Dictionary<string, AttributeValue> RevisionItem(string id, StoredRevision revision)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            ["id"] = new() { S = id },
            ["version"] = AttributeMapper.Number(revision.Version),
            ["at"] = new() { S = revision.At.ToString("O") },
            ["by"] = new() { S = revision.By },
            ["action"] = new() { S = revision.Action },
            ["document"] = AttributeMapper.ToAttribute(revision.Document),
        };
        if (revision.Details is { } details)
            item["details"] = AttributeMapper.ToAttribute(details);
        return item;
    }

    private static JsonObject? Details(Dictionary<string, AttributeValue> item) =>
        item.TryGetValue("details", out var details) && details.M is { } map ? AttributeMapper.ToJsonObject(map) : null;

    /// <summary>
    /// Claims the revision's version: it must not exist, unless it is an uncommitted leftover whose lease ran out (a
    /// writer that crashed between its two writes) or this writer's own (retrying after an unknown outcome). Null
    /// when claimed; else why not.
    /// </summary>
    /// <param name="now">The claim's instant: its lease runs from here, and the writer measures what is left of it from here.</param>
    private async Task<WriteResult?> PutRevisionAsync(string id, StoredRevision revision, string writer, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var item = RevisionItem(id, revision);
        item["writeId"] = new() { S = writer };
        item["pendingUntil"] = AttributeMapper.Number((now + _options.RevisionLease).ToUnixTimeMilliseconds());
        try
        {
            await client.PutItemAsync(new PutItemRequest
            {
                TableName = _options.RevisionsTableName,
                Item = item,
                ConditionExpression = "attribute_not_exists(version) OR (attribute_exists(pendingUntil) AND (pendingUntil < :now OR writeId = :writer))",
                ExpressionAttributeValues = new()
                {
                    [":now"] = AttributeMapper.Number(now.ToUnixTimeMilliseconds()),
                    [":writer"] = new AttributeValue { S = writer },
                },
            }, cancellationToken);
            return null;
        }
        catch (ConditionalCheckFailedException)
        {
            var stored = Version(await GetItemAsync(id, cancellationToken));
            var held = await client.GetItemAsync(new GetItemRequest
            {
                TableName = _options.RevisionsTableName,
                Key = new() { ["id"] = new AttributeValue { S = id }, ["version"] = AttributeMapper.Number(revision.Version) },
                ConsistentRead = true,
            }, cancellationToken);
            // A committed revision at this version means someone else saved first; an uncommitted one with time left on
            // its lease belongs to a writer that stopped mid-save.
            if (stored < revision.Version && AttributeMapper.Number(held.Item, "pendingUntil") is { } until)
                return new WriteResult(WriteStatus.Leased, stored, DateTimeOffset.FromUnixTimeMilliseconds(until));
            return new WriteResult(WriteStatus.Conflict, stored);
        }
    }

    /// <summary>Marks the revision committed (it can never be replaced now) and applies retention; both best effort.</summary>
    private async Task AfterCommitAsync(string id, long version)
    {
        try
        {
            await client.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = _options.RevisionsTableName,
                Key = new() { ["id"] = new AttributeValue { S = id }, ["version"] = AttributeMapper.Number(version) },
                UpdateExpression = "REMOVE pendingUntil",
            });
            if (_options.KeepRevisions > 0 && version > _options.KeepRevisions)
            {
                var old = await client.QueryAsync(new QueryRequest
                {
                    TableName = _options.RevisionsTableName,
                    KeyConditionExpression = "id = :id AND version <= :oldest",
                    ExpressionAttributeValues = new() { [":id"] = new AttributeValue { S = id }, [":oldest"] = AttributeMapper.Number(version - _options.KeepRevisions) },
                    ProjectionExpression = "id, version",
                });
                foreach (var key in old.Items ?? [])
                    await client.DeleteItemAsync(new DeleteItemRequest { TableName = _options.RevisionsTableName, Key = key });
            }
        }
        catch (Exception exception) when (exception is AmazonClientException or AmazonServiceException or HttpRequestException or OperationCanceledException)
        {
            logger.LogWarning(exception, "Revision bookkeeping for {Id} version {Version} failed; the write itself is stored", id, version);
        }
    }

    /// <summary>Frees a version this writer claimed for a write that then lost its condition; best effort (the lease frees it anyway).</summary>
    private async Task ReleaseRevisionAsync(string id, long version, string writer)
    {
        try
        {
            await client.DeleteItemAsync(new DeleteItemRequest
            {
                TableName = _options.RevisionsTableName,
                Key = new() { ["id"] = new AttributeValue { S = id }, ["version"] = AttributeMapper.Number(version) },
                ConditionExpression = "attribute_exists(pendingUntil) AND writeId = :writer",
                ExpressionAttributeValues = new() { [":writer"] = new AttributeValue { S = writer } },
            });
        }
        catch (Exception exception) when (exception is AmazonClientException or AmazonServiceException or HttpRequestException or OperationCanceledException)
        {
            logger.LogDebug(exception, "Releasing revision {Version} of {Id} failed; its lease frees it", version, id);
        }
    }

    private async Task<Dictionary<string, AttributeValue>?> GetItemAsync(string id, CancellationToken cancellationToken)
    {
        var response = await client.GetItemAsync(new GetItemRequest
        {
            TableName = _options.TableName,
            Key = new() { ["id"] = new AttributeValue { S = id } },
            ConsistentRead = true,
        }, cancellationToken);
        return response.Item is { Count: > 0 } item ? item : null;
    }

    /// <summary>Items another tool wrote (the seed project's) have no version yet: 0 means "exists, never written by us".</summary>
    private static long Version(Dictionary<string, AttributeValue>? item) => AttributeMapper.Number(item, "version") ?? 0;

    private static (string Condition, Dictionary<string, AttributeValue>? Values) Condition(long? expected) => expected switch
    {
        null => ("attribute_not_exists(id)", null),
        0 => ("attribute_exists(id) AND attribute_not_exists(version)", null),
        _ => ("version = :version", new() { [":version"] = AttributeMapper.Number(expected.Value) }),
    };

    private static StoredDocument Document(string id, Dictionary<string, AttributeValue> item)
    {
        var version = Version(item);
        if (item.TryGetValue("deleted", out var deleted) && deleted.BOOL == true)
            return new StoredDocument(id, version, null);
        var body = AttributeMapper.ToJsonObject(item.Where(a => !Bookkeeping.Contains(a.Key)));
        body["id"] = id;
        body["version"] = version;
        return new StoredDocument(id, version, body);
    }

    /// <summary>Anything between us and DynamoDB failing (network, throttling, 5xx, a timed-out attempt) is storage being unavailable.</summary>
    private async Task<T> GuardAsync<T>(DocumentKey key, Func<Task<T>> operation)
    {
        try
        {
            return await operation();
        }
        catch (Exception exception) when (exception is AmazonClientException or AmazonServiceException or HttpRequestException or OperationCanceledException)
        {
            throw new StorageUnavailableException($"DynamoDB could not serve {key}: {exception.GetType().Name}: {exception.Message}", exception);
        }
    }
}
