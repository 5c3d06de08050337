using System.Text.Json;

namespace Orders.WebApi.FunctionalTests.EndToEnd;

/// <summary>
/// api/asyncapi/orders.v1.json, and the part of JSON Schema it uses (local $ref, allOf, type, const, enum, required,
/// properties, additionalProperties: false, items), enough to hold a published event to its message's payload.
/// </summary>
internal sealed class AsyncApiDocument
{
    private readonly JsonElement _root;

    private AsyncApiDocument(JsonElement root) => _root = root;

    public static AsyncApiDocument Committed() =>
        new(JsonDocument.Parse(File.ReadAllText(RepositoryFile("api", "asyncapi", "orders.v1.json"))).RootElement);

    public static string RepositoryFile(params string[] path)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Orders.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine([directory?.FullName ?? throw new InvalidOperationException("Orders.sln not found."), .. path]);
    }

    /// <summary>The message names of the orders channel, which are the event types.</summary>
    public IEnumerable<string> MessageNames =>
        _root.GetProperty("channels").GetProperty("orders").GetProperty("messages").EnumerateObject()
            .Select(message => Resolve(message.Value).GetProperty("name").GetString()!);

    public JsonElement Schema(string name) => _root.GetProperty("components").GetProperty("schemas").GetProperty(name);

    /// <summary>What in <paramref name="instance"/> the payload of the message named <paramref name="messageName"/> does not allow.</summary>
    public IReadOnlyList<string> Violations(string messageName, JsonElement instance)
    {
        var message = _root.GetProperty("channels").GetProperty("orders").GetProperty("messages").EnumerateObject()
            .Select(entry => Resolve(entry.Value))
            .SingleOrDefault(entry => entry.GetProperty("name").GetString() == messageName);
        if (message.ValueKind == JsonValueKind.Undefined)
        {
            return [$"no message named {messageName}"];
        }

        var violations = new List<string>();
        Check(message.GetProperty("payload"), instance, "$", violations);
        return violations;
    }

    private JsonElement Resolve(JsonElement schema)
    {
        while (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference))
        {
            schema = reference.GetString()!.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries)
                .Aggregate(_root, (node, segment) => node.GetProperty(segment));
        }

        return schema;
    }

    private void Check(JsonElement schema, JsonElement instance, string path, List<string> violations)
    {
        schema = Resolve(schema);
        if (schema.TryGetProperty("allOf", out var all))
        {
            foreach (var part in all.EnumerateArray())
            {
                Check(part, instance, path, violations);
            }
        }

        if (schema.TryGetProperty("type", out var type) && !TypeNames(type).Any(name => IsOfType(name, instance)))
        {
            violations.Add($"{path}: {TypeOf(instance)} where the schema says {type}");
            return;
        }

        if (schema.TryGetProperty("const", out var constant) && !JsonElement.DeepEquals(constant, instance))
        {
            violations.Add($"{path}: {instance} where the schema says {constant}");
        }

        if (schema.TryGetProperty("enum", out var values) && !values.EnumerateArray().Any(value => JsonElement.DeepEquals(value, instance)))
        {
            violations.Add($"{path}: {instance} is not one of {values}");
        }

        if (instance.ValueKind == JsonValueKind.Object)
        {
            CheckObject(schema, instance, path, violations);
        }

        if (instance.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var i = 0;
            foreach (var item in instance.EnumerateArray())
            {
                Check(items, item, $"{path}[{i++}]", violations);
            }
        }
    }

    private void CheckObject(JsonElement schema, JsonElement instance, string path, List<string> violations)
    {
        var properties = schema.TryGetProperty("properties", out var declared) ? declared : default;
        if (schema.TryGetProperty("required", out var required))
        {
            violations.AddRange(required.EnumerateArray()
                .Where(name => !instance.TryGetProperty(name.GetString()!, out _))
                .Select(name => $"{path}.{name.GetString()}: missing"));
        }

        foreach (var property in instance.EnumerateObject())
        {
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
            {
                Check(propertySchema, property.Value, $"{path}.{property.Name}", violations);
            }
            else if (schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False)
            {
                violations.Add($"{path}.{property.Name}: not in the schema");
            }
        }
    }

    private static string[] TypeNames(JsonElement type) =>
        type.ValueKind == JsonValueKind.Array ? [.. type.EnumerateArray().Select(name => name.GetString()!)] : [type.GetString()!];

    private static bool IsOfType(string name, JsonElement instance) =>
        name == TypeOf(instance) || (name == "integer" && instance.ValueKind == JsonValueKind.Number && instance.TryGetInt64(out _));

    private static string TypeOf(JsonElement instance) => instance.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };
}
