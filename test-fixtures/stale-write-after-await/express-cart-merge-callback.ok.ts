// express-session: the merge is computed in callbacks, and the session is written before the
// slow call; the callback that runs after it only builds the response.
import express from 'express';
import session from 'express-session';

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false }));

app.post('/cart/merge-wishlist', async (req, res) => {
  const skus: string[] = req.body.skus;
  skus.forEach((sku) => {
    req.session.cart.push({ sku, quantity: 1 });
  });
  const response = await fetch('https://inventory.internal/availability', { method: 'POST', body: JSON.stringify(skus) });
  const availability: Record<string, boolean> = await response.json();
  const lines = skus.map((sku) => ({ sku, available: availability[sku] ?? false }));
  res.json({ lines, cart: req.session.cart });
});

export default app;
