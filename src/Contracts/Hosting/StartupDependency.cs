namespace Orders.Contracts.Hosting;

/// <summary>A store or service a host needs before it can start, and what to tell whoever started the host when it is not there.</summary>
/// <param name="Name">What it is: <c>PostgreSQL</c>, <c>MongoDB</c>.</param>
/// <param name="Setting">The setting that says where it is: <c>ConnectionStrings:Orders</c>.</param>
/// <param name="HowToStart">How to start one: <c>./build.sh --target=Run starts one, or docker compose up postgres</c>.</param>
public sealed record StartupDependency(string Name, string Setting, string HowToStart);
