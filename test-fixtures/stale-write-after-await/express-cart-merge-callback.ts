// express-session: a saved wishlist is loaded from another service and merged into the cart
// in a `forEach` callback, which runs before `forEach` returns: each `push` changes the copy
// of the session loaded before the slow call.
import express from 'express';
import session from 'express-session';

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false }));

app.post('/cart/merge-wishlist', async (req, res) => {
  const response = await fetch(`https://wishlists.internal/users/${req.session.userId}`);
  const wishlist: { sku: string }[] = await response.json();
  wishlist.forEach((item) => {
    req.session.cart.push({ sku: item.sku, quantity: 1 }); // expect: stale-write-after-await "^`req\.session` is written \(`cart`\) after `fetch\(\)` in this request handler"
  });
  res.json(req.session.cart);
});

export default app;
