// koa-session: the same route, correct: the session is written before the slow call.
import Koa from 'koa';
import Router from '@koa/router';
import session from 'koa-session';
import axios from 'axios';

const app = new Koa();
app.use(session(app));
const router = new Router();

router.get('/products/:id', async (ctx) => {
  const viewed: string[] = ctx.session!.viewed ?? [];
  ctx.session!.viewed = [ctx.params.id, ...viewed].slice(0, 10);
  const { data: recommendations } = await axios.get(`https://recommend.internal/for/${ctx.params.id}`);
  ctx.body = { id: ctx.params.id, recommendations };
});

app.use(router.routes());
export default app;
