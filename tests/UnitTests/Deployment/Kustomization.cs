using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Orders.UnitTests.Deployment;

/// <summary>
/// Renders a kustomization as <c>kustomize build</c> would, for the features this repository's manifests use
/// (resources, labels, namespace, images, secretGenerator from env files without a name hash); any other field
/// fails the render, so a manifest never silently means more than what is checked. No kustomize binary installs here.
/// </summary>
internal static class Kustomization
{
    private static readonly HashSet<string> Supported =
        ["apiVersion", "kind", "resources", "labels", "namespace", "images", "secretGenerator", "generatorOptions"];

    // Plain scalars as YAML reads them (2 is a number, "2" a string), so the rendered objects keep their types.
    private static readonly IDeserializer Yaml = new DeserializerBuilder().WithAttemptingUnquotedStringTypeDeserialization().Build();

    private static readonly ISerializer Writer = new SerializerBuilder().WithQuotingNecessaryStrings().Build();

    /// <param name="directory">The folder holding kustomization.yaml.</param>
    /// <param name="locate">Where to read a file the kustomization names (e.g. a committed template for an uncommitted env file).</param>
    public static List<Manifest> Build(string directory, Func<string, string>? locate = null)
    {
        locate ??= path => path;
        var kustomization = (Dictionary<object, object>)ReadAll(Path.Combine(directory, "kustomization.yaml")).Single();
        var unsupported = kustomization.Keys.Cast<string>().Except(Supported).ToList();
        if (unsupported.Count > 0)
        {
            throw new NotSupportedException($"{directory}: kustomization fields not rendered here: {string.Join(", ", unsupported)}");
        }

        var objects = new List<Manifest>();
        foreach (var resource in List(kustomization, "resources").Cast<string>().Select(resource => Path.GetFullPath(Path.Combine(directory, resource))))
        {
            objects.AddRange(Directory.Exists(resource) ? Build(resource, locate) : ReadAll(resource).Select(document => new Manifest((Dictionary<object, object>)document)));
        }

        objects.AddRange(GenerateSecrets(directory, kustomization, locate));
        foreach (var labels in List(kustomization, "labels").Cast<Dictionary<object, object>>())
        {
            foreach (var manifest in objects)
            {
                foreach (var (name, value) in (Dictionary<object, object>)labels["pairs"])
                {
                    Manifest.Map(manifest.Map("metadata"), "labels")[name] = value;
                }
            }
        }

        if (kustomization.TryGetValue("namespace", out var space))
        {
            foreach (var manifest in objects.Where(manifest => manifest.Kind != "Namespace"))
            {
                manifest.Map("metadata")["namespace"] = space;
            }
        }

        foreach (var image in List(kustomization, "images").Cast<Dictionary<object, object>>())
        {
            foreach (var container in objects.SelectMany(manifest => manifest.Containers).Where(container => (string)container["image"] == (string)image["name"]))
            {
                container["image"] = $"{image.GetValueOrDefault("newName", image["name"])}:{image.GetValueOrDefault("newTag", "latest")}";
            }
        }

        return objects;
    }

    /// <summary>The objects as one multi-document YAML file, as <c>kustomize build</c> prints them.</summary>
    public static string Write(IEnumerable<Manifest> objects) =>
        string.Join("---\n", objects.Select(manifest => Writer.Serialize(manifest.Root)));

    private static IEnumerable<Manifest> GenerateSecrets(string directory, Dictionary<object, object> kustomization, Func<string, string> locate)
    {
        var generators = List(kustomization, "secretGenerator").Cast<Dictionary<object, object>>().ToList();
        var options = kustomization.GetValueOrDefault("generatorOptions") as Dictionary<object, object>;
        if (generators.Count > 0 && !Equals(options?.GetValueOrDefault("disableNameSuffixHash"), true))
        {
            throw new NotSupportedException($"{directory}: generated names with a hash suffix are not rendered here");
        }

        foreach (var generator in generators)
        {
            var data = new Dictionary<object, object>();
            foreach (var file in List(generator, "envs").Cast<string>())
            {
                foreach (var line in File.ReadAllLines(locate(Path.Combine(directory, file))).Where(line => line.Length > 0 && !line.StartsWith('#')))
                {
                    var separator = line.IndexOf('=', StringComparison.Ordinal);
                    data[line[..separator]] = Convert.ToBase64String(Encoding.UTF8.GetBytes(line[(separator + 1)..]));
                }
            }

            yield return new Manifest(new Dictionary<object, object>
            {
                ["apiVersion"] = "v1",
                ["kind"] = "Secret",
                ["metadata"] = new Dictionary<object, object> { ["name"] = generator["name"] },
                ["type"] = "Opaque",
                ["data"] = data,
            });
        }
    }

    private static List<object> List(Dictionary<object, object> map, string key) =>
        map.GetValueOrDefault(key) as List<object> ?? [];

    private static List<object> ReadAll(string file)
    {
        using var reader = File.OpenText(file);
        var parser = new Parser(reader);
        parser.Consume<StreamStart>();
        var documents = new List<object>();
        while (parser.Accept<DocumentStart>(out _))
        {
            if (Yaml.Deserialize<object>(parser) is { } document)
            {
                documents.Add(document);
            }
        }

        return documents;
    }
}
