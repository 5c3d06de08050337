namespace Orders.UnitTests.Deployment;

/// <summary>One Kubernetes object as parsed YAML, with the paths the checks read.</summary>
internal sealed class Manifest(Dictionary<object, object> root)
{
    public Dictionary<object, object> Root { get; } = root;

    public string Kind => (string)Root["kind"];

    public string ApiVersion => (string)Root["apiVersion"];

    public string Name => (string)Map("metadata")["name"];

    public string? Namespace => Map("metadata").GetValueOrDefault("namespace") as string;

    public Dictionary<object, object> Spec => Map("spec");

    /// <summary>The pod template's containers (Deployments); none for other kinds.</summary>
    public IEnumerable<Dictionary<object, object>> Containers =>
        Kind == "Deployment" ? Items(PodSpec, "containers") : [];

    public Dictionary<object, object> PodLabels => Map(Map(Map(Spec, "template"), "metadata"), "labels");

    private Dictionary<object, object> PodSpec => Map(Map(Spec, "template"), "spec");

    /// <summary>The map under <paramref name="key"/>, created empty when missing.</summary>
    public Dictionary<object, object> Map(string key) => Map(Root, key);

    public static Dictionary<object, object> Map(Dictionary<object, object> parent, string key)
    {
        if (parent.GetValueOrDefault(key) is not Dictionary<object, object> child)
        {
            parent[key] = child = [];
        }

        return child;
    }

    public static IEnumerable<Dictionary<object, object>> Items(Dictionary<object, object> parent, string key) =>
        (parent.GetValueOrDefault(key) as List<object> ?? []).Cast<Dictionary<object, object>>();

    /// <summary>Whether every label of <paramref name="selector"/> is on <paramref name="labels"/> with the same value.</summary>
    public static bool Selects(Dictionary<object, object> selector, Dictionary<object, object> labels) =>
        selector.Count > 0 && selector.All(pair => labels.TryGetValue(pair.Key, out var value) && Equals(value, pair.Value));

    public override string ToString() => $"{Kind}/{Name}";
}
