import * as assert from 'node:assert/strict';
import { opensStaleWindow, slowKindSeverity } from '../src/severity';

/**
 * Which awaits leave a session object stale for `stale-write-after-await`: every kind of slow
 * work but the short ones (database queries, file reads), which count only when `slowKinds`
 * rates them `warning` or `error`; a kind set to `off` never counts.
 */
describe('stale-write-after-await slow-kind policy', () => {
  const counts = (kind: Parameters<typeof opensStaleWindow>[0], options = {}, rule: 'warning' | 'error' | 'info' = 'warning'): boolean =>
    opensStaleWindow(kind, slowKindSeverity(options, rule, kind));

  it('counts calls to other services, sleeps, processes, mail, polling and downloads by default', () => {
    for (const kind of ['http', 'remote-io', 'sleep', 'process', 'mail', 'ldap', 'polling', 'download'] as const) assert.ok(counts(kind), kind);
  });

  it('leaves database queries and file reads out by default, at any rule severity', () => {
    for (const rule of ['warning', 'error', 'info'] as const) {
      assert.ok(!counts('database', {}, rule));
      assert.ok(!counts('file-io', {}, rule));
    }
  });

  it('counts a short kind that slowKinds rates warning or error, and no kind set to off', () => {
    assert.ok(counts('database', { slowKinds: { database: 'warning' } }));
    assert.ok(counts('file-io', { slowKinds: { 'file-io': 'error' } }));
    assert.ok(!counts('database', { slowKinds: { database: 'info' } }));
    assert.ok(!counts('http', { slowKinds: { http: 'off' } }));
    assert.ok(counts('http', { slowKinds: { http: 'info' } }));
  });
});
