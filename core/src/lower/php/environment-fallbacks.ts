import type { Cfg, CfgNode } from '../../ir/cfg';

/**
 * An installation's fallback: the nodes a unit reaches only through an outcome of an
 * environment probe that says the PHP running it lacks something (`CfgNode.lacksEnvironment`,
 * `environment-probes.ts`). phpseclib V1's `crypt_random_string()` returns at once with OpenSSL
 * (or `/dev/urandom`, or mcrypt), and only past those tests closes the caller's session, starts
 * one of its own to seed a pure-PHP generator and puts the caller's back:
 *
 *     if (extension_loaded('openssl') && version_compare(PHP_VERSION, '5.3.0', '>=')) {
 *         return openssl_random_pseudo_bytes($length);
 *     }
 *     …
 *     session_write_close(); session_id(1); session_start(); …; session_start();
 *
 * No request of an installation that has what the probe asks for runs those lines, so the
 * opens, closes, reads and writes of resources there (the session, a session store) are not
 * lowered: they would make every caller of the helper an opener ("released inside this
 * call", a second start) on the strength of a path its server never takes. Slow work there is
 * kept (a fallback that fetches a URL is still slow where it runs), and so are calls: what a
 * callee does is its own unit's.
 */
export function withoutFallbackResourceEffects(cfg: Cfg): Cfg {
  if (!cfg.nodes.some((node) => node.lacksEnvironment !== undefined)) return cfg;
  const mainPath = reachedWithoutLacking(cfg);
  let changed = false;
  const nodes = cfg.nodes.map((node): CfgNode => {
    if (mainPath[node.id] || !node.effect || !('resource' in node.effect)) return node;
    changed = true;
    const { effect: _dropped, ...rest } = node;
    return rest;
  });
  return changed ? { ...cfg, nodes } : cfg;
}

/** The nodes reached from the entry without entering a `lacksEnvironment` node. */
function reachedWithoutLacking(cfg: Cfg): Uint8Array {
  const reached = new Uint8Array(cfg.nodes.length);
  const stack = [cfg.entry];
  reached[cfg.entry] = 1;
  while (stack.length > 0) {
    const node = cfg.nodes[stack.pop()!]!;
    for (const edge of node.succs) {
      if (reached[edge.to] || cfg.nodes[edge.to]!.lacksEnvironment !== undefined) continue;
      reached[edge.to] = 1;
      stack.push(edge.to);
    }
  }
  return reached;
}
