namespace Orders.Application.Common;

/// <summary>Validation messages in the API's words: a missing field is "required", a range says its bounds and not the value sent.</summary>
public static class Messages
{
    public const string Required = "'{PropertyName}' is required.";
    public const string MaxLength = "'{PropertyName}' is at most {MaxLength} characters.";
    public const string Between = "'{PropertyName}' must be between {From} and {To}.";
}
