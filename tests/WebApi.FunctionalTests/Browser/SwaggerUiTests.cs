using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using Orders.Application.Abstractions;
using Orders.Domain.Common;
using Orders.Domain.Orders;

namespace Orders.WebApi.FunctionalTests.Browser;

/// <summary>
/// A newcomer opens /swagger, expands POST /orders, clicks "Try it out" and "Execute" with the example the document
/// offers: in a real (headless) browser, that places an order.
/// </summary>
public sealed class SwaggerUiTests
{
    private static readonly TimeSpan PageTimeout = TimeSpan.FromSeconds(60);

    [Test]
    public async Task Try_it_out_on_post_orders_with_the_default_example_answers_201()
    {
        await using var edge = new EdgeFactory();
        edge.Inventory.ReserveAsync(default, default!, default)
            .ReturnsForAnyArgs(new ReservationState.Reserved { Prices = [new(new ProductId("p1"), new Money(19.50m, "EUR"))] });
        edge.Inventory.CommitAsync(default, default).ReturnsForAnyArgs(new ReservationState.Committed());
        edge.Payment.ChargeAsync(default!, default).ReturnsForAnyArgs(new PaymentState.Approved());
        await using var api = edge.WithWebHostBuilder(host => host.UseSetting("urls", "http://127.0.0.1:0"));
        api.UseKestrel();
        api.StartServer();
        var address = api.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        await using var browser = await HeadlessChromium.StartAsync();

        await browser.NavigateAsync(new Uri($"{address}/swagger/index.html"));
        const string Operation = "#operations-Orders-CreateOrder";
        Assert.That(await browser.WaitForAsync("document.querySelector('#operations-tag-Orders') ? 'shown' : ''", PageTimeout), Is.EqualTo("shown"), "the Orders tag is listed");
        await browser.EvaluateAsync($"document.querySelector('{Operation}') || document.querySelector('#operations-tag-Orders').click()");
        Assert.That(await browser.WaitForAsync($"document.querySelector('{Operation} .opblock-summary') ? 'shown' : ''", PageTimeout), Is.EqualTo("shown"), "POST /orders is listed");
        await browser.EvaluateAsync($"(document.querySelector('{Operation} .opblock-summary-control') ?? document.querySelector('{Operation} .opblock-summary')).click()");
        Assert.That(await browser.WaitForAsync($"document.querySelector('{Operation} .try-out__btn') ? 'shown' : ''", PageTimeout), Is.EqualTo("shown"), "Try it out is offered");
        await browser.EvaluateAsync($"document.querySelector('{Operation} .try-out__btn').click()");
        var example = await browser.WaitForAsync($"document.querySelector('{Operation} textarea.body-param__text')?.value ?? ''", PageTimeout);
        await browser.EvaluateAsync($"document.querySelector('{Operation} .btn.execute').click()");
        var status = await browser.WaitForAsync($"document.querySelector('{Operation} .live-responses-table tr.response .response-col_status')?.innerText ?? ''", PageTimeout);
        var body = await browser.EvaluateAsync($"document.querySelector('{Operation} .live-responses-table .response-col_description pre')?.innerText ?? ''");

        TestContext.Progress.WriteLine($"Swagger UI, POST /orders, Try it out with {example?.ReplaceLineEndings(" ")} -> {status}: {body?.ReplaceLineEndings(" ")}");
        Assert.That(status?.Trim(), Is.EqualTo("201"), body);
        Assert.That(body, Does.Contain("\"status\": \"confirmed\""));
        Assert.That(edge.Orders.Orders, Has.Count.EqualTo(1));
    }
}
