using FluentValidation;
using Orders.Application.Common;
using Orders.Domain.Orders;

namespace Orders.Application.Orders.ListOrders;

public sealed class ListOrdersValidator : AbstractValidator<ListOrdersQuery>
{
    public ListOrdersValidator()
    {
        RuleFor(query => query.UserId)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(Messages.Required)
            .MaximumLength(UserId.MaxLength).WithMessage(Messages.MaxLength)
            .Must(IdentifierText.IsClean).WithMessage(IdentifierText.Message);

        RuleFor(query => query.Limit)
            .InclusiveBetween(1, ListOrdersQuery.MaxLimit).WithMessage(Messages.Between)
            .When(query => query.Limit is not null);

        RuleFor(query => query.PageToken)
            .Must(token => PageToken.TryDecode(token, out _))
            .When(query => query.PageToken is not null)
            .WithMessage("This is not a page token this API issued; pass next_page_token back unchanged.");
    }
}
