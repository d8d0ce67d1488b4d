// OpenID Connect callback (openid-client v6): the PKCE verifier is read from the session, the
// code is exchanged for tokens at the identity provider, and the tokens are written to the
// stale session copy: a request of the same user that changed the session meanwhile is lost.
import express from 'express';
import session from 'express-session';
import * as oidc from 'openid-client';

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false }));
declare const config: oidc.Configuration;

app.get('/auth/callback', async (req, res) => {
  const verifier = req.session.codeVerifier;
  const tokens = await oidc.authorizationCodeGrant(config, new URL(req.originalUrl, 'https://app.example.com'), { pkceCodeVerifier: verifier });
  await new Promise<void>((resolve, reject) => req.session.reload((error) => (error ? reject(error) : resolve())));
  req.session.tokens = tokens; // expect: stale-write-after-await "^`req\.session` is written \(`tokens`\) after `oidc\.authorizationCodeGrant\(\)`"
  res.redirect('/');
});

export default app;
