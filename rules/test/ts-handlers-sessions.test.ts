import * as assert from 'node:assert/strict';
import { lowerTypeScript, parseTypeScript, type Effect, type FileIR } from '../../core/src';
import { nodeCatalog } from '../src/catalog/node';
import { analyzer } from './support';

function lower(text: string, path = 'app.ts'): FileIR {
  return lowerTypeScript(parseTypeScript(path, text).source, path, nodeCatalog).ir;
}

function handlers(ir: FileIR): string[] {
  return ir.units.filter((u) => u.handler !== undefined).map((u) => `${u.displayName} ${u.handler}`);
}

function sessionEffects(ir: FileIR, unitId: string): string[] {
  const unit = ir.units.find((u) => u.id === unitId);
  assert.ok(unit, `no unit ${unitId} in ${ir.units.map((u) => u.id).join(', ')}`);
  const show = (e: Effect): string | undefined =>
    (e.kind === 'read' || e.kind === 'write') && e.resource.startsWith('session-object:')
      ? `${e.kind}${e.fresh ? '(fresh)' : ''}:${e.resource.slice(`session-object:${unitId}:`.length)}${e.key ? `.${e.key}` : ''}`
      : e.kind === 'slow'
        ? `slow:${e.callee}`
        : undefined;
  return unit.cfg.nodes.flatMap((n) => (n.effect && show(n.effect) ? [show(n.effect)!] : []));
}

describe('TypeScript request handlers', () => {
  it('finds express, koa and fastify route callbacks, and not other callbacks', () => {
    const express = lower(
      [
        "import express from 'express';",
        'const app = express();',
        'const router = express.Router();',
        "app.get('/a', async (req, res) => {});",
        "router.post('/b', auth, function (req, res) {});",
        "router.route('/c').put(async (req, res) => {});",
        "app.use((req, res, next) => next());",
        '[1, 2].map((x) => x);',
        'function auth() {}',
      ].join('\n'),
    );
    assert.deepEqual(handlers(express), [
      'the anonymous function express route handler for GET /a',
      'the anonymous function express route handler for POST /b',
      'the anonymous function express route handler for PUT /c',
      'the anonymous function express middleware',
      'auth() express middleware for POST /b',
    ]);
    const koa = lower("import Router from '@koa/router';\nconst r = new Router();\nr.get('/x', async (ctx) => {});\n");
    assert.deepEqual(handlers(koa), ['the anonymous function koa route handler for GET /x']);
    const fastify = lower("import Fastify from 'fastify';\nconst f = Fastify();\nf.delete('/x/:id', async (request, reply) => {});\n");
    assert.deepEqual(handlers(fastify), ['the anonymous function fastify route handler for DELETE /x/:id']);
    const named = lower(
      [
        "import express from 'express';",
        'const app = express();',
        'async function getUser(req, res) {}',
        'const saveUser = async (req, res) => {};',
        'function helper() {}',
        "app.get('/users/:id', getUser);",
        "app.post('/users', saveUser);",
        'const cache = new Map();',
        'cache.get(helper);',
      ].join('\n'),
    );
    assert.deepEqual(handlers(named), ['getUser() express route handler for GET /users/:id', 'saveUser() express route handler for POST /users']);
    // No server import and no path: a `get` callback is not a route.
    assert.deepEqual(handlers(lower('cache.get(async () => 1);\n')), []);
  });

  it('finds Next.js route handlers and API routes by their path', () => {
    const route = 'export async function GET(request: Request) {}\nexport const POST = async () => {};\nfunction helper() {}\n';
    assert.deepEqual(handlers(lower(route, 'app/api/users/route.ts')), ['GET() Next.js route handler for GET', 'POST() Next.js route handler for POST']);
    assert.deepEqual(handlers(lower(route, 'src/lib/users.ts')), []);
    assert.deepEqual(handlers(lower('export default async function handler(req, res) {}\n', 'pages/api/login.ts')), ['handler() Next.js API route']);
    assert.deepEqual(handlers(lower('async function handler(req, res) {}\nexport default withSession(handler);\n', 'src/pages/api/me.ts')), ['handler() Next.js API route']);
  });

  it('finds NestJS controller methods', () => {
    const text = [
      "import { Controller, Get, Post } from '@nestjs/common';",
      "@Controller('users')",
      'export class UsersController {',
      "  @Get(':id') find() {}",
      '  @Post() create() {}',
      '  helper() {}',
      '}',
      'export class NotAController { @Get() find() {} }',
    ].join('\n');
    assert.deepEqual(handlers(lower(text)), ['UsersController.find() NestJS controller method for GET', 'UsersController.create() NestJS controller method for POST']);
  });
});

