// Logging out after revoking the token at the identity provider: `destroy()` (express-session)
// and `req.session = null` (cookie-session) drop the session; nothing stale is saved.
import express from 'express';
import session from 'express-session';
import cookieSession from 'cookie-session';

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false }));

app.post('/logout', async (req, res) => {
  await fetch('https://idp.example.com/oauth/revoke', { method: 'POST', body: new URLSearchParams({ token: req.session.accessToken }) });
  req.session.destroy(() => res.redirect('/'));
});

const legacy = express();
legacy.use(cookieSession({ name: 'session', keys: [process.env.COOKIE_KEY!] }));

legacy.post('/logout', async (req, res) => {
  await fetch('https://idp.example.com/oauth/revoke', { method: 'POST', body: new URLSearchParams({ token: req.session!.accessToken }) });
  req.session = null;
  res.redirect('/');
});

export { legacy };
export default app;
