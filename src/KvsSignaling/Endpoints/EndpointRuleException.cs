namespace KvsSignaling.Endpoints;

/// <summary>The endpoint rule set reached an error rule (for example FIPS together with a custom endpoint).</summary>
internal sealed class EndpointRuleException : Exception
{
    public EndpointRuleException(string message)
        : base(message)
    {
    }
}
