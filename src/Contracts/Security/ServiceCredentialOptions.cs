namespace Orders.Contracts.Security;

/// <summary>The <c>ServiceAuth</c> section: the key every internal gRPC call carries in <see cref="ServiceCredential.Header"/>.</summary>
public sealed class ServiceCredentialOptions
{
    public const string Section = "ServiceAuth";

    /// <summary>Shorter keys are refused at start: a guessable key is no credential.</summary>
    public const int MinimumKeyLength = 16;

    /// <summary><c>ServiceAuth:Key</c>: no default, so a host never runs with a key everyone knows.</summary>
    public string Key { get; set; } = "";
}
