using Microsoft.Extensions.Options;
using Npgsql;

namespace Orders.Infrastructure.Persistence;

internal sealed class OrdersDatabaseOptionsValidator : IValidateOptions<OrdersDatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, OrdersDatabaseOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(
                $"ConnectionStrings:{OrdersDatabaseOptions.ConnectionStringName} is missing: set the PostgreSQL connection string of the orders database.");
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException exception)
        {
            return ValidateOptionsResult.Fail(
                $"ConnectionStrings:{OrdersDatabaseOptions.ConnectionStringName} is not a valid PostgreSQL connection string: {exception.Message}");
        }
    }
}
