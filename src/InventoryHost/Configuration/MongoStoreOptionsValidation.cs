using Microsoft.Extensions.Options;
using MongoDB.Driver;

namespace Orders.InventoryHost.Configuration;

/// <summary>Refuses to start with a store setting that can't work, naming the setting to fix.</summary>
internal sealed class MongoStoreOptionsValidation : IValidateOptions<MongoStoreOptions>
{
    private const int MaxDatabaseNameLength = 63;
    private static readonly char[] CharsNotInDatabaseNames = ['/', '\\', '.', ' ', '"', '$', '\0'];

    public ValidateOptionsResult Validate(string? name, MongoStoreOptions options)
    {
        var failures = new List<string>();
        if (!IsConnectionString(options.ConnectionString))
        {
            failures.Add($"{MongoStoreOptions.Section}:ConnectionString must be a MongoDB connection string such as mongodb://127.0.0.1:27017.");
        }

        if (string.IsNullOrEmpty(options.Database)
            || options.Database.Length > MaxDatabaseNameLength
            || options.Database.IndexOfAny(CharsNotInDatabaseNames) >= 0)
        {
            failures.Add($"{MongoStoreOptions.Section}:Database must be a MongoDB database name (1-{MaxDatabaseNameLength} characters, none of / \\ . space \" $).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsConnectionString(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        try
        {
            _ = MongoUrl.Create(value);
            return true;
        }
        catch (MongoConfigurationException)
        {
            return false;
        }
    }
}
