using System.Text.Json.Nodes;

namespace KvsSignaling.Local.Tests.Validation;

/// <summary>One broken constraint: which member (as the error names it) and how the valid input is changed.</summary>
/// <param name="Operation">The operation the input is for.</param>
/// <param name="MemberPath">The member path the error message must name, e.g. SingleMasterChannelEndpointConfiguration.Protocols.</param>
/// <param name="Constraint">What is broken, for the case's name.</param>
/// <param name="Segments">Where the change is made: member names and list indexes.</param>
/// <param name="Replacement">The new value, or null to remove the member.</param>
public sealed record ConstraintCase(string Operation, string MemberPath, string Constraint, IReadOnlyList<object> Segments, JsonNode? Replacement)
{
    public string Id => $"{Operation}: {MemberPath} {Constraint}";

    public JsonObject Apply(JsonObject valid)
    {
        var root = valid.DeepClone().AsObject();
        JsonNode parent = root;
        for (var i = 0; i < Segments.Count - 1; i++)
        {
            parent = Segments[i] is int index ? parent[index]! : parent[(string)Segments[i]]!;
        }

        var last = Segments[^1];
        if (Replacement is null)
        {
            parent.AsObject().Remove((string)last);
        }
        else if (last is int index)
        {
            parent[index] = Replacement.DeepClone();
        }
        else
        {
            parent[(string)last] = Replacement.DeepClone();
        }

        return root;
    }
}
