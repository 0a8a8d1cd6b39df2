namespace KvsSignaling.Local.Admin;

/// <summary>An open signaling WebSocket, as the admin listing shows it.</summary>
/// <param name="Id">Names the connection to <see cref="KvsLocalAdmin.CloseConnection"/> and <see cref="KvsLocalAdmin.Notify(string, SignalingNotice)"/>.</param>
/// <param name="ChannelARN">The channel it is connected to.</param>
/// <param name="Role">MASTER or VIEWER.</param>
/// <param name="ClientId">The viewer's client id; null for the master.</param>
/// <param name="Since">When the WebSocket was accepted.</param>
/// <param name="MessagesIn">Messages received from the client, valid or not.</param>
/// <param name="MessagesOut">Messages sent to the client (relayed, STATUS_RESPONSE and notices).</param>
public sealed record SignalingConnectionInfo(string Id, string ChannelARN, string Role, string? ClientId, DateTimeOffset Since, long MessagesIn, long MessagesOut);
