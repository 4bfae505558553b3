using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.DynamoDBv2.Model;
using FlowConfigs.Domain;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Grains.Configs;
using FlowConfigs.Grains.Settings;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace FlowConfigs.Grains.Storage.DynamoDb;

/// <summary>
/// Grain state in DynamoDB, laid out for people: a config is one item keyed by its id whose attributes are the
/// config's own fields as native maps (plus <c>etag</c>, <c>version</c> and, once deleted, <c>deleted</c>); the
/// settings are the item <c>application-settings</c>. The object-valued state property named like the state
/// (<c>config</c>, <c>settings</c>) is stored flat in the item. Conditional writes on <c>etag</c> give optimistic
/// concurrency. Without transactions (dynalite has none) a revision is written first, conditionally, then the
/// item; readers only see revisions up to the item's version, so a crash between the two shows nothing half done.
/// </summary>
public sealed class DynamoDbGrainStorage(
    string name, DynamoDbStorageOptions options, IAmazonDynamoDB client, TimeProvider clock, ILogger<DynamoDbGrainStorage> logger)
    : IGrainStorage, IGrainStateCatalog, IRevisionStore, IStorageProbe, ILifecycleParticipant<ISiloLifecycle>
{
    private static readonly HashSet<string> Bookkeeping = ["id", "etag", "deleted", "writeId"];

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe($"{nameof(DynamoDbGrainStorage)}-{name}", ServiceLifecycleStage.ApplicationServices, CheckTablesAsync);

    /// <summary>Fails start-up with a sentence an operator can act on when a table is missing or unreachable.</summary>
    public async Task CheckTablesAsync(CancellationToken cancellationToken = default)
    {
        foreach (var (table, range) in new[] { (options.TableName, (string?)null), (options.RevisionsTableName, "version") })
        {
            try
            {
                await client.DescribeTableAsync(table, cancellationToken);
            }
            catch (ResourceNotFoundException) when (options.CreateTables)
            {
                await CreateTableAsync(table, range, cancellationToken);
            }
            catch (ResourceNotFoundException exception)
            {
                throw new InvalidOperationException(
                    $"DynamoDB table '{table}' does not exist (FlowConfigs:Storage:DynamoDB table names, region {RegionName}). Deploy the CDK app or set FlowConfigs__Storage__DynamoDB__CreateTables=true for a local endpoint.",
                    exception);
            }
            catch (Exception exception) when (exception is AmazonClientException or AmazonServiceException or HttpRequestException
                                              || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // No credentials, an unreachable endpoint (DNS, timeouts while the credential chain probes), or the
                // service refusing the caller: all say which table, region and settings to check.
                throw new InvalidOperationException(
                    $"DynamoDB could not be reached for table '{table}' (region {RegionName}, endpoint {options.ServiceUrl ?? "from the region"}): {exception.GetType().Name}: {exception.Message} " +
                    "Check AWS_REGION or FlowConfigs__Storage__DynamoDB__Region, and credentials (AWS_ACCESS_KEY_ID, AWS_PROFILE or the task role).",
                    exception);
            }
        }
        logger.LogInformation("Grain storage {Name}: DynamoDB tables {Table} and {Revisions}", name, options.TableName, options.RevisionsTableName);
    }

    private string RegionName => client.Config.RegionEndpoint?.SystemName ?? options.Region ?? "from the AWS chain";

    public async Task<string> ProbeAsync(CancellationToken cancellationToken = default)
    {
        foreach (var table in new[] { options.TableName, options.RevisionsTableName })
        {
            var status = (await client.DescribeTableAsync(table, cancellationToken)).Table.TableStatus;
            if (status != TableStatus.ACTIVE && status != TableStatus.UPDATING)
                throw new InvalidOperationException($"DynamoDB table '{table}' is {status}.");
        }
        return $"DynamoDB tables {options.TableName} and {options.RevisionsTableName} in {RegionName}";
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

    /// <summary>
    /// Copies one config with its history from another store (the SQLite → DynamoDB migration): revisions first,
    /// already committed, then the item, only if the table has no item of that id. False when it already existed.
    /// </summary>
    public async Task<bool> ImportAsync(string id, FlowConfigState state, IEnumerable<Revision> revisions)
    {
        if (await GetItemAsync(id) is not null)
            return false;
        foreach (var revision in revisions)
        {
            await client.PutItemAsync(new PutItemRequest { TableName = options.RevisionsTableName, Item = RevisionItem(id, revision) });
        }
        var grainState = new GrainState<FlowConfigState>(state);
        try
        {
            await WriteStateAsync("config", GrainId.Create(FlowConfigGrain.GrainTypeName, id), grainState);
        }
        catch (InconsistentStateException)
        {
            return false;
        }
        return true;
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var item = await GetItemAsync(ItemId(grainId, stateName));
        if (item is null)
        {
            grainState.State ??= Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }
        grainState.State = FromItem<T>(stateName, item);
        // Items another tool wrote (the seed project's) have no etag yet: "0" means "exists, never written by us".
        grainState.ETag = (AttributeMapper.Number(item, "etag") ?? 0).ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var id = ItemId(grainId, stateName);
        var expected = ParseETag(grainState.ETag);
        var next = (expected ?? 0) + 1;
        var writeId = Guid.NewGuid().ToString("N");

        if ((grainState.State as IRevisionedState)?.PendingRevision is { } revision)
            await PutRevisionAsync(id, revision, writeId, expected);

        var item = ToItem(stateName, grainState.State);
        item["id"] = new AttributeValue { S = id };
        item["etag"] = AttributeMapper.Number(next);
        item["writeId"] = new AttributeValue { S = writeId };
        await ConditionalAsync(id, expected, () => client.PutItemAsync(WithCondition(new PutItemRequest { TableName = options.TableName, Item = item }, expected)));
        grainState.ETag = next.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;

        if ((grainState.State as IRevisionedState)?.PendingRevision is { } committed)
            await AfterCommitAsync(id, committed.Version);
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var id = ItemId(grainId, stateName);
        var expected = ParseETag(grainState.ETag);
        if (expected is not null)
        {
            await ConditionalAsync(id, expected, () => client.DeleteItemAsync(WithCondition(new DeleteItemRequest
            {
                TableName = options.TableName,
                Key = new() { ["id"] = new AttributeValue { S = id } },
            }, expected)));
        }
        grainState.State = Activator.CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    public async IAsyncEnumerable<(string GrainKey, T State)> ReadAllAsync<T>(
        string grainType, string stateName, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        EnsureFlowConfigs(grainType, stateName);
        Dictionary<string, AttributeValue>? start = null;
        var all = new List<(string, T)>();
        do
        {
            var page = await client.ScanAsync(new ScanRequest { TableName = options.TableName, ExclusiveStartKey = start, ConsistentRead = true }, cancellationToken);
            foreach (var item in page.Items ?? [])
            {
                var id = item["id"].S;
                if (id != ISettingsGrain.Key)
                    all.Add((id, FromItem<T>(stateName, item)));
            }
            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);
        foreach (var entry in all.OrderBy(e => e.Item1, StringComparer.Ordinal))
            yield return entry;
    }

    public async Task<IReadOnlyList<RevisionSummary>> ListAsync(string grainType, string grainKey, CancellationToken cancellationToken = default)
    {
        var committed = await CommittedVersionAsync(grainKey, cancellationToken);
        var revisions = new List<RevisionSummary>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await client.QueryAsync(new QueryRequest
            {
                TableName = options.RevisionsTableName,
                KeyConditionExpression = "id = :id AND version <= :committed",
                ExpressionAttributeValues = new() { [":id"] = new AttributeValue { S = grainKey }, [":committed"] = AttributeMapper.Number(committed) },
                ProjectionExpression = "version, #at, #by, #action",
                ExpressionAttributeNames = new() { ["#at"] = "at", ["#by"] = "by", ["#action"] = "action" },
                ScanIndexForward = false,
                ConsistentRead = true,
                ExclusiveStartKey = start,
            }, cancellationToken);
            foreach (var item in page.Items ?? [])
                revisions.Add(new RevisionSummary(AttributeMapper.Number(item, "version")!.Value,
                    DateTimeOffset.Parse(item["at"].S, CultureInfo.InvariantCulture), item["by"].S, Enum.Parse<RevisionAction>(item["action"].S, ignoreCase: true)));
            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);
        return revisions;
    }

    public async Task<Revision?> GetAsync(string grainType, string grainKey, long version, CancellationToken cancellationToken = default)
    {
        if (version > await CommittedVersionAsync(grainKey, cancellationToken))
            return null;
        var response = await client.GetItemAsync(new GetItemRequest
        {
            TableName = options.RevisionsTableName,
            Key = new() { ["id"] = new AttributeValue { S = grainKey }, ["version"] = AttributeMapper.Number(version) },
            ConsistentRead = true,
        }, cancellationToken);
        if (response.Item is not { Count: > 0 } item)
            return null;
        return new Revision(version, DateTimeOffset.Parse(item["at"].S, CultureInfo.InvariantCulture), item["by"].S,
            Enum.Parse<RevisionAction>(item["action"].S, ignoreCase: true),
            AttributeMapper.ToJsonObject(item["document"].M).Deserialize<FlowConfig>(DomainJson.Options)!);
    }

    /// <summary>A committed revision as its item: the document as native maps, like the config item.</summary>
    private static Dictionary<string, AttributeValue> RevisionItem(string id, Revision revision) => new()
    {
        ["id"] = new() { S = id },
        ["version"] = AttributeMapper.Number(revision.Version),
        ["at"] = new() { S = revision.At.ToString("O") },
        ["by"] = new() { S = revision.By },
        ["action"] = new() { S = JsonNamingPolicy.CamelCase.ConvertName(revision.Action.ToString()) },
        ["document"] = AttributeMapper.ToAttribute(JsonSerializer.SerializeToNode(revision.Document, DomainJson.Options)),
    };

    /// <summary>
    /// Claims the revision's version: it must not exist, unless it is an uncommitted leftover whose lease ran out
    /// (a writer that crashed between its two writes). Losing here means another writer got there first.
    /// </summary>
    private async Task PutRevisionAsync(string id, Revision revision, string writeId, long? expected)
    {
        var now = clock.GetUtcNow();
        var item = RevisionItem(id, revision);
        item["writeId"] = new() { S = writeId };
        item["pendingUntil"] = AttributeMapper.Number((now + options.RevisionLease).ToUnixTimeMilliseconds());
        await ConditionalAsync(id, expected, () => client.PutItemAsync(new PutItemRequest
        {
            TableName = options.RevisionsTableName,
            Item = item,
            ConditionExpression = "attribute_not_exists(version) OR (attribute_exists(pendingUntil) AND pendingUntil < :now)",
            ExpressionAttributeValues = new() { [":now"] = AttributeMapper.Number(now.ToUnixTimeMilliseconds()) },
        }));
    }

    /// <summary>Marks the revision committed (it can never be replaced now) and applies retention; both best effort.</summary>
    private async Task AfterCommitAsync(string id, long version)
    {
        try
        {
            await client.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = options.RevisionsTableName,
                Key = new() { ["id"] = new AttributeValue { S = id }, ["version"] = AttributeMapper.Number(version) },
                UpdateExpression = "REMOVE pendingUntil",
            });
            if (options.KeepRevisions > 0 && version > options.KeepRevisions)
            {
                var old = await client.QueryAsync(new QueryRequest
                {
                    TableName = options.RevisionsTableName,
                    KeyConditionExpression = "id = :id AND version <= :oldest",
                    ExpressionAttributeValues = new() { [":id"] = new AttributeValue { S = id }, [":oldest"] = AttributeMapper.Number(version - options.KeepRevisions) },
                    ProjectionExpression = "id, version",
                });
                foreach (var key in old.Items ?? [])
                    await client.DeleteItemAsync(new DeleteItemRequest { TableName = options.RevisionsTableName, Key = key });
            }
        }
        catch (AmazonDynamoDBException exception)
        {
            logger.LogWarning(exception, "Revision bookkeeping for {Id} version {Version} failed; the save itself is stored", id, version);
        }
    }

    private async Task<long> CommittedVersionAsync(string id, CancellationToken cancellationToken)
    {
        var item = await GetItemAsync(id, cancellationToken);
        return AttributeMapper.Number(item, "version") ?? 0;
    }

    private async Task<Dictionary<string, AttributeValue>?> GetItemAsync(string id, CancellationToken cancellationToken = default)
    {
        var response = await client.GetItemAsync(new GetItemRequest
        {
            TableName = options.TableName,
            Key = new() { ["id"] = new AttributeValue { S = id } },
            ConsistentRead = true,
        }, cancellationToken);
        return response.Item is { Count: > 0 } item ? item : null;
    }

    private static TRequest WithCondition<TRequest>(TRequest request, long? expected) where TRequest : AmazonDynamoDBRequest
    {
        var (condition, values) = expected switch
        {
            null => ("attribute_not_exists(id)", (Dictionary<string, AttributeValue>?)null),
            0 => ("attribute_exists(id) AND attribute_not_exists(etag)", null),
            _ => ("etag = :etag", new Dictionary<string, AttributeValue> { [":etag"] = AttributeMapper.Number(expected.Value) }),
        };
        switch (request)
        {
            case PutItemRequest put:
                put.ConditionExpression = condition;
                put.ExpressionAttributeValues = values;
                break;
            case DeleteItemRequest delete:
                delete.ConditionExpression = condition;
                delete.ExpressionAttributeValues = values;
                break;
        }
        return request;
    }

    /// <summary>A failed condition is Orleans' inconsistent state (the grains answer 412); nothing was written.</summary>
    private async Task ConditionalAsync(string id, long? expected, Func<Task> write)
    {
        try
        {
            await write();
        }
        catch (ConditionalCheckFailedException)
        {
            var stored = AttributeMapper.Number(await GetItemAsync(id), "etag");
            throw new InconsistentStateException(
                $"Storage {name}: {id} is at etag {stored?.ToString(CultureInfo.InvariantCulture) ?? "(none)"}, the write expected {expected?.ToString(CultureInfo.InvariantCulture) ?? "(none)"}.",
                stored?.ToString(CultureInfo.InvariantCulture), expected?.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static Dictionary<string, AttributeValue> ToItem<T>(string stateName, T state)
    {
        var json = JsonSerializer.SerializeToNode(state, DomainJson.Options)?.AsObject() ?? [];
        var item = new Dictionary<string, AttributeValue>();
        foreach (var (property, value) in json)
        {
            if (property == stateName && value is JsonObject hoisted)
            {
                foreach (var (field, fieldValue) in hoisted)
                    if (field != "id")
                        item[field] = AttributeMapper.ToAttribute(fieldValue?.DeepClone());
            }
            else
            {
                item[property] = AttributeMapper.ToAttribute(value?.DeepClone());
            }
        }
        // Null properties are left out of the JSON: no hoisted object means it was deleted (a tombstone keeps the version).
        if (json[stateName] is not JsonObject)
            item["deleted"] = new AttributeValue { BOOL = true };
        return item;
    }

    private static T FromItem<T>(string stateName, Dictionary<string, AttributeValue> item)
    {
        var fields = AttributeMapper.ToJsonObject(item.Where(a => !Bookkeeping.Contains(a.Key)));
        var deleted = item.TryGetValue("deleted", out var flag) && flag.BOOL == true;
        var state = new JsonObject();
        foreach (var (field, value) in fields)
            state[field] = value?.DeepClone();
        if (!deleted)
        {
            fields["id"] = item["id"].S;
            state[stateName] = fields;
        }
        else
        {
            state[stateName] = null;
        }
        return state.Deserialize<T>(DomainJson.Options) ?? Activator.CreateInstance<T>();
    }

    private static string ItemId(GrainId grainId, string stateName)
    {
        var type = grainId.Type.ToString();
        if ((type, stateName) is (FlowConfigGrain.GrainTypeName, "config") or ("settings", "settings"))
            return grainId.Key.ToString()!;
        throw new NotSupportedException($"DynamoDB storage keeps flow configs and settings only, not {type}/{stateName}.");
    }

    private static void EnsureFlowConfigs(string grainType, string stateName) => ItemId(GrainId.Create(grainType, "x"), stateName);

    private static long? ParseETag(string? etag) =>
        etag is null ? null
        : long.TryParse(etag, CultureInfo.InvariantCulture, out var version) ? version
        : throw new InconsistentStateException($"'{etag}' is not an ETag this storage wrote.", null, etag);
}
