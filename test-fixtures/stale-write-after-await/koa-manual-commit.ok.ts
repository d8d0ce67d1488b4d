// koa-session with `autoCommit: false`: the route changes and commits the session before the
// slow call, which only reads it.
import Koa from 'koa';
import Router from '@koa/router';
import session from 'koa-session';
import axios from 'axios';

const app = new Koa();
app.keys = [process.env.COOKIE_KEY ?? 'dev'];
app.use(session({ autoCommit: false }, app));
const router = new Router();

router.post('/profile/refresh', async (ctx) => {
  ctx.session!.refreshRequestedAt = Date.now();
  await ctx.session!.manuallyCommit();
  const { data: profile } = await axios.get(`https://profiles.internal/${ctx.session!.userId}`);
  ctx.body = profile;
});

app.use(router.routes());
export default app;
