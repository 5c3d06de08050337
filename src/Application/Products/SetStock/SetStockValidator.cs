using FluentValidation;
using Orders.Application.Common;
using Orders.Domain.Orders;

namespace Orders.Application.Products.SetStock;

public sealed class SetStockValidator : AbstractValidator<SetStockCommand>
{
    /// <summary>More than any warehouse of ours holds; a typo of a few extra digits is refused, not stocked.</summary>
    public const int MaxAvailable = 1_000_000;

    public SetStockValidator()
    {
        RuleFor(command => command.ProductId)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(Messages.Required)
            .MaximumLength(ProductId.MaxLength).WithMessage(Messages.MaxLength)
            .Must(IdentifierText.IsClean).WithMessage(IdentifierText.Message);
        RuleFor(command => command.Available).InclusiveBetween(0, MaxAvailable).WithMessage(Messages.Between);
    }
}
