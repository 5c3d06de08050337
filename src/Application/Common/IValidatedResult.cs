namespace Orders.Application.Common;

/// <summary>A use-case result that can say "the request is invalid" itself, so validation needs no exception.</summary>
public interface IValidatedResult<out TSelf>
    where TSelf : IValidatedResult<TSelf>
{
    /// <summary>Errors keyed by property path (<c>Items[0].Quantity</c>).</summary>
    static abstract TSelf Invalid(IReadOnlyDictionary<string, string[]> errors);
}
