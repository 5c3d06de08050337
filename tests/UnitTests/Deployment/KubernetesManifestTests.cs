using System.Globalization;

namespace Orders.UnitTests.Deployment;

/// <summary>
/// The local overlay under deploy/kubernetes, rendered, holds together: every object is a known kind in the overlay's
/// namespace, and every reference between objects (selectors, ports, Secret keys, autoscaler targets) resolves.
/// </summary>
public sealed class KubernetesManifestTests
{
    private const string Namespace = "orders-local";

    private static readonly Dictionary<string, string> ApiVersions = new()
    {
        ["Namespace"] = "v1",
        ["Secret"] = "v1",
        ["Service"] = "v1",
        ["Deployment"] = "apps/v1",
        ["PodDisruptionBudget"] = "policy/v1",
        ["HorizontalPodAutoscaler"] = "autoscaling/v2",
        ["NetworkPolicy"] = "networking.k8s.io/v1",
    };

    private static readonly Lazy<List<Manifest>> Rendered = new(() => Kustomization.Build(
        Path.Combine(RepositoryRoot, "deploy", "kubernetes", "overlays", "local"),
        // secrets.env is never committed: the committed template stands in for it, as .env.example does for compose.
        path => File.Exists(path) || !path.EndsWith("secrets.env", StringComparison.Ordinal) ? path : path + ".example"));

    private static List<Manifest> Objects => Rendered.Value;

    private static IEnumerable<Manifest> Deployments => Objects.Where(manifest => manifest.Kind == "Deployment");

