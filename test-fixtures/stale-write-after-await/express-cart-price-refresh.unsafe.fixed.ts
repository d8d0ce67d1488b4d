// express-session: the cart is read from the session, prices are fetched from another
// service, then the cart is written back. A concurrent request of the same user (adding an
// item in another tab) is overwritten when this request's whole session is saved.
import express from 'express';
import session from 'express-session';

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false }));

interface CartItem {
  sku: string;
  quantity: number;
  price?: number;
}

app.post('/cart/refresh-prices', async (req, res) => {
  const cart: CartItem[] = req.session.cart ?? [];
  const response = await fetch('https://pricing.internal/quote', {
    method: 'POST',
    body: JSON.stringify(cart.map((item) => item.sku)),
  });
  const prices: Record<string, number> = await response.json();
  await new Promise<void>((resolve, reject) => req.session.reload((error) => (error ? reject(error) : resolve())));
  req.session.cart = cart.map((item) => ({ ...item, price: prices[item.sku] })); // expect: stale-write-after-await "^`req\.session` is written \(`cart`\) after `fetch\(\)` in this request handler \(express route handler for POST /cart/refresh-prices\) without being re-read"
  req.session.pricedAt = Date.now();
  res.json(req.session.cart);
});

export default app;
