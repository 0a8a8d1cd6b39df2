using KvsSignaling.Local.Auth;
using KvsSignaling.Local.Faults;

namespace KvsSignaling.Local.Operations;

/// <summary>Who is calling, and the fault (if any) that hits this request's answer.</summary>
internal sealed record OperationContext(CallerIdentity Caller, FaultRule? Fault);
