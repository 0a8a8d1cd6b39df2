namespace KvsSignaling.PowerShell.Commands;

/// <summary>One channel input of a cmdlet: the text as given, and its ARN when it was given as one.</summary>
internal sealed class ChannelInput
{
    public ChannelInput(string text, ChannelArn? arn)
    {
        Text = text;
        Arn = arn;
    }

    /// <summary>The name or ARN as the user gave it: the target of the input's error.</summary>
    public string Text { get; }

    /// <summary>The parsed ARN, or null for a name.</summary>
    public ChannelArn? Arn { get; }

    /// <summary>The error id for an argument of this input the core refused.</summary>
    public string InvalidInputErrorId => Arn is null ? Errors.ErrorIds.InvalidChannelName : Errors.ErrorIds.InvalidChannelArn;

    /// <summary>The region the input's ARN names, or null for a name.</summary>
    public string? Region => Arn?.Region;
}
