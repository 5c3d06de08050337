using System.Net;
using Orders.Application;
using Orders.Infrastructure;
using Orders.Infrastructure.Outbox;
using Orders.WebApi;
using Orders.WebApi.Health;
using Orders.WebApi.Limits;
using Orders.WebApi.Operations;
using Orders.Operations;
using Orders.WebApi.Orders;
using Orders.WebApi.Products;
using Orders.WebApi.Security;

var builder = WebApplication.CreateBuilder(args);
if (args is [HealthProbe.Argument, ..])
{
    return await HealthProbe.RunAsync(builder.Configuration, HealthEndpoints.ReadyPath, HttpVersion.Version11);
}


builder.Services
    .AddApplication()
    .AddInfrastructure(builder.Configuration)
    .AddOrderEventRelay(builder.Configuration)
    .AddWebApi()
    .AddOrderRecovery(builder.Configuration)
    .AddPlacementLimit(builder.Configuration)
    .AddFaultsWhenSwitchedOn(builder.Configuration)
    .AddOperations(builder.Configuration);
builder.Services.AddSecurity(builder.Configuration);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = OrderEndpoints.MaxRequestBodyBytes);

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseMiddleware<BodySizeLimitMiddleware>();
app.UseSecurity();
app.UseMiddleware<UnreadableTextGuard>();
// The document describes the API wherever it runs, not the address of the instance that served it.
app.UseOpenApi(settings => settings.PostProcess = (document, _) => document.Servers.Clear());
app.UseSwaggerUi();

app.MapOrders();
app.MapAttention();
app.MapProducts();
app.MapHealth();
app.MapOperations();

return await app.RunOrExplainAsync();

/// <summary>The WebApi's entry point, public for WebApplicationFactory in the functional tests.</summary>
public partial class Program;
