// express-openid-connect: the handler writes `req.appSession` before it calls the orders
// service, so the copy saved at the end of the request is not stale.
import express from 'express';
import { auth } from 'express-openid-connect';

const app = express();
app.use(auth({ authRequired: true }));

app.get('/api/orders', async (req, res) => {
  const token = req.appSession!.access_token;
  req.appSession!.lastOrdersFetch = Date.now();
  const orders = await fetch('https://orders.internal/mine', { headers: { authorization: `Bearer ${token}` } });
  res.json(await orders.json());
});

export default app;
