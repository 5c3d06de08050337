using System.Net;
using Orders.Operations;
using Orders.Contracts.Security;
using Orders.PaymentHost;
using Orders.PaymentHost.Api;
using Orders.PaymentHost.Store;

var builder = WebApplication.CreateBuilder(args);
if (args is [HealthProbe.Argument, ..])
{
    return await HealthProbe.RunAsync(builder.Configuration, PaymentOperations.HealthPath, HttpVersion.Version20);
}

// One per host, not per call (the default for an interceptor that is not registered).
builder.Services.AddSingleton<ServiceCredentialInterceptor>();
builder.Services.AddGrpc(o => o.Interceptors.Add<ServiceCredentialInterceptor>());
builder.Services.AddServiceCredential(builder.Configuration);
builder.Services.AddGrpcReflection();
builder.Services.AddGrpcHealthChecks()
    .AddCheck<PaymentStoreHealthCheck>("payments", timeout: PaymentStoreHealthCheck.Timeout);
builder.Services.AddPaymentEmulator(builder.Configuration);
builder.Services.AddObservability(builder.Configuration, PaymentOperations.ServiceName, sources: [], meters: [PaymentOperations.NpgsqlMeter]);

var app = builder.Build();

app.MapGrpcService<PaymentsService>();
app.MapGrpcHealthChecksService();
app.MapGrpcReflectionService();
app.MapPaymentOperations();

return await app.RunOrExplainAsync();

/// <summary>Visible to tests, which host the service in-process with WebApplicationFactory.</summary>
public partial class Program;
