using KvsSignaling.Grammar;
using KvsSignaling.TestCases;

namespace KvsSignaling.Tests.Values;

/// <summary>
/// The client's check of client ids, held to the table that the analyzer's KVS1007 is held to as well
/// (tests/KvsSignaling.Analyzers.Tests/Values/ClientIdCases.cs): the same ids refused, the same problem named.
/// </summary>
public sealed class ClientIdTests
{
    public static TheoryData<int> Cases => [.. ClientIdCases.Indexes];

    [Theory]
    [MemberData(nameof(Cases))]
    public void CheckClientId_refuses_exactly_the_ids_of_the_shared_table_and_names_the_constraint(int index)
    {
        var (id, problem) = ClientIdCases.All[index];
        var error = Record.Exception(() => KvsSignalingClient.CheckClientId(id, "clientId"));

        if (problem is null)
        {
            Assert.Null(error);
            return;
        }

        var argument = Assert.IsType<ArgumentException>(error);
        Assert.Equal("clientId", argument.ParamName);
        Assert.StartsWith(ClientIdGrammar.Message(ChannelValueGrammar.Printable(ModelConstraints.Shorten(id)), problem), argument.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_message_names_the_value_the_constraint_and_what_is_allowed()
    {
        var error = Assert.Throws<ArgumentException>(() => KvsSignalingClient.CheckClientId("front door", "clientId"));

        Assert.Equal(
            "'front door' is not a valid signaling client id: the character ' ' (U+0020) at position 6 is not a letter, digit, '_', '.' or '-' (allowed: 1 to 256 characters of [a-zA-Z0-9_.-], not starting with AWS_) (Parameter 'clientId')",
            error.Message);
    }

    [Fact]
    public void A_long_id_is_shortened_and_a_control_character_escaped_in_the_message()
    {
        var error = Assert.Throws<ArgumentException>(() => KvsSignalingClient.CheckClientId(new string('a', 300), "clientId"));
        Assert.Contains("'" + new string('a', 200) + "…'", error.Message, StringComparison.Ordinal);

        error = Assert.Throws<ArgumentException>(() => KvsSignalingClient.CheckClientId("a\nb", "clientId"));
        Assert.DoesNotContain("\n", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("'a\\nb' is not a valid signaling client id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_id_is_refused_with_what_is_allowed()
    {
        var error = Assert.Throws<ArgumentNullException>(() => KvsSignalingClient.CheckClientId(null, "clientId"));
        Assert.Equal("clientId", error.ParamName);
        Assert.Contains(ClientIdGrammar.Allowed, error.Message, StringComparison.Ordinal);
    }
}
