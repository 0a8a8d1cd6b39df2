using System.Management.Automation;
using System.Reflection;
using Amazon.Runtime;

namespace KvsSignaling.PowerShell.Clients;

/// <summary>
/// Credentials handed in as an object from another AWSSDK.Core — AWS Tools for PowerShell's, loaded in another
/// load context at another version — read by their shape rather than their type: a public <c>GetCredentials()</c>
/// whose result has <c>AccessKey</c>, <c>SecretKey</c> and <c>Token</c>. It is asked again for every request, so
/// credentials that refresh themselves (an assumed role, SSO) keep doing so.
/// </summary>
internal sealed class ShapedCredentials : AWSCredentials
{
    private readonly object source;
    private readonly MethodInfo getCredentials;

    private ShapedCredentials(object source, MethodInfo getCredentials)
    {
        this.source = source;
        this.getCredentials = getCredentials;
    }

    /// <summary>
    /// The credentials in <paramref name="value"/>: our own AWSCredentials as they are, an object of that shape, or
    /// one with such an object in its <c>Credentials</c> property (AWS Tools' stored credentials); null if none.
    /// </summary>
    public static AWSCredentials? From(object? value)
    {
        for (var depth = 0; value is not null && depth < 3; depth++)
        {
            if (value is PSObject wrapped)
            {
                value = wrapped.BaseObject;
            }

            if (value is AWSCredentials own)
            {
                return own;
            }

            var method = value.GetType().GetMethod("GetCredentials", BindingFlags.Public | BindingFlags.Instance, null, Type.EmptyTypes, null);
            if (method is not null && method.ReturnType.GetProperty("AccessKey") is not null && method.ReturnType.GetProperty("SecretKey") is not null)
            {
                return new ShapedCredentials(value, method);
            }

            value = value.GetType().GetProperty("Credentials", BindingFlags.Public | BindingFlags.Instance)?.GetValue(value);
        }

        return null;
    }

    /// <inheritdoc />
    public override ImmutableCredentials GetCredentials()
    {
        object? current;
        try
        {
            current = getCredentials.Invoke(source, null);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw new InvalidOperationException($"The credentials object ({source.GetType().FullName}) failed to give keys: {e.InnerException.Message}", e.InnerException);
        }

        if (current is null)
        {
            throw new InvalidOperationException($"The credentials object ({source.GetType().FullName}) gave no keys.");
        }

        var type = current.GetType();
        var token = type.GetProperty("Token")?.GetValue(current) as string;
        return new ImmutableCredentials(
            type.GetProperty("AccessKey")?.GetValue(current) as string,
            type.GetProperty("SecretKey")?.GetValue(current) as string,
            string.IsNullOrEmpty(token) ? null : token);
    }
}
