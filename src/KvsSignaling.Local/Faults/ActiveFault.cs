namespace KvsSignaling.Local.Faults;

/// <summary>A fault rule in force, with the number of hits it has left.</summary>
/// <param name="Id">Identifies the rule in the admin listing.</param>
/// <param name="Rule">The rule.</param>
/// <param name="Remaining">Hits left, or null when the rule has no count.</param>
public sealed record ActiveFault(string Id, FaultRule Rule, int? Remaining);
