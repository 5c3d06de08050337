using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orders.Domain.Orders;

namespace Orders.Infrastructure.Persistence.Configurations;

internal sealed class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    /// <summary>The owning order's id: a shadow property, the Domain line does not point back at its order.</summary>
    internal const string OrderIdColumn = "OrderId";

    public void Configure(EntityTypeBuilder<OrderLine> builder)
    {
        builder.ToTable("order_items", table =>
            table.HasCheckConstraint("ck_order_items_quantity", $"quantity BETWEEN {OrderLine.MinQuantity} AND {OrderLine.MaxQuantity}"));

        builder.Property<OrderId>(OrderIdColumn);
        builder.HasKey(OrderIdColumn, nameof(OrderLine.ProductId));
        builder.Property(line => line.ProductId).IsRequired();
        builder.Property(line => line.Quantity);
        builder.Ignore(line => line.Subtotal);

        builder.ComplexProperty(line => line.UnitPrice, price =>
        {
            price.Property(money => money.Amount).HasColumnName("unit_price");
            price.Property(money => money.Currency).HasColumnName("currency").HasColumnType("character(3)");
        });
    }
}
