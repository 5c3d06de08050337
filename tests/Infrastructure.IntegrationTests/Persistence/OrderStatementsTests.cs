using Microsoft.EntityFrameworkCore;
using Orders.Domain.Orders;
using Orders.Infrastructure.Persistence;
using Orders.Infrastructure.Persistence.Configurations;

namespace Orders.Infrastructure.IntegrationTests.Persistence;

/// <summary>The hand-written statements of a placement are held to the EF Core model that the migrations build the tables from.</summary>
public sealed class OrderStatementsTests
{
    [Test]
    public void The_inserts_write_every_column_the_model_maps_but_the_row_version()
    {
        using var context = new OrdersDbContext(Options<OrdersDbContext>());
        var statements = OrderStatements.For(context.Model);
        var columns = context.Model.GetRelationalModel().Tables
            .Where(table => table.Name is "orders" or "order_items")
            .SelectMany(table => table.Columns.Select(column => column.Name))
            .Where(column => column != OrderConfiguration.RowVersion)
            .Distinct()
            .ToList();

        Assert.That(columns, Has.Count.GreaterThan(10));
        Assert.That(columns, Has.All.Matches<string>(column => (statements.InsertOrder + statements.InsertLine).Contains($"\"{column}\"", StringComparison.Ordinal)));
    }

    [Test]
    public void A_model_with_a_column_the_statements_do_not_write_is_refused()
    {
        using var context = new WiderOrdersContext(Options<WiderOrdersContext>());

        Assert.That(
            () => OrderStatements.For(context.Model),
            Throws.InvalidOperationException.With.Message.Contains("no writer for [GiftNote]"));
    }

    private static DbContextOptions<TContext> Options<TContext>()
        where TContext : DbContext
    {
        var options = new DbContextOptionsBuilder<TContext>();
        OrdersDatabase.Configure(options, InfrastructureServices.UnusedDatabase);
        return options.Options;
    }

    /// <summary>The orders model with one more column, as a migration adding it would leave it.</summary>
    private sealed class WiderOrdersContext(DbContextOptions<WiderOrdersContext> options) : DbContext(options)
    {
        protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
        {
            configurationBuilder.Properties<OrderId>().HaveConversion<OrderIdConverter>();
            configurationBuilder.Properties<UserId>().HaveConversion<UserIdConverter>();
            configurationBuilder.Properties<ProductId>().HaveConversion<ProductIdConverter>();
        }

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.ApplyConfigurationsFromAssembly(typeof(OrdersDbContext).Assembly);
            modelBuilder.Entity<Order>().Property<string>("GiftNote");
        }
    }
}
