using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
using Orders.Testing;

namespace Orders.WebApi.FunctionalTests;

public sealed class RecoveryOptionsTests
{
    [TestCase("Recovery:StuckAfter", "00:00:00")]
    [TestCase("Recovery:Interval", "-00:00:01")]
    public async Task The_api_does_not_start_with_a_recovery_setting_that_is_not_a_positive_time_span(string setting, string value)
    {
        using var edge = new EdgeFactory();

        var error = await StartupFailure.OfAsync(
            () => edge.WithWebHostBuilder(builder => builder.UseSetting(setting, value)),
            factory => _ = factory.Server);

        Assert.That(error, Is.TypeOf<OptionsValidationException>().With.Message.Contain(setting));
    }
}
