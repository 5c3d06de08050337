namespace Orders.WebApi.Security;

/// <summary>The <c>Auth</c> section: whether callers must present a bearer token.</summary>
public sealed class CallerAuthOptions
{
    public const string Section = "Auth";

    /// <summary><c>Auth:Enabled</c>; unset means on in Production and off elsewhere (the local run and its curl examples).</summary>
    public bool? Enabled { get; set; }

    public bool IsOn => Enabled == true;
}
