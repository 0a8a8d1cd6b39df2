using System.Management.Automation;
using KvsSignaling.PowerShell.Arguments;
using KvsSignaling.PowerShell.Errors;
using KvsSignaling.PowerShell.Output;

namespace KvsSignaling.PowerShell.Commands;

/// <summary>
/// Writes presigned WebSocket URLs that connect to signaling channels as master or viewer: one object per channel
/// and role. The URLs are signed locally; the only request is the WSS endpoint lookup, through the session's cache.
/// </summary>
[Cmdlet(VerbsCommon.Get, "KvsSignalingPresignedUrl", DefaultParameterSetName = ByArn, HelpUri = HelpLinks.GetKvsSignalingPresignedUrl)]
[OutputType(typeof(SignalingPresignedUrl))]
public sealed class GetKvsSignalingPresignedUrlCommand : KvsCmdlet
{
    private const string ByArn = "ChannelARN";
    private const string ByName = "ChannelName";

    private IReadOnlyList<ChannelRole>? fixedRoles;

    /// <summary>The channel ARNs.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByArn)]
    [Alias("ARN", "ResourceARN")]
    public string[] ChannelARN { get; set; } = Array.Empty<string>();

    /// <summary>The channel names, resolved to ARNs with DescribeSignalingChannel.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByName)]
    [Alias("Name")]
    [ArgumentCompleter(typeof(ChannelNameCompleter))]
    public string[] ChannelName { get; set; } = Array.Empty<string>();

    /// <summary>MASTER, VIEWER or both.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(RoleCompleter))]
    public string[] Role { get; set; } = Array.Empty<string>();

    /// <summary>The viewer's client id; required for VIEWER, not allowed for MASTER.</summary>
    [Parameter]
    public string? ClientId { get; set; }

    /// <summary>Seconds the URL is valid, 1 to 604800.</summary>
    [Parameter]
    [ValidateRange(1, 604800)]
    public int ExpiresIn { get; set; } = 299;

    private protected override void Begin()
    {
        base.Begin();
        CheckClientId(ClientId);
        if (MyInvocation.BoundParameters.ContainsKey(nameof(Role)))
        {
            fixedRoles = ValueListParser.ParseRoles(Role);
            if (fixedRoles.Contains(ChannelRole.Viewer) && ClientId is null)
            {
                throw new ParameterValueException(ErrorRecords.InvalidArgument(ErrorIds.InvalidClientId, ViewerNeedsClientId, null));
            }
        }
    }

    private const string ViewerNeedsClientId = "-ClientId is required for the VIEWER role: 1 to 256 letters, digits, underscores, periods and hyphens, not starting with AWS_.";

    /// <summary>A client id given is checked once, before any request.</summary>
    internal static void CheckClientId(string? clientId)
    {
        if (clientId is null)
        {
            return;
        }

        try
        {
            KvsSignalingClient.CheckClientId(clientId, "clientId");
        }
        catch (ArgumentException exception)
        {
            throw new ParameterValueException(ErrorRecords.InvalidArgument(ErrorIds.InvalidClientId, "-ClientId: " + ErrorRecords.MessageOf(exception), clientId));
        }
    }

    private protected override void Process()
    {
        IReadOnlyList<ChannelRole> roles;
        try
        {
            roles = fixedRoles ?? ValueListParser.ParseRoles(Role);
        }
        catch (ParameterValueException exception)
        {
            WriteError(exception.ErrorRecord);
            return;
        }

        ForEachChannel(ParameterSetName == ByName, ChannelName, ChannelARN, input => Presign(input, roles));
    }

    private void Presign(ChannelInput input, IReadOnlyList<ChannelRole> roles)
    {
        if (ClientId is null && roles.Contains(ChannelRole.Viewer))
        {
            // A given -ClientId was checked up front; only a viewer role piped in without one gets here.
            WriteError(ErrorRecords.InvalidArgument(ErrorIds.InvalidClientId, ViewerNeedsClientId, input.Text));
            roles = roles.Where(role => role != ChannelRole.Viewer).ToList();
            if (roles.Count == 0)
            {
                return;
            }
        }

        RunForInput(input.Text, input.Region, input.InvalidInputErrorId, async (client, ct) =>
        {
            var arn = input.Arn ?? (await DescribeAsync(client, input, ct).ConfigureAwait(false)).ChannelARN;
            var urls = new List<PSObject>(roles.Count);
            foreach (var role in roles)
            {
                var url = await client.CreatePresignedConnectUrlAsync(arn, role, role == ChannelRole.Viewer ? ClientId : null, TimeSpan.FromSeconds(ExpiresIn), null, ct).ConfigureAwait(false);
                urls.Add(new SignalingPresignedUrl(url).ToPSObject());
            }

            return urls;
        });
    }
}
