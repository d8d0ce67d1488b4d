// OpenID Connect callback (openid-client v6) that reloads the session after the token
// exchange before writing it, so what another request saved meanwhile is kept.
import express from 'express';
import session from 'express-session';
import * as oidc from 'openid-client';

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false }));
declare const config: oidc.Configuration;

app.get('/auth/callback', async (req, res) => {
  const verifier = req.session.codeVerifier;
  const tokens = await oidc.authorizationCodeGrant(config, new URL(req.originalUrl, 'https://app.example.com'), { pkceCodeVerifier: verifier });
  req.session.reload((err) => {
    if (err) return res.status(500).end();
    req.session.tokens = tokens;
    res.redirect('/');
  });
});

export default app;
