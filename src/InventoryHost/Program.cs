using System.Net;
using Orders.Contracts.Security;
using Orders.InventoryHost;
using Orders.InventoryHost.Telemetry;
using Orders.Operations;

var builder = WebApplication.CreateBuilder(args);
if (args is [HealthProbe.Argument, ..])
{
    return await HealthProbe.RunAsync(builder.Configuration, InventoryTelemetry.HealthPath, HttpVersion.Version20);
}

builder.Services.AddStockLedger(builder.Configuration).AddInventoryGrpc().AddInventoryObservability(builder.Configuration);
builder.Services.AddServiceCredential(builder.Configuration);

var app = builder.Build();
app.MapInventoryGrpc();
app.MapInventoryOperations();
return await app.RunOrExplainAsync();

/// <summary>The entry point, public so tests can host the service in-process.</summary>
public partial class Program;
