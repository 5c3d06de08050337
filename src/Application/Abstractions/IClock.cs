namespace Orders.Application.Abstractions;

public interface IClock
{
    DateTimeOffset UtcNow { get; }
}
