using BenchmarkDotNet.Attributes;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Orders.Application.Orders.CreateOrder;

namespace Orders.MicroBenchmarks;

/// <summary>
/// Placing one order in process with every remote port answering at once: what the mediator pipeline (a request
/// scope, the tracing and validation behaviors) adds to the handler and the domain, and what validation alone costs.
/// </summary>
[MemoryDiagnoser]
public class PlaceOrderBenchmarks
{
    private ServiceProvider _services = null!;
    private AsyncServiceScope _openScope;
    private CreateOrderHandler _handler = null!;
    private IValidator<CreateOrderCommand> _validator = null!;
    private CreateOrderCommand _command = null!;

    [Params(1, 10)]
    public int Lines { get; set; }

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        _command = OrderSamples.Command(Lines);
        _services = WebApiComposition.WithInstantPorts(Lines);
        _openScope = _services.CreateAsyncScope();
        _handler = ActivatorUtilities.CreateInstance<CreateOrderHandler>(_services);
        _validator = _services.GetRequiredService<IValidator<CreateOrderCommand>>();

        // A benchmark of a rejected order would measure the wrong path: every way in must confirm the sample order.
        EnsureConfirmed(await Handler());
        EnsureConfirmed(await MediatorInRequestScope());
        EnsureConfirmed(await MediatorInOpenScope());
        var validation = await Validator();
        if (!validation.IsValid)
        {
            throw new InvalidOperationException($"The sample order is invalid: {validation}");
        }
    }

    [GlobalCleanup]
    public async Task CleanUpAsync()
    {
        await _openScope.DisposeAsync();
        await _services.DisposeAsync();
    }

    /// <summary>The handler called directly: no mediator, no validation.</summary>
    [Benchmark(Baseline = true)]
    public ValueTask<CreateOrderResult> Handler() => _handler.Handle(_command, CancellationToken.None);

    /// <summary>As <c>POST /orders</c> does it: a scope per request, the mediator and its behaviors resolved in it.</summary>
    [Benchmark]
    public async ValueTask<CreateOrderResult> MediatorInRequestScope()
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(_command, CancellationToken.None);
    }

    /// <summary>The pipeline without the scope: set against <see cref="MediatorInRequestScope"/>, what the container costs.</summary>
    [Benchmark]
    public ValueTask<CreateOrderResult> MediatorInOpenScope() =>
        _openScope.ServiceProvider.GetRequiredService<ISender>().Send(_command, CancellationToken.None);

    /// <summary>The FluentValidation rules alone, as the validation behavior runs them.</summary>
    [Benchmark]
    public Task<ValidationResult> Validator() => _validator.ValidateAsync(_command, CancellationToken.None);

    private static void EnsureConfirmed(CreateOrderResult result)
    {
        if (result is not CreateOrderResult.Confirmed)
        {
            throw new InvalidOperationException($"The sample order was not confirmed: {result}");
        }
    }
}
