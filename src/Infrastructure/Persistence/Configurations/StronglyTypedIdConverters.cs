using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Orders.Domain.Orders;

namespace Orders.Infrastructure.Persistence.Configurations;

internal sealed class OrderIdConverter() : ValueConverter<OrderId, Guid>(id => id.Value, value => new OrderId(value));

internal sealed class UserIdConverter() : ValueConverter<UserId, string>(id => id.Value, value => new UserId(value));

internal sealed class ProductIdConverter() : ValueConverter<ProductId, string>(id => id.Value, value => new ProductId(value));

internal sealed class IdempotencyKeyConverter() : ValueConverter<IdempotencyKey, string>(key => key.Value, value => new IdempotencyKey(value));
