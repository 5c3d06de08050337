using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Orders.WebApi.FunctionalTests.EndToEnd;

namespace Orders.WebApi.FunctionalTests.Security;

/// <summary>
/// The README's Docker walk-through: the WebApi configured exactly as docker-compose.yml does (Production, the
/// compose environment with .env.example's values; only the addresses of the other services are the test's), and
/// tokens from the documented command, <c>./build.sh --target=Token --user=u1</c>.
/// </summary>
public sealed partial class ComposeQuickStartTests
{
    private SecuredEdge _edge = null!;

    [OneTimeSetUp]
    public void StartAsCompose()
    {
        var environment = ComposeEnvironment();
        Assert.That(environment, Does.ContainKey("Authentication__Schemes__Bearer__SigningKeys__0__Value"));
        _edge = new SecuredEdge(builder =>
        {
            builder.UseEnvironment("Production");
            foreach (var (name, value) in environment.Where(setting => !IsAnAddress(setting.Key)))
            {
                builder.UseSetting(name.Replace("__", ":", StringComparison.Ordinal), value);
            }

            builder.UseSetting("Database:MigrateOnStartup", "false");
        });
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _edge.DisposeAsync();

    [Test]
    public async Task A_token_from_the_documented_command_places_an_order_and_another_users_token_does_not_see_it()
    {
        var u1 = await TokenAsync("u1");
        var u2 = await TokenAsync("u2");

        using var placed = await SendAsync(HttpMethod.Post, "/orders", u1, """{"items":[{"product_id":"p1","quantity":2}]}""");
        var order = JsonDocument.Parse(await placed.Content.ReadAsStringAsync()).RootElement;
        Assert.That(placed.StatusCode, Is.EqualTo(HttpStatusCode.Created), order.ToString());
        var id = order.GetProperty("id").GetString();
        using var own = await SendAsync(HttpMethod.Get, $"/orders/{id}", u1);
        using var other = await SendAsync(HttpMethod.Get, $"/orders/{id}", u2);

        Assert.That(order.GetProperty("user_id").GetString(), Is.EqualTo("u1"));
        Assert.That(own.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Without_a_token_the_compose_stack_answers_401()
    {
        using var response = await SendAsync(HttpMethod.Get, "/orders", token: null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, string? json = null)
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

        return await _edge.Client.SendAsync(request);
    }

    /// <summary>The documented command, run from the repository root with .env.example's key (as after <c>cp .env.example .env</c>).</summary>
    private static async Task<string> TokenAsync(string user)
    {
        var start = new ProcessStartInfo("bash", $"./build.sh --target=Token --user={user} --verbosity=quiet")
        {
            WorkingDirectory = HostProcess.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["JWT_SIGNING_KEY"] = EnvExample()["JWT_SIGNING_KEY"];
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.That(process.ExitCode, Is.Zero, errors + output);
        return output.Split('\n')[0].Trim();
    }

    // Hosts and ports of the compose network are the test's own (the fakes of SecuredEdge).
    private static bool IsAnAddress(string name) =>
        name.StartsWith("ConnectionStrings__", StringComparison.Ordinal) || name.StartsWith("Services__", StringComparison.Ordinal) && name.EndsWith("__Address", StringComparison.Ordinal);

    private static Dictionary<string, string> EnvExample() =>
        File.ReadLines(Path.Combine(HostProcess.RepositoryRoot, ".env.example"))
            .Where(line => line.Contains('=', StringComparison.Ordinal) && !line.TrimStart().StartsWith('#'))
            .ToDictionary(line => line[..line.IndexOf('=', StringComparison.Ordinal)].Trim(), line => line[(line.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim());

    /// <summary>The webapi service's environment in docker-compose.yml, with <c>${VAR:-default}</c> and <c>${VAR:?message}</c> resolved from .env.example.</summary>
    private static Dictionary<string, string> ComposeEnvironment()
    {
        var env = EnvExample();
        var lines = File.ReadAllLines(Path.Combine(HostProcess.RepositoryRoot, "docker-compose.yml"));
        var service = Array.IndexOf(lines, "  webapi:");
        var block = lines.Skip(service + 1).SkipWhile(line => line != "    environment:").Skip(1).TakeWhile(line => line.StartsWith("      ", StringComparison.Ordinal));
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in block.Select(line => line.Trim()).Where(line => !line.StartsWith('#')))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var value = Variable().Replace(line[(colon + 1)..].Trim().Trim('"'), match =>
                env.TryGetValue(match.Groups["name"].Value, out var set) && set.Length > 0
                    ? set
                    : match.Groups["op"].Value == ":-" ? match.Groups["rest"].Value : string.Empty);
            settings[line[..colon]] = value;
        }

        return settings;
    }

    [GeneratedRegex(@"\$\{(?<name>[A-Z_]+)(?:(?<op>:-|:\?)(?<rest>[^}]*))?\}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Variable();
}
