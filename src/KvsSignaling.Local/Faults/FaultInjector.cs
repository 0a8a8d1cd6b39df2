namespace KvsSignaling.Local.Faults;

/// <summary>Decides, per request, which injected fault (if any) hits it.</summary>
internal sealed class FaultInjector(int seed)
{
    private readonly object _lock = new();
    private readonly List<ActiveFault> _faults = [];
    private Random _random = new(seed);
    private int _nextId;

    public ActiveFault Add(FaultRule rule)
    {
        rule.Validate();
        lock (_lock)
        {
            var fault = new ActiveFault((++_nextId).ToString(System.Globalization.CultureInfo.InvariantCulture), rule, rule.Count);
            _faults.Add(fault);
            return fault;
        }
    }

    public IReadOnlyList<ActiveFault> List()
    {
        lock (_lock)
        {
            return _faults.ToList();
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _faults.Clear();
            _random = new Random(seed);
        }
    }

    /// <summary>The first rule matching the operation that fires, its count decremented; null when none fires.</summary>
    public FaultRule? Take(string operation) => Take(operation, FaultScope.Request);

    /// <summary>As <see cref="Take(string)"/>, for the kinds that can hit this sort of operation.</summary>
    public FaultRule? Take(string operation, FaultScope scope)
    {
        lock (_lock)
        {
            for (var i = 0; i < _faults.Count; i++)
            {
                var fault = _faults[i];
                if (!Matches(fault.Rule, operation) || !FaultScopes.Applies(fault.Rule.Kind, scope) || (fault.Rule.Rate is { } rate && _random.NextDouble() >= rate))
                {
                    continue;
                }

                if (fault.Remaining is { } remaining)
                {
                    if (remaining <= 1)
                    {
                        _faults.RemoveAt(i);
                    }
                    else
                    {
                        _faults[i] = fault with { Remaining = remaining - 1 };
                    }
                }

                return fault.Rule;
            }

            return null;
        }
    }

    // Wrong endpoint schemes only exist in GetSignalingChannelEndpoint answers; other requests must not use up the count.
    private static bool Matches(FaultRule rule, string operation) =>
        (rule.Operation is null || string.Equals(rule.Operation, operation, StringComparison.Ordinal))
        && (rule.Kind != FaultKind.WrongEndpointScheme || operation == "GetSignalingChannelEndpoint");
}
