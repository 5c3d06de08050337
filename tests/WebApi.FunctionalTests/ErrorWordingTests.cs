using System.Net;
using System.Text;
using System.Text.Json;

namespace Orders.WebApi.FunctionalTests;

/// <summary>Errors in the API's own words: the field as the client sent it, where it was sent, and what is wrong with it.</summary>
public sealed class ErrorWordingTests
{
    private EdgeFactory _factory = null!;
    private HttpClient _client = null!;

    [SetUp]
    public void SetUp()
    {
        _factory = new EdgeFactory();
        _client = _factory.CreateClient();
    }

    [TearDown]
    public async Task TearDown()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Test]
    public async Task A_query_value_of_the_wrong_type_is_blamed_on_that_parameter_not_the_body()
    {
        using var response = await _client.GetAsync(new Uri("/orders?user_id=u1&limit=abc", UriKind.Relative));

        var errors = await ErrorsAsync(response);
        Assert.That(errors, Is.EqualTo(new Dictionary<string, string[]> { ["limit"] = ["'limit' must be a whole number."] }));
    }

    [Test]
    public async Task A_missing_quantity_is_required_not_zero()
    {
        var errors = await ErrorsAsync(await PostAsync("""{"user_id":"u1","items":[{"product_id":"p1"}]}"""));

        Assert.That(errors, Is.EqualTo(new Dictionary<string, string[]> { ["items[0].quantity"] = ["'quantity' is required."] }));
    }

    [Test]
    public async Task A_missing_product_id_and_user_id_are_required_in_snake_case()
    {
        var errors = await ErrorsAsync(await PostAsync("""{"items":[{"product_id":"","quantity":1}]}"""));

        Assert.That(errors, Is.EqualTo(new Dictionary<string, string[]>
        {
            ["user_id"] = ["'user_id' is required."],
            ["items[0].product_id"] = ["'product_id' is required."],
        }));
    }

    [Test]
    public async Task A_quantity_out_of_range_names_the_range_in_snake_case()
    {
        var errors = await ErrorsAsync(await PostAsync("""{"user_id":"u1","items":[{"product_id":"p1","quantity":0}]}"""));

        Assert.That(errors, Is.EqualTo(new Dictionary<string, string[]> { ["items[0].quantity"] = ["'quantity' must be between 1 and 10000."] }));
    }

    [Test]
    public async Task An_unknown_field_is_named_as_unknown()
    {
        var errors = await ErrorsAsync(await PostAsync("""{"user_id":"u1","items":[{"product_id":"p1","quantity":1,"price":0}]}"""));

        Assert.That(errors, Is.EqualTo(new Dictionary<string, string[]> { ["items[0].price"] = ["'price' is not a field of this request."] }));
    }

    [Test]
    public async Task Stock_out_of_range_names_available_in_snake_case()
    {
        using var content = new StringContent("""{"available":-1}""", Encoding.UTF8, "application/json");
        using var response = await _client.PutAsync(new Uri("/products/p1/stock", UriKind.Relative), content);

        var errors = await ErrorsAsync(response);
        Assert.That(errors, Is.EqualTo(new Dictionary<string, string[]> { ["available"] = ["'available' must be between 0 and 1000000."] }));
    }

    [Test]
    public async Task A_body_that_is_not_json_is_a_415_problem_with_a_detail()
    {
        using var content = new StringContent("user_id=u1", Encoding.UTF8, "text/plain");
        using var response = await _client.PostAsync(new Uri("/orders", UriKind.Relative), content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("application/json"));
    }

    private Task<HttpResponseMessage> PostAsync(string json)
    {
        var content = new StringContent(json, Encoding.UTF8, "application/json");
        return _client.PostAsync(new Uri("/orders", UriKind.Relative), content);
    }

    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), text);
            var problem = JsonDocument.Parse(text).RootElement;
            Assert.That(problem.GetProperty("detail").GetString(), Is.Not.Empty);
            return problem.GetProperty("errors").EnumerateObject()
                .ToDictionary(error => error.Name, error => error.Value.EnumerateArray().Select(message => message.GetString()!).ToArray());
        }
    }
}
