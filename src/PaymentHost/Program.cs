using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orders.Contracts.Security;
using Orders.PaymentHost;
using Orders.PaymentHost.Api;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddGrpc(o => o.Interceptors.Add<ServiceCredentialInterceptor>());
builder.Services.AddServiceCredential(builder.Configuration);
builder.Services.AddGrpcReflection();
builder.Services.AddGrpcHealthChecks()
    .AddCheck("payments", () => HealthCheckResult.Healthy());
builder.Services.AddPaymentEmulator(builder.Configuration);

var app = builder.Build();

app.MapGrpcService<PaymentsService>();
app.MapGrpcHealthChecksService();
app.MapGrpcReflectionService();

await app.RunAsync();

/// <summary>Visible to tests, which host the service in-process with WebApplicationFactory.</summary>
public partial class Program;
