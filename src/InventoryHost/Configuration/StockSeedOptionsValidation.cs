using Microsoft.Extensions.Options;
using Orders.InventoryHost.Stock;

namespace Orders.InventoryHost.Configuration;

/// <summary>Refuses to start with seed products the ledger itself would refuse, naming the setting to fix.</summary>
internal sealed class StockSeedOptionsValidation : IValidateOptions<StockSeedOptions>
{
    public ValidateOptionsResult Validate(string? name, StockSeedOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.Products.Count; i++)
        {
            var product = options.Products[i];
            var listing = new ProductListing(product.Id, product.Name, new Price(product.UnitPrice, product.Currency), product.Available);
            if (ReservationRules.CheckListing(listing) is { } invalid)
            {
                failures.Add($"{StockSeedOptions.Section}:Products:{i}: {invalid.Message}.");
            }
        }

        var repeated = options.Products.GroupBy(p => p.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);
        failures.AddRange(repeated.Select(id => $"{StockSeedOptions.Section}:Products: product id {id} appears more than once."));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