describe('TypeScript session objects', () => {
  it('lowers reads, writes and reloads of req.session', () => {
    const text = [
      "import express from 'express';",
      'const app = express();',
      'export async function f(req: express.Request) {',
      '  const cart = req.session.cart;',
      '  await fetch("https://x");',
      '  req.session.cart.push(1);',
      '  delete req.session.flash;',
      '  req.session.reload(() => {});',
      '  req.session.count++;',
      '  req.session.save();',
      '}',
    ].join('\n');
    assert.deepEqual(sessionEffects(lower(text), 'function:f'), [
      'read:req.session.cart',
      'slow:fetch()',
      'write:req.session.cart',
      'write:req.session.flash',
      'read(fresh):req.session',
      'write:req.session.count',
      'write:req.session',
    ]);
  });

  it('does not treat `session` on other objects as a session object', () => {
    const text = 'export async function f(peer: { session: { n: number } }) { peer.session.n = 1; }\n';
    assert.deepEqual(sessionEffects(lower(text), 'function:f'), []);
  });

  it('names the handler in held-across-slow-call messages, and only for handlers', async () => {
    const route = (wrap: boolean) =>
      [
        "import express from 'express';",
        "import { Pool } from 'pg';",
        'const pool = new Pool();',
        'const app = express();',
        wrap ? "app.get('/x', async (req, res) => {" : 'export async function job() {',
        '  const client = await pool.connect();',
        '  await fetch("https://x");',
        '  client.release();',
        wrap ? '});' : '}',
      ].join('\n');
    const a = await analyzer();
    const inHandler = a.analyzeFile({ path: 'a.ts', text: route(true) }).findings;
    const inJob = a.analyzeFile({ path: 'b.ts', text: route(false) }).findings;
    assert.match(inHandler[0]!.message, / in this request handler \(express route handler for GET \/x\): /);
    assert.ok(!inJob[0]!.message.includes('request handler'));
  });
});

describe('Node frameworks and sessions are catalog data', () => {
  const source = [
    "import web from 'tiny-web';",
    'const app = web();',
    "app.fetch('/a', async (req, res) => { req.store.cart = 1; await fetch('x'); });",
  ].join('\n');
  const lowerWith = (catalog: typeof nodeCatalog): FileIR => lowerTypeScript(parseTypeScript('app.ts', source).source, 'app.ts', catalog).ir;

  it('knows no framework and no session object the catalog does not describe', () => {
    const none = lowerWith({ ...nodeCatalog, requestHandlers: undefined, sessionObjects: undefined });
    assert.deepEqual(handlers(none), []);
    assert.deepEqual(handlers(lower(source)), []);
    const express = "import express from 'express';\nconst app = express();\napp.get('/a', async (req, res) => { req.session.n = 1; });\n";
    const bare = lowerTypeScript(parseTypeScript('app.ts', express).source, 'app.ts', { ...nodeCatalog, requestHandlers: undefined, sessionObjects: undefined }).ir;
    assert.deepEqual(handlers(bare), []);
    assert.equal(bare.units.some((u) => u.cfg.nodes.some((n) => n.effect?.kind === 'write')), false);
  });

  it('names the handlers and session objects of a framework given as data', () => {
    const requestHandlers = { ...nodeCatalog.requestHandlers!, servers: [{ name: 'tiny-web', modules: ['tiny-web'] }], routeMethods: ['fetch'] };
    const sessionObjects = { ...nodeCatalog.sessionObjects!, requestProperties: ['store'], modules: ['tiny-web'] };
    const ir = lowerWith({ ...nodeCatalog, requestHandlers, sessionObjects });
    assert.deepEqual(handlers(ir), ['the anonymous function tiny-web route handler for FETCH /a']);
    const unit = ir.units.find((u) => u.handler !== undefined)!;
    assert.deepEqual(sessionEffects(ir, unit.id), ['write:req.store.cart', 'slow:fetch()']);
  });
});
