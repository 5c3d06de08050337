namespace Orders.WebApi;

public static class HostingDefaults
{
    /// <summary>Where the API listens when nothing else is configured.</summary>
    public const string DefaultUrl = "http://localhost:8080";

    /// <summary>
    /// Applies <see cref="DefaultUrl"/> only when --urls, ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS and Kestrel:Endpoints
    /// are all unset: a "Urls" entry in appsettings.json would outrank ASPNETCORE_URLS.
    /// </summary>
    public static WebApplicationBuilder ListenOnDefaultUrlUnlessConfigured(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var addressChosen = !string.IsNullOrEmpty(configuration[WebHostDefaults.ServerUrlsKey])
            || !string.IsNullOrEmpty(configuration[WebHostDefaults.HttpPortsKey])
            || !string.IsNullOrEmpty(configuration[WebHostDefaults.HttpsPortsKey])
            || configuration.GetSection("Kestrel:Endpoints").Exists();
        if (!addressChosen)
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        return builder;
    }
}
