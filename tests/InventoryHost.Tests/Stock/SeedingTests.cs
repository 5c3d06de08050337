using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MongoDB.Bson;
using Orders.InventoryHost.Configuration;
using Orders.InventoryHost.Stock;

namespace Orders.InventoryHost.Tests.Stock;

public sealed class SeedingTests : LedgerTest
{
    [Test]
    public async Task Two_instances_seeding_at_once_put_each_product_in_once()
    {
        var counts = await Task.WhenAll(Task.Run(() => Seeder().SeedAsync(CancellationToken.None)), Task.Run(() => Seeder().SeedAsync(CancellationToken.None)));

        var products = await Catalog.GetProductsAsync(["p1", "p2"], CancellationToken.None);
        Assert.Multiple(async () =>
        {
            Assert.That(counts.Sum(), Is.EqualTo(2));
            Assert.That(await Products.CountDocumentsAsync(FilterDefinition<BsonDocument>.Empty), Is.EqualTo(2));
            Assert.That(products, Is.EqualTo(new[]
            {
                new Product("p1", "Cup", new Price(9.99m, Currency), 100),
                new Product("p2", "Beans", new Price(19.50m, Currency), 100),
            }));
        });
    }

    [Test]
    public async Task Seeding_a_store_that_has_products_changes_nothing()
    {
        await Seeder().SeedAsync(CancellationToken.None);
        await ReserveAsync("r1", ("p1", 5));

        var inserted = await Seeder().SeedAsync(CancellationToken.None);

        Assert.That(inserted, Is.Zero);
        Assert.That(await AvailableAsync("p1"), Is.EqualTo(95));
    }

    private StockSeeder Seeder()
    {
        var options = new StockSeedOptions();
        options.Products.Add(new SeedProduct { Id = "p1", Name = "Cup", UnitPrice = 9.99m, Currency = Currency, Available = 100 });
        options.Products.Add(new SeedProduct { Id = "p2", Name = "Beans", UnitPrice = 19.50m, Currency = Currency, Available = 100 });
        return new StockSeeder(Database, Options.Create(options), NullLogger<StockSeeder>.Instance);
    }
}
