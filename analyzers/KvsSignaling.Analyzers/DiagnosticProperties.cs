namespace KvsSignaling.Analyzers;

/// <summary>Keys of the properties a diagnostic carries for its code fixes.</summary>
public static class DiagnosticProperties
{
    /// <summary>The allowed value the reported constant most likely meant; absent when none is close.</summary>
    public const string Suggestion = "Suggestion";

    /// <summary>
    /// Present when the suggestion is already in the protocol list the value belongs to (<c>{ "WSS", "wss" }</c>):
    /// the fix removes the value instead of repeating the protocol.
    /// </summary>
    public const string SuggestionIsListed = "SuggestionIsListed";

    /// <summary>Metadata name of the typed class the literal converts to, whose static member can replace it.</summary>
    public const string TypedValueType = "TypedValueType";
}
