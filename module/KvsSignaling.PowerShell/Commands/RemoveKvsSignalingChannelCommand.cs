using System.Management.Automation;
using KvsSignaling.PowerShell.Arguments;
using KvsSignaling.PowerShell.Clients;
using KvsSignaling.PowerShell.Errors;
using KvsSignaling.PowerShell.Output;

namespace KvsSignaling.PowerShell.Commands;

/// <summary>Deletes signaling channels, by ARN (also from the pipeline) or by name.</summary>
[Cmdlet(VerbsCommon.Remove, "KvsSignalingChannel", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ByArn, HelpUri = HelpLinks.RemoveKvsSignalingChannel)]
[OutputType(typeof(void))]
[OutputType(typeof(SignalingChannel))]
public sealed class RemoveKvsSignalingChannelCommand : KvsCmdlet
{
    private const string ByArn = "ChannelARN";
    private const string ByName = "ChannelName";

    /// <summary>The ARNs of the channels to delete.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByArn)]
    [Alias("ARN", "ResourceARN")]
    public string[] ChannelARN { get; set; } = Array.Empty<string>();

    /// <summary>The names of the channels to delete, resolved with DescribeSignalingChannel.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ByName)]
    [Alias("Name")]
    [ArgumentCompleter(typeof(ChannelNameCompleter))]
    public string[] ChannelName { get; set; } = Array.Empty<string>();

    /// <summary>Deletes only if the channel still has this version (from Get-KvsSignalingChannel).</summary>
    [Parameter(ParameterSetName = ByArn, ValueFromPipelineByPropertyName = true)]
    [Alias("Version")]
    public string? CurrentVersion { get; set; }

    /// <summary>Writes each deleted channel as it was just before the deletion.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Deletes without asking for confirmation, as AWS Tools' -Force does; -WhatIf and an explicit -Confirm still apply.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    private protected override void Process() => ForEachChannel(ParameterSetName == ByName, ChannelName, ChannelARN, input =>
    {
        if (!ShouldRemove(input.Text))
        {
            return;
        }

        var version = input.Arn is null ? null : CurrentVersion;
        RunForInput(input.Text, input.Region, input.InvalidInputErrorId, async (client, ct) =>
        {
            // A name is described for its ARN; with -PassThru every channel is, so what is written is exactly what
            // was deleted: the described version, unless one was given.
            var info = input.Arn is null || PassThru ? await DescribeAsync(client, input, ct).ConfigureAwait(false) : null;
            var arn = input.Arn ?? info!.ChannelARN;
            await client.DeleteSignalingChannelAsync(arn, version ?? (PassThru ? info?.Version : null), ct).ConfigureAwait(false);

            // Lookups made with other settings (another -Region, keys, pacing) have their own clients and caches.
            ClientPool.ForgetChannel(arn);
            return PassThru && info is not null ? new SignalingChannel(info).ToPSObject() : null;
        });
    });

    /// <summary>
    /// -Force skips the confirmation that ConfirmImpact High asks for, unless -Confirm is given explicitly;
    /// under -WhatIf nothing is deleted either way.
    /// </summary>
    private bool ShouldRemove(string input)
    {
        const string action = "Delete signaling channel";
        if (Force && !MyInvocation.BoundParameters.ContainsKey("Confirm") && !IsWhatIf())
        {
            return true;
        }

        return ShouldProcess(input, action);
    }

    private bool IsWhatIf()
    {
        if (MyInvocation.BoundParameters.TryGetValue("WhatIf", out var bound))
        {
            return bound is SwitchParameter { IsPresent: true };
        }

        return LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));
    }
}
