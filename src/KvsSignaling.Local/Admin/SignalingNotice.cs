namespace KvsSignaling.Local.Admin;

/// <summary>A message the service itself sends to a connected client.</summary>
public enum SignalingNotice
{
    /// <summary>GO_AWAY: finish, close and reconnect; the service sends it before it closes a connection.</summary>
    GoAway,

    /// <summary>RECONNECT_ICE_SERVER: fetch new ICE servers.</summary>
    ReconnectIceServer,
}
