import type { EditSites, Fix, Span, Unit } from '../../../core/src';

/**
 * Session middleware whose request session can load itself again from the store with a
 * callback-style `reload(cb)`: express-session (`req.session.reload`) and `@fastify/session`
 * (`request.session.reload`). cookie-session and koa-session keep the session in the cookie or
 * have no such method, and iron-session is loaded again with `getIronSession()`: no fix there.
 */
const RELOADING_STORES = ['express-session', '@fastify/session'];

/**
 * `stale-write-after-await`: load the session again right before the first write after the
 * slow await, with the store's own API:
 * `await new Promise<void>((resolve, reject) => req.session.reload((error) => (error ? reject(error) : resolve())));`
 * `unsafe`: the request then writes on top of what concurrent requests saved meanwhile, and the
 * code after the reload sees their changes. Not offered where this request wrote the session
 * before the slow call (`writtenBefore`: the reload would drop that change), nor outside an
 * `async` function (a callback written inside it runs without it), nor for a session object that is not a property (`req.session`) of a file
 * that imports a store with `reload()`.
 */
export function reloadSessionFix(sites: EditSites | undefined, unit: Unit, nested: readonly Unit[], object: string, write: Span, writtenBefore: boolean): Fix[] {
  if (!sites || writtenBefore || !unit.async || !sites.importsModule?.(RELOADING_STORES) || !isPropertyPath(object) || !object.endsWith('.session')) return [];
  const statement = sites.statementAround(write);
  // The `await` goes in the async function itself, never into a callback written inside it.
  if (!statement || !within(statement.span, unit.span) || nested.some((inner) => inner !== unit && within(inner.span, unit.span) && within(statement.span, inner.span))) return [];
  const typed = ['.ts', '.tsx', '.mts', '.cts'].some((ext) => sites.file.endsWith(ext)) ? '<void>' : '';
  const reload = `await new Promise${typed}((resolve, reject) => ${object}.reload((error) => (error ? reject(error) : resolve())));`;
  return [
    {
      title: `Load the session again before writing it: \`${object}.reload()\` (check first: the request then writes on top of what concurrent requests saved meanwhile, and the code after it sees their changes)`,
      applicability: 'unsafe',
      edits: [{ span: { file: sites.file, start: statement.lineStart, end: statement.lineStart }, newText: `${statement.indent}${reload}\n` }],
    },
  ];
}

function within(inner: Span, outer: Span): boolean {
  return inner.file === outer.file && inner.start >= outer.start && inner.end <= outer.end;
}

/** `req.session`, `this.request.session`: names joined by dots, nothing evaluated twice by the inserted code. */
function isPropertyPath(text: string): boolean {
  return text.split('.').every((part) => part.length > 0 && [...part].every((ch, i) => ch === '_' || ch === '$' || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (i > 0 && ch >= '0' && ch <= '9')));
}
