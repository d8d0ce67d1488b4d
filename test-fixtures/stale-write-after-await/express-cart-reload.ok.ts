// express-session: the same handler, correct: after the slow call the session is loaded again
// from the store (`req.session.reload()`), so the write starts from what other requests saved.
import express from 'express';
import session from 'express-session';

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false }));

function reloadSession(req: express.Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.reload((err) => (err ? reject(err) : resolve())));
}

app.post('/cart/refresh-prices', async (req, res) => {
  const skus: string[] = (req.session.cart ?? []).map((item: { sku: string }) => item.sku);
  const response = await fetch('https://pricing.internal/quote', { method: 'POST', body: JSON.stringify(skus) });
  const prices: Record<string, number> = await response.json();
  await new Promise<void>((resolve, reject) => req.session.reload((err) => (err ? reject(err) : resolve())));
  req.session.cart = (req.session.cart ?? []).map((item: { sku: string }) => ({ ...item, price: prices[item.sku] }));
  res.json(req.session.cart);
});

export { reloadSession };
export default app;
