using FluentValidation;
using Mediator;

namespace Orders.Application.Common;

/// <summary>Runs every validator of a message before its handler; an invalid message never reaches the handler.</summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
    where TResponse : IValidatedResult<TResponse>
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        var errors = await ValidationErrors.OfAsync(validators, message, cancellationToken);
        if (errors.Count == 0)
        {
            return await next(message, cancellationToken);
        }

        return TResponse.Invalid(errors);
    }
}
