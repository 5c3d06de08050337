using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using NSubstitute;
using Orders.Application.Abstractions;
using Orders.Domain.Common;
using Orders.Domain.Orders;

namespace Orders.WebApi.FunctionalTests.Security;

/// <summary>The edge api with authentication on and every dependency answering yes.</summary>
internal sealed class SecuredEdge : IAsyncDisposable
{
    private readonly EdgeFactory _edge = new();

    public SecuredEdge(Action<IWebHostBuilder>? configure = null)
    {
        _edge.Inventory.ReserveAsync(default, default!, default)
            .ReturnsForAnyArgs(new ReservationState.Reserved { Prices = [new(new ProductId("p1"), new Money(9.99m, "EUR"))] });
        _edge.Inventory.CommitAsync(default, default).ReturnsForAnyArgs(new ReservationState.Committed());
        _edge.Inventory.ReturnAsync(default, default).ReturnsForAnyArgs(new ReservationState.Returned());
        _edge.Payment.ChargeAsync(default!, default).ReturnsForAnyArgs(new PaymentState.Approved());
        _edge.Payment.RefundAsync(default, default).ReturnsForAnyArgs(new PaymentState.Refunded());
        Api = _edge.WithWebHostBuilder(builder =>
        {
            TestTokens.TrustTestKey(builder);
            configure?.Invoke(builder);
        });
        Client = Api.CreateClient();
    }

    public WebApplicationFactory<Program> Api { get; }

    public HttpClient Client { get; }

    public InMemoryOrderRepository Orders => _edge.Orders;

    public IInventory Inventory => _edge.Inventory;

    public IPayment Payment => _edge.Payment;

    public IProductCatalog Catalog => _edge.Catalog;

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> PlaceAsync(string token, string json = """{"items":[{"product_id":"p1","quantity":1}]}""") =>
        SendAsync(HttpMethod.Post, "/orders", token, json);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Api.DisposeAsync();
        await _edge.DisposeAsync();
    }
}
