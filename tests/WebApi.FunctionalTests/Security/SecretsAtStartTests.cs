using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
using Orders.Testing;

namespace Orders.WebApi.FunctionalTests.Security;

/// <summary>No secret has a default in Production: a missing one stops the api at start and says which.</summary>
public sealed class SecretsAtStartTests
{
    [Test]
    public async Task The_api_does_not_start_with_auth_on_and_no_signing_keys()
    {
        using var edge = new EdgeFactory();

        var error = await StartupFailure.OfAsync(
            () => edge.WithWebHostBuilder(builder => builder.UseSetting("Auth:Enabled", "true")),
            factory => _ = factory.Server);

        Assert.That(error, Is.TypeOf<OptionsValidationException>().With.Message.Contain("Authentication:Schemes:Bearer"));
    }

    [Test]
    public async Task The_api_does_not_start_without_a_service_key()
    {
        using var edge = new EdgeFactory();

        var error = await StartupFailure.OfAsync(
            () => edge.WithWebHostBuilder(builder => builder.UseSetting(TestServiceKey.Setting, "")),
            factory => _ = factory.Server);

        Assert.That(error, Is.TypeOf<OptionsValidationException>().With.Message.Contain("ServiceAuth:Key"));
    }
}
