// Not a request's session: a plain object with a `session` property (a WebSocket wrapper), and
// a function whose parameter is not a request. Nothing here is a session store.
type Peer = { session: { lastSeen?: number }; id: string };

export async function ping(peer: Peer) {
  const before = peer.session.lastSeen;
  await fetch(`https://presence.internal/${peer.id}`);
  peer.session.lastSeen = Date.now();
  return before;
}
