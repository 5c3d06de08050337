using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orders.Infrastructure.Persistence;
using Orders.Testing;

namespace Orders.Infrastructure.IntegrationTests.Persistence;

public sealed class MigrationTests
{
    private PostgresServer _server = null!;

    [OneTimeSetUp]
    public async Task StartServer() => _server = await PostgresServer.GetOrIgnoreAsync();

    [Test]
    public async Task Migrating_creates_a_missing_database_and_applies_every_migration()
    {
        await using var services = InfrastructureServices.ForDatabase(_server.ConnectionStringForNewDatabase("migrate_empty"));
        await using var scope = services.CreateAsyncScope();

        var applied = await scope.ServiceProvider.MigrateOrdersDatabaseAsync(CancellationToken.None);

        var context = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
        Assert.Multiple(() =>
        {
            Assert.That(applied, Is.EqualTo(context.Database.GetMigrations()));
            Assert.That(applied, Is.Not.Empty);
        });
        Assert.That(await TablesAsync(context), Is.SupersetOf(new[] { "orders", "order_items" }));
    }

    [Test]
    public async Task Migrating_an_up_to_date_database_again_is_a_no_op()
    {
        await using var services = InfrastructureServices.ForDatabase(_server.ConnectionStringForNewDatabase("migrate_twice"));
        await using (var first = services.CreateAsyncScope())
        {
            await first.ServiceProvider.MigrateOrdersDatabaseAsync(CancellationToken.None);
        }

        await using var second = services.CreateAsyncScope();
        var applied = await second.ServiceProvider.MigrateOrdersDatabaseAsync(CancellationToken.None);

        var context = second.ServiceProvider.GetRequiredService<OrdersDbContext>();
        Assert.Multiple(async () =>
        {
            Assert.That(applied, Is.Empty);
            Assert.That(await context.Database.GetPendingMigrationsAsync(), Is.Empty);
        });
    }

    [Test]
    public async Task The_model_has_no_change_that_lacks_a_migration()
    {
        await using var services = InfrastructureServices.ForDatabase(InfrastructureServices.UnusedDatabase);
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();

        Assert.That(context.Database.HasPendingModelChanges(), Is.False, "A model change lacks a migration: run `dotnet ef migrations add <Name> --project src/Infrastructure --startup-project src/Infrastructure --output-dir Persistence/Migrations`.");
    }

    [Test]
    public async Task The_committed_sql_script_is_the_idempotent_script_of_the_current_migrations()
    {
        var committedPath = Path.Combine(RepositoryRoot(), "db", "migrations.sql");
        await using var services = InfrastructureServices.ForDatabase(InfrastructureServices.UnusedDatabase);
        await using var scope = services.CreateAsyncScope();
        var migrator = scope.ServiceProvider.GetRequiredService<OrdersDbContext>().GetService<IMigrator>();

        var generated = migrator.GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.That(
            Normalize(await File.ReadAllTextAsync(committedPath, Encoding.UTF8)),
            Is.EqualTo(Normalize(generated)),
            $"{committedPath} is stale: regenerate it with `dotnet ef migrations script --idempotent --project src/Infrastructure --startup-project src/Infrastructure --output db/migrations.sql`.");
    }

    [Test]
    public async Task The_committed_sql_script_builds_the_schema_the_migrations_expect()
    {
        var connectionString = await _server.CreateDatabaseAsync("migrate_script");
        var script = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "db", "migrations.sql"), Encoding.UTF8);
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(script, connection);
            await command.ExecuteNonQueryAsync();
        }

        await using var services = InfrastructureServices.ForDatabase(connectionString);
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();

        Assert.Multiple(async () =>
        {
            Assert.That(await context.Database.GetPendingMigrationsAsync(), Is.Empty);
            Assert.That(await TablesAsync(context), Is.SupersetOf(new[] { "orders", "order_items" }));
        });
    }

    private static async Task<List<string>> TablesAsync(OrdersDbContext context) =>
        await context.Database
            .SqlQueryRaw<string>("SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public'")
            .ToListAsync();

    private static string Normalize(string script) =>
        script.TrimStart('\uFEFF').ReplaceLineEndings("\n").TrimEnd();

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Orders.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Orders.sln above {TestContext.CurrentContext.TestDirectory}.");
    }
}
