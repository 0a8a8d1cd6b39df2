using KvsSignaling.Local.Auth;
using KvsSignaling.Local.Faults;

namespace KvsSignaling.Local.Operations;

/// <summary>Who is calling, the fault (if any) that hits this request's answer, and the channel endpoint it was sent to.</summary>
internal sealed record OperationContext(CallerIdentity Caller, FaultRule? Fault, string? EndpointId = null);
