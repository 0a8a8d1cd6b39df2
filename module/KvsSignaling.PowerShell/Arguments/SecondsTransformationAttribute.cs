using System.Globalization;
using System.Management.Automation;

namespace KvsSignaling.PowerShell.Arguments;

/// <summary>
/// Lets a TimeSpan parameter take a number as seconds (-Duration 30), as PowerShell's own conversion would read it
/// as ticks; a TimeSpan, or text such as '00:01:30', passes as it is.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class SecondsTransformationAttribute : ArgumentTransformationAttribute
{
    /// <inheritdoc />
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        return value switch
        {
            int or long or short or byte or uint or ulong or ushort or sbyte => Seconds(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
            double or float or decimal => Seconds(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
            string text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) => Seconds(seconds),
            _ => inputData,
        };
    }

    private static TimeSpan Seconds(double seconds) =>
        double.IsNaN(seconds) || double.IsInfinity(seconds) || Math.Abs(seconds) > TimeSpan.MaxValue.TotalSeconds
            ? throw new ArgumentTransformationMetadataException($"{seconds.ToString(CultureInfo.InvariantCulture)} seconds is not a usable length of time.", null)
            : TimeSpan.FromSeconds(seconds);
}
