using FluentValidation;

namespace Orders.Application.Common;

/// <summary>How a message's validators are run and their failures reported, wherever a message is validated.</summary>
public static class ValidationErrors
{
    private static readonly IReadOnlyDictionary<string, string[]> None = new Dictionary<string, string[]>(StringComparer.Ordinal);

    /// <summary>
    /// Every validator's failures, by property path (<c>Items[0].Quantity</c>), each message once; empty when the
    /// message is valid.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string[]>> OfAsync<TMessage>(
        IEnumerable<IValidator<TMessage>> validators, TMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(validators);
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            failures.AddRange((await validator.ValidateAsync(message, cancellationToken)).Errors);
        }

        // The usual answer, on every valid order, costs no grouping.
        if (failures.Count == 0)
        {
            return None;
        }

        return failures
            .GroupBy(failure => failure.PropertyName, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Select(failure => failure.ErrorMessage).Distinct().ToArray(), StringComparer.Ordinal);
    }
}