    /// <summary>The rendered overlay, for .ci/run to validate against the Kubernetes API schemas (deploy/kubernetes/validate).</summary>
    [OneTimeSetUp]
    public void WriteRenderedOverlay()
    {
        var output = Path.Combine(RepositoryRoot, "TestResults", "kubernetes", "overlays-local.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        File.WriteAllText(output, Kustomization.Write(Objects));
        TestContext.Progress.WriteLine($"Rendered deploy/kubernetes/overlays/local: {Objects.Count} objects, written to {output}");
    }

    [Test]
    public void Every_object_is_a_known_kind_at_its_api_version_in_the_overlays_namespace()
    {
        Assert.That(Objects.Select(manifest => manifest.Kind).Distinct(), Is.EquivalentTo(ApiVersions.Keys));
        Assert.That(Objects.Where(manifest => manifest.ApiVersion != ApiVersions[manifest.Kind]), Is.Empty);
        Assert.That(Objects.Where(manifest => manifest.Kind != "Namespace" && manifest.Namespace != Namespace), Is.Empty);
        Assert.That(Objects.GroupBy(manifest => manifest.ToString()).Where(group => group.Count() > 1).Select(group => group.Key), Is.Empty, "names are unique per kind");
    }

    [Test]
    public void The_webapi_and_inventory_run_two_replicas_or_more_with_a_disruption_budget_and_a_cpu_autoscaler()
    {
        foreach (var name in new[] { "orders-webapi", "orders-inventory" })
        {
            var deployment = Deployments.Single(manifest => manifest.Name == name);
            var budget = Objects.Single(manifest => manifest.Kind == "PodDisruptionBudget" && manifest.Name == name);
            var autoscaler = Objects.Single(manifest => manifest.Kind == "HorizontalPodAutoscaler" && manifest.Name == name);
            Assert.That(Convert.ToInt32(deployment.Spec["replicas"], CultureInfo.InvariantCulture), Is.GreaterThanOrEqualTo(2), name);
            Assert.That(Manifest.Selects(Manifest.Map(Manifest.Map(budget.Spec, "selector"), "matchLabels"), deployment.PodLabels), Is.True, $"{budget} selects {name}");
            Assert.That(Manifest.Map(autoscaler.Spec, "scaleTargetRef")["name"], Is.EqualTo(name));
            Assert.That(Convert.ToInt32(autoscaler.Spec["minReplicas"], CultureInfo.InvariantCulture), Is.GreaterThanOrEqualTo(2));
            Assert.That(Manifest.Items(autoscaler.Spec, "metrics").Select(metric => Manifest.Map(metric, "resource")["name"]), Is.EqualTo(new[] { "cpu" }));
        }
    }

    [Test]
    public void Every_deployment_selects_its_own_pods_and_every_container_requests_cpu_and_memory()
    {
        foreach (var deployment in Deployments)
        {
            Assert.That(Manifest.Selects(Manifest.Map(Manifest.Map(deployment.Spec, "selector"), "matchLabels"), deployment.PodLabels), Is.True, deployment.ToString());
            foreach (var container in deployment.Containers)
            {
                Assert.That(Manifest.Map(Manifest.Map(container, "resources"), "requests").Keys, Is.SupersetOf(new[] { "cpu", "memory" }), deployment.ToString());
                Assert.That(container["image"], Does.EndWith(":local"), "the overlay names the image it runs");
            }
        }
    }

    [Test]
    public void Every_service_selects_a_deployments_pods_and_targets_a_port_they_declare()
    {
        foreach (var service in Objects.Where(manifest => manifest.Kind == "Service"))
        {
            var selected = Deployments.Where(deployment => Manifest.Selects(Manifest.Map(service.Spec, "selector"), deployment.PodLabels)).ToList();
            Assert.That(selected, Has.Count.EqualTo(1), $"{service} selects the pods of one Deployment");
            foreach (var port in Manifest.Items(service.Spec, "ports"))
            {
                Assert.That(DeclaresPort(selected[0], port["targetPort"]), Is.True, $"{service} targets {port["targetPort"]}");
            }
        }
    }

    [Test]
    public void Every_probe_points_at_a_port_its_container_declares()
    {
        var probes = 0;
        foreach (var deployment in Deployments)
        {
            foreach (var container in deployment.Containers)
            {
                foreach (var probe in new[] { "readinessProbe", "livenessProbe", "startupProbe" }.Where(container.ContainsKey).Select(name => (Dictionary<object, object>)container[name]))
                {
                    var handler = (Dictionary<object, object>)probe.Values.Single(value => value is Dictionary<object, object>);
                    Assert.That(DeclaresPort(deployment, handler["port"]), Is.True, $"{deployment}: a probe on port {handler["port"]}");
                    probes++;
                }

                Assert.That(container.ContainsKey("readinessProbe") && container.ContainsKey("livenessProbe"), Is.True, $"{deployment} has readiness and liveness probes");
            }
        }

        Assert.That(probes, Is.GreaterThanOrEqualTo(6));
    }

    [Test]
    public void Every_secret_key_a_container_reads_is_declared_and_no_secret_is_committed_in_the_base()
    {
        var secrets = Objects.Where(manifest => manifest.Kind == "Secret").ToDictionary(secret => secret.Name, secret => secret.Map("data").Keys.Cast<string>().ToHashSet());
        var references = Deployments.SelectMany(deployment => deployment.Containers).SelectMany(container => Manifest.Items(container, "env"))
            .Where(variable => variable.ContainsKey("valueFrom"))
            .Select(variable => Manifest.Map(Manifest.Map(variable, "valueFrom"), "secretKeyRef"))
            .Select(reference => ((string)reference["name"], (string)reference["key"])).Distinct().ToList();

        Assert.That(references, Is.Not.Empty);
        Assert.That(references.Where(reference => !(secrets.TryGetValue(reference.Item1, out var keys) && keys.Contains(reference.Item2))), Is.Empty);
        Assert.That(Kustomization.Build(Path.Combine(RepositoryRoot, "deploy", "kubernetes", "base")).Where(manifest => manifest.Kind == "Secret"), Is.Empty);
        Assert.That(File.ReadAllLines(Path.Combine(RepositoryRoot, "deploy", "kubernetes", "overlays", "local", ".gitignore")), Does.Contain("secrets.env"));
    }

    [Test]
    public void Network_policies_let_only_the_webapis_pods_reach_the_grpc_hosts()
    {
        var webapi = Deployments.Single(deployment => deployment.Name == "orders-webapi");
        foreach (var host in Deployments.Where(deployment => deployment.Name != "orders-webapi"))
        {
            var policy = Objects.Single(manifest => manifest.Kind == "NetworkPolicy" && Manifest.Selects(Manifest.Map(Manifest.Map(manifest.Spec, "podSelector"), "matchLabels"), host.PodLabels));
            var sources = Manifest.Items(policy.Spec, "ingress").SelectMany(rule => Manifest.Items(rule, "from")).ToList();
            Assert.That(sources.Select(source => Manifest.Selects(Manifest.Map(Manifest.Map(source, "podSelector"), "matchLabels"), webapi.PodLabels)), Is.Not.Empty.And.All.True, $"{policy} admits the WebApi alone");
            Assert.That(Manifest.Items(policy.Spec, "ingress").SelectMany(rule => Manifest.Items(rule, "ports")).Select(port => DeclaresPort(host, port["port"])), Is.Not.Empty.And.All.True);
        }
    }

    /// <summary>Whether a container of the Deployment declares the port, by name or by number.</summary>
    private static bool DeclaresPort(Manifest deployment, object port) =>
        deployment.Containers.SelectMany(container => Manifest.Items(container, "ports"))
            .Any(declared => Equals(declared.GetValueOrDefault("name"), port) || Equals(declared["containerPort"], port));

    private static string RepositoryRoot
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Orders.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("Orders.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
