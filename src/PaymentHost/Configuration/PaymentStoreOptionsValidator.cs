using Microsoft.Extensions.Options;
using Npgsql;

namespace Orders.PaymentHost.Configuration;

/// <summary>Refuses to start without a usable connection string, naming the setting to fix.</summary>
public sealed class PaymentStoreOptionsValidator : IValidateOptions<PaymentStoreOptions>
{
    private const string Setting = $"ConnectionStrings:{PaymentStoreOptions.ConnectionStringName}";

    public ValidateOptionsResult Validate(string? name, PaymentStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail($"{Setting} is missing: set the PostgreSQL connection string of the payments database.");
        }

        try
        {
            var database = new NpgsqlConnectionStringBuilder(options.ConnectionString).Database;
            return string.IsNullOrEmpty(database)
                ? ValidateOptionsResult.Fail($"{Setting} must name its database (Database=payments).")
                : ValidateOptionsResult.Success;
        }
        catch (ArgumentException exception)
        {
            return ValidateOptionsResult.Fail($"{Setting} is not a valid PostgreSQL connection string: {exception.Message}");
        }
    }
}
