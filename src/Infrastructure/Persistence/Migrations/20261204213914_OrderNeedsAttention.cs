using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orders.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class OrderNeedsAttention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Nothing reads progress any more: recovery asks the inventory and the payment provider how far an order got.
            migrationBuilder.DropCheckConstraint(
                name: "ck_orders_progress",
                table: "orders");

            migrationBuilder.DropCheckConstraint(
                name: "ck_orders_status",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "progress",
                table: "orders");

            migrationBuilder.AddCheckConstraint(
                name: "ck_orders_status",
                table: "orders",
                sql: "status IN ('cancelled', 'confirmed', 'failed', 'needs_attention', 'payment_declined', 'pending', 'rejected')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_orders_status",
                table: "orders");

            // The older saga knows no needs_attention: its recovery asks the services again, as an operator's retry would.
            migrationBuilder.Sql("UPDATE orders SET status = 'pending' WHERE status = 'needs_attention';");

            migrationBuilder.AddColumn<string>(
                name: "progress",
                table: "orders",
                type: "text",
                nullable: false,
                defaultValue: "placed");

            migrationBuilder.Sql("UPDATE orders SET progress = 'completed' WHERE status <> 'pending';");

            migrationBuilder.AddCheckConstraint(
                name: "ck_orders_progress",
                table: "orders",
                sql: "progress IN ('completed', 'payment_charged', 'placed', 'stock_reserved')");

            migrationBuilder.AddCheckConstraint(
                name: "ck_orders_status",
                table: "orders",
                sql: "status IN ('cancelled', 'confirmed', 'failed', 'payment_declined', 'pending', 'rejected')");
        }
    }
}
