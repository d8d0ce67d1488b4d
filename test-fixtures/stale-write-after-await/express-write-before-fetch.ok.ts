// express-session: the session is updated before the slow call and only read after it; the
// save at the end of the request carries no stale write.
import express from 'express';
import session from 'express-session';

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false }));

app.post('/checkout', async (req, res) => {
  const cart = req.session.cart ?? [];
  req.session.checkoutStartedAt = Date.now();
  const payment = await fetch('https://payments.internal/intents', { method: 'POST', body: JSON.stringify(cart) });
  res.json({ intent: await payment.json(), user: req.session.userId });
});

export default app;
