using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orders.Domain.Orders;

namespace Orders.Infrastructure.Persistence.Configurations;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    /// <summary>Postgres' system column that changes on every row update: the optimistic-concurrency token.</summary>
    internal const string RowVersion = "xmin";

    /// <summary>One order per (user, idempotency key): the index that decides which of racing replays places the order.</summary>
    internal const string IdempotencyKeyIndex = "ux_orders_user_id_idempotency_key";

    /// <summary>Hex SHA-256.</summary>
    private const int FingerprintLength = 64;

    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.ToTable("orders", table =>
        {
            table.HasCheckConstraint("ck_orders_status", InList("status", WireNameConverter<OrderStatus>.AllWireNames));
            table.HasCheckConstraint("ck_orders_idempotency", "(idempotency_key IS NULL) = (request_fingerprint IS NULL)");
        });

        builder.HasKey(order => order.Id);
        builder.Property(order => order.Id).ValueGeneratedNever();
        builder.Property(order => order.UserId).IsRequired();
        builder.Property(order => order.Status).HasConversion<WireNameConverter<OrderStatus>>().IsRequired();
        builder.Property(order => order.StatusReason).HasMaxLength(Order.MaxReasonLength);
        builder.Property(order => order.CreatedAt);
        builder.Property(order => order.UpdatedAt);
        builder.Property<uint>(RowVersion).IsRowVersion();
        builder.Ignore(order => order.Currency);
        builder.Property(order => order.IdempotencyKey).HasConversion<IdempotencyKeyConverter>().HasMaxLength(IdempotencyKey.MaxLength);
        builder.Property(order => order.RequestFingerprint).HasMaxLength(FingerprintLength).IsFixedLength();

        builder.ComplexProperty(order => order.Total, total =>
        {
            total.Property(money => money.Amount).HasColumnName("total");
            total.Property(money => money.Currency).HasColumnName("currency").HasColumnType("character(3)");
        });

        builder.HasMany(order => order.Lines)
            .WithOne()
            .HasForeignKey(OrderLineConfiguration.OrderIdColumn)
            .OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(order => order.Lines)
            .HasField("_lines")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .AutoInclude();

        builder.HasIndex(order => new { order.UserId, order.CreatedAt, order.Id })
            .IsDescending(false, true, true)
            .HasDatabaseName("ix_orders_user_id_created_at_id");
        builder.HasIndex(order => new { order.Status, order.UpdatedAt })
            .HasDatabaseName("ix_orders_status_updated_at");
        builder.HasIndex(order => new { order.UserId, order.IdempotencyKey })
            .IsUnique()
            .HasFilter("idempotency_key IS NOT NULL")
            .HasDatabaseName(IdempotencyKeyIndex);
    }

    private static string InList(string column, IEnumerable<string> values) =>
        $"{column} IN ({string.Join(", ", values.Select(value => $"'{value}'"))})";
}
