using System.Net;
using KvsSignaling.Local.Tests.Auth;
using KvsSignaling.Local.Tests.Infrastructure;

namespace KvsSignaling.Local.Tests.Validation;

/// <summary>Every input constraint of the model, broken one at a time, is InvalidArgumentException naming the member.</summary>
public sealed class InputConstraintTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    public static TheoryData<string> CaseIds()
    {
        var data = new TheoryData<string>();
        foreach (var testCase in ConstraintCases.All)
        {
            data.Add(testCase.Id);
        }

        return data;
    }

    public static TheoryData<string> Operations() => [.. ConstraintCases.ValidInputs.Keys];

    [Fact]
    public void The_table_covers_every_kind_of_constraint()
    {
        var kinds = ConstraintCases.All.Select(c => c.Constraint.Split(' ')[0]).ToHashSet();
        Assert.Superset(new HashSet<string> { "required", "fewer", "more", "not", "shorter", "longer", "below", "above" }, kinds);
        Assert.True(ConstraintCases.All.Count >= 40, $"Only {ConstraintCases.All.Count} cases were derived from the model.");
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task The_valid_input_of_each_operation_passes_validation(string operation)
    {
        var response = await new KvsTestClient(fixture.Server.BaseUrl).CallAsync(operation, ConstraintCases.ValidInputs[operation]);

        Assert.True(response.ErrorType is not ("InvalidArgumentException" or "SerializationException"), response.ToString());
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public async Task A_broken_constraint_is_InvalidArgumentException_naming_the_member(string id)
    {
        var testCase = ConstraintCases.All.Single(c => c.Id == id);
        var input = testCase.Apply(ConstraintCases.ValidInputs[testCase.Operation]);

        var response = await new KvsTestClient(fixture.Server.BaseUrl).CallAsync(testCase.Operation, input);

        AuthenticationTests.AssertError(response, HttpStatusCode.BadRequest, "InvalidArgumentException");
        Assert.Contains($"at '{testCase.MemberPath}' failed to satisfy constraint", response.Message);
    }
}
