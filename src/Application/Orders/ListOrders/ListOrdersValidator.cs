using FluentValidation;
using Orders.Domain.Orders;

namespace Orders.Application.Orders.ListOrders;

public sealed class ListOrdersValidator : AbstractValidator<ListOrdersQuery>
{
    public ListOrdersValidator()
    {
        RuleFor(query => query.UserId)
            .Cascade(CascadeMode.Stop)
            .NotEmpty()
            .MaximumLength(UserId.MaxLength);

        RuleFor(query => query.Limit)
            .InclusiveBetween(1, ListOrdersQuery.MaxLimit)
            .When(query => query.Limit is not null);

        RuleFor(query => query.PageToken)
            .Must(token => PageToken.TryDecode(token, out _))
            .When(query => query.PageToken is not null)
            .WithMessage("This is not a page token this API issued; pass next_page_token back unchanged.");
    }
}
