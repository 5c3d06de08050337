using System.Diagnostics;
using Mediator;

namespace Orders.Application.Common;

/// <summary>One span per message, named after it, so a trace shows which use case ran inside a request.</summary>
public sealed class TracingBehavior<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        using var activity = OrdersTelemetry.Source.StartActivity(typeof(TMessage).Name);
        try
        {
            var response = await next(message, cancellationToken);
            activity?.SetTag("orders.result", response?.GetType().Name);
            return response;
        }
        catch (Exception exception)
        {
            activity?.AddException(exception);
            activity?.SetStatus(ActivityStatusCode.Error);
            throw;
        }
    }
}
