using System.Net;
using System.Text;

namespace Orders.Bench;

/// <summary>The full system: <c>POST /orders</c> through the REST API, which runs the saga over gRPC and both stores.</summary>
internal sealed class HttpOrders(HttpClient http, bool idempotency)
{
    /// <param name="options">The API's address.</param>
    /// <param name="connections">At most this many requests at once: the clients of a closed loop, the requests in flight of an open one.</param>
    public static HttpClient CreateClient(BenchOptions options, int connections) =>
        new(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        })
        {
            BaseAddress = options.Api,
            Timeout = TimeSpan.FromSeconds(30),
        };

    public async Task<Attempt> PlaceAsync(OrderPlan plan)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "orders") { Content = new StringContent(Body(plan), Encoding.UTF8, "application/json") };
        if (idempotency)
        {
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        }

        using var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return new Attempt(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), response.StatusCode == HttpStatusCode.Created);
    }

    private static string Body(OrderPlan plan)
    {
        var body = new StringBuilder(64 + (plan.Lines.Count * 48)).Append("{\"user_id\":\"").Append(plan.UserId).Append("\",\"items\":[");
        foreach (var line in plan.Lines)
        {
            body.Append("{\"product_id\":\"").Append(line.ProductId).Append("\",\"quantity\":").Append(line.Quantity).Append("},");
        }

        return body.Remove(body.Length - 1, 1).Append("]}").ToString();
    }
}
