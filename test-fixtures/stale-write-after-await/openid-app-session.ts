// express-openid-connect: `req.appSession` is saved as a whole (an encrypted cookie) at the
// end of the request; the handler refreshes a token over HTTP and writes the stale copy.
import express from 'express';
import { auth } from 'express-openid-connect';

const app = express();
app.use(auth({ authRequired: true }));

app.get('/api/orders', async (req, res) => {
  const token = req.appSession!.access_token;
  const orders = await fetch('https://orders.internal/mine', { headers: { authorization: `Bearer ${token}` } });
  req.appSession!.lastOrdersFetch = Date.now(); // expect: stale-write-after-await "^`req\.appSession` is written \(`lastOrdersFetch`\) after `fetch\(\)`"
  res.json(await orders.json());
});

export default app;
