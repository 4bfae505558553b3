using System.ComponentModel.DataAnnotations;
using FlowConfigs.Grains.Storage.DynamoDb;

namespace FlowConfigs.Grains.Tests.Storage;

public sealed class DynamoDbStorageOptionsTests
{
    private static string[] Problems(DynamoDbStorageOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage!)];
    }

    [Fact]
    public void A_lease_too_short_for_an_item_write_within_it_is_refused_naming_the_setting()
    {
        // A 1 s request timeout: an item write may take 3 s (two attempts and the back-off), so the lease needs 6 s.
        var tooShort = new DynamoDbStorageOptions { RequestTimeout = TimeSpan.FromSeconds(1), RevisionLease = TimeSpan.FromSeconds(5) };
        var problem = Assert.Single(Problems(tooShort));
        Assert.StartsWith("FlowConfigs:Storage:DynamoDB:RevisionLease (00:00:05) must be at least 00:00:06", problem);

        Assert.Empty(Problems(new DynamoDbStorageOptions { RequestTimeout = TimeSpan.FromSeconds(1), RevisionLease = TimeSpan.FromSeconds(6) }));
        Assert.Empty(Problems(new DynamoDbStorageOptions()));
    }
}
