using Orders.Application;
using Orders.Infrastructure;
using Orders.WebApi;
using Orders.WebApi.Health;
using Orders.WebApi.Orders;
using Orders.WebApi.Products;

var builder = WebApplication.CreateBuilder(args);
builder.ListenOnDefaultUrlUnlessConfigured();

builder.Services
    .AddApplication()
    .AddInfrastructure(builder.Configuration)
    .AddWebApi();
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = OrderEndpoints.MaxRequestBodyBytes);

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseOpenApi();
app.UseSwaggerUi();

app.MapOrders();
app.MapProducts();
app.MapHealth();

await app.RunAsync();

/// <summary>The WebApi's entry point, public for WebApplicationFactory in the functional tests.</summary>
public partial class Program;
