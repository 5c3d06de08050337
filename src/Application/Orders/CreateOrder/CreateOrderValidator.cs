using FluentValidation;
using Orders.Application.Common;
using Orders.Domain.Orders;

namespace Orders.Application.Orders.CreateOrder;

/// <summary>The rules an order request must meet before anything is stored or reserved.</summary>
public sealed class CreateOrderValidator : AbstractValidator<CreateOrderCommand>
{
    public CreateOrderValidator()
    {
        RuleFor(command => command.UserId)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(Messages.Required)
            .MaximumLength(UserId.MaxLength).WithMessage(Messages.MaxLength)
            .Must(IdentifierText.IsClean).WithMessage(IdentifierText.Message);

        RuleFor(command => command.Items)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("An order needs at least one item.")
            .Must(items => items.Count <= Order.MaxLines)
            .WithMessage($"An order has at most {Order.MaxLines} items.")
            .Custom(RejectRepeatedProducts);

        RuleForEach(command => command.Items)
            .NotNull().WithMessage("An item is required here, not null.")
            .ChildRules(item =>
            {
                item.RuleFor(line => line.ProductId)
                    .Cascade(CascadeMode.Stop)
                    .NotEmpty().WithMessage(Messages.Required)
                    .MaximumLength(ProductId.MaxLength).WithMessage(Messages.MaxLength)
                    .Must(IdentifierText.IsClean).WithMessage(IdentifierText.Message);
                item.RuleFor(line => line.Quantity).InclusiveBetween(OrderLine.MinQuantity, OrderLine.MaxQuantity).WithMessage(Messages.Between);
            });

        RuleFor(command => command.IdempotencyKey)
            .Must(IdempotencyKey.IsWellFormed)
            .When(command => command.IdempotencyKey is not null)
            .WithMessage($"An idempotency key is 1..{IdempotencyKey.MaxLength} printable ASCII characters.");
    }

    /// <summary>A product appears once per order: two lines of one product are refused, not merged.</summary>
    private static void RejectRepeatedProducts(IReadOnlyList<CreateOrderItem> items, ValidationContext<CreateOrderCommand> context)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < items.Count; index++)
        {
            var productId = items[index]?.ProductId;
            if (!string.IsNullOrEmpty(productId) && !seen.Add(productId))
            {
                context.AddFailure(
                    $"{nameof(CreateOrderCommand.Items)}[{index}].{nameof(CreateOrderItem.ProductId)}",
                    $"Product '{productId}' appears more than once; put its whole quantity on one line.");
            }
        }
    }
}
