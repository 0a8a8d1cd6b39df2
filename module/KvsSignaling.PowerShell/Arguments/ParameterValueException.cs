using System.Management.Automation;

namespace KvsSignaling.PowerShell.Arguments;

/// <summary>Carries the ErrorRecord of an argument that makes the whole call unusable.</summary>
internal sealed class ParameterValueException : Exception
{
    public ParameterValueException(ErrorRecord errorRecord)
        : base(errorRecord.Exception.Message)
    {
        ErrorRecord = errorRecord;
    }

    public ErrorRecord ErrorRecord { get; }
}
