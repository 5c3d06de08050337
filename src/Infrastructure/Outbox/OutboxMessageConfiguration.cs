using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Orders.Infrastructure.Outbox;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public const string Table = "outbox_messages";

    /// <summary>Longest event type name: <c>order.</c> and a status's wire name.</summary>
    private const int TypeLength = 64;

    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(message => message.Id);
        builder.Property(message => message.Id).ValueGeneratedNever();
        builder.Property(message => message.Type).HasMaxLength(TypeLength).IsRequired();
        builder.Property(message => message.Envelope).HasColumnType("jsonb").IsRequired();

        // The relay's claim walks the pending rows oldest first; the cleanup finds the sent ones by age.
        builder.HasIndex(message => new { message.CreatedAt, message.Id })
            .HasFilter("sent_at IS NULL")
            .HasDatabaseName("ix_outbox_messages_pending");
        builder.HasIndex(message => message.SentAt)
            .HasFilter("sent_at IS NOT NULL")
            .HasDatabaseName("ix_outbox_messages_sent_at");
    }
}
