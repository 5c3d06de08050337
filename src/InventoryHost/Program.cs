using Orders.Contracts.Security;
using Orders.InventoryHost;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddStockLedger(builder.Configuration).AddInventoryGrpc();
builder.Services.AddServiceCredential(builder.Configuration);

var app = builder.Build();
app.MapInventoryGrpc();
await app.RunAsync();

/// <summary>The entry point, public so tests can host the service in-process.</summary>
public partial class Program;
