namespace KvsSignaling.Local.Signaling;

/// <summary>Which side of a channel a WebSocket connection is: the one master (ConnectAsMaster) or a viewer (ConnectAsViewer).</summary>
internal enum SignalingRole
{
    Master,
    Viewer,
}
