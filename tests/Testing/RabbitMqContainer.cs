using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using Testcontainers.RabbitMq;

namespace Orders.Testing;

/// <summary>RabbitMQ in a Testcontainers container, when a Docker engine answers.</summary>
internal static class RabbitMqContainer
{
    private const string Image = "rabbitmq:3.13-alpine";

    public static async Task<(Uri AmqpUri, Func<string, Task> Control)?> TryStartAsync(List<string> reasons)
    {
        if (TestcontainersSettings.OS.DockerEndpointAuthConfig is null)
        {
            reasons.Add("no Docker engine answers");
            return null;
        }

        try
        {
            var container = new RabbitMqBuilder(Image).Build();
            await container.StartAsync().ConfigureAwait(false);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => container.DisposeAsync().AsTask().GetAwaiter().GetResult();
            async Task ControlAsync(string command)
            {
                var result = await container.ExecAsync(["rabbitmqctl", "-q", command]).ConfigureAwait(false);
                if (result.ExitCode != 0)
                {
                    throw new InvalidOperationException($"rabbitmqctl {command} exited with {result.ExitCode}: {result.Stderr}");
                }
            }

            return (new Uri(container.GetConnectionString()), ControlAsync);
        }
        catch (DockerUnavailableException exception)
        {
            reasons.Add($"Docker is unavailable ({exception.Message})");
            return null;
        }
    }
}
