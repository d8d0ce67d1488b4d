// koa-session: a koa router records the last viewed product in the session after loading
// recommendations from another service.
import Koa from 'koa';
import Router from '@koa/router';
import session from 'koa-session';
import axios from 'axios';

const app = new Koa();
app.keys = [process.env.COOKIE_KEY ?? 'dev'];
app.use(session(app));
const router = new Router();

router.get('/products/:id', async (ctx) => {
  const viewed: string[] = ctx.session!.viewed ?? [];
  const { data: recommendations } = await axios.get(`https://recommend.internal/for/${ctx.params.id}`);
  ctx.session!.viewed = [ctx.params.id, ...viewed].slice(0, 10); // expect: stale-write-after-await "^`ctx\.session` is written \(`viewed`\) after `axios\.get\(\)` in this request handler \(koa route handler for GET /products/:id\)"
  ctx.body = { id: ctx.params.id, recommendations };
});

app.use(router.routes());
export default app;
