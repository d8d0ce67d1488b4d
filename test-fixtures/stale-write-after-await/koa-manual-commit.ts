// koa-session with `autoCommit: false`: the route commits the session itself. Committing the
// copy loaded before a slow call saves it over what a concurrent request saved meanwhile,
// even though this route changed nothing in it after the call.
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
  const { data: profile } = await axios.get(`https://profiles.internal/${ctx.session!.userId}`);
  await ctx.session!.manuallyCommit(); // expect: stale-write-after-await "^`ctx\.session` is written after `axios\.get\(\)`"
  ctx.body = profile;
});

app.use(router.routes());
export default app;
