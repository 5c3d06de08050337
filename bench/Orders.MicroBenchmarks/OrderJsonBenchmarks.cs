using System.Buffers;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Orders.WebApi.Orders;

namespace Orders.MicroBenchmarks;

/// <summary>
/// Reading a <c>POST /orders</c> body and writing the order back with the WebApi's wire options (snake_case, strict
/// reading: unknown fields, repeated keys and quoted numbers refused), set against the framework's web defaults
/// reading and writing the same objects (in camelCase), so the ratio is what the wire format costs.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class OrderJsonBenchmarks
{
    private const string Read = "read CreateOrderRequest";
    private const string Write = "write OrderResponse";

    private static readonly JsonSerializerOptions WebDefaults = JsonSerializerOptions.Web;

    private readonly ArrayBufferWriter<byte> _output = new();
    private JsonSerializerOptions _wire = null!;
    private Utf8JsonWriter _writer = null!;
    private byte[] _wireBody = [];
    private byte[] _webBody = [];
    private OrderResponse _response = null!;

    [Params(1, 10)]
    public int Lines { get; set; }

    [GlobalSetup]
    public void SetUp()
    {
        _wire = WebApiComposition.WireJsonOptions();
        _writer = new Utf8JsonWriter(_output);
        var request = OrderSamples.Request(Lines);
        _wireBody = JsonSerializer.SerializeToUtf8Bytes(request, _wire);
        _webBody = JsonSerializer.SerializeToUtf8Bytes(request, WebDefaults);
        _response = OrderSamples.Response(Lines);
    }

    [GlobalCleanup]
    public void CleanUp() => _writer.Dispose();

    /// <summary>The sample request body as a client sends it (<c>{"user_id":"u1","items":[...]}</c>).</summary>
    internal string WireBody => Encoding.UTF8.GetString(_wireBody);

    /// <summary>What the last write produced.</summary>
    internal string Written => Encoding.UTF8.GetString(_output.WrittenSpan);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Read)]
    public CreateOrderRequest? ReadWithWebDefaults() => JsonSerializer.Deserialize<CreateOrderRequest>(_webBody, WebDefaults);

    [Benchmark]
    [BenchmarkCategory(Read)]
    public CreateOrderRequest? ReadWithWireOptions() => JsonSerializer.Deserialize<CreateOrderRequest>(_wireBody, _wire);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Write)]
    public int WriteWithWebDefaults() => WriteResponse(WebDefaults);

    [Benchmark]
    [BenchmarkCategory(Write)]
    public int WriteWithWireOptions() => WriteResponse(_wire);

    /// <summary>Into a reused buffer, as into the response body: only what the serializer itself allocates is counted.</summary>
    private int WriteResponse(JsonSerializerOptions options)
    {
        _output.ResetWrittenCount();
        _writer.Reset();
        JsonSerializer.Serialize(_writer, _response, options);
        _writer.Flush();
        return _output.WrittenCount;
    }
}
