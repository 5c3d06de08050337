namespace Orders.Testing;

/// <summary>Anchor for this assembly; the server fixtures live beside it.</summary>
internal static class AssemblyMarker;
