// OAuth callbacks that exchange the code for tokens with an OAuth client library
// (google-auth-library's `OAuth2Client#getToken`, arctic's provider classes, simple-oauth2's
// `AuthorizationCode#getToken`): the state is read from the session, the exchange is a round
// trip to the identity provider, and the tokens are written to the stale session copy.
import express from 'express';
import session from 'express-session';
import { OAuth2Client } from 'google-auth-library';
import { GitHub } from 'arctic';
import { AuthorizationCode } from 'simple-oauth2';

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false }));
const google = new OAuth2Client(process.env.GOOGLE_ID, process.env.GOOGLE_SECRET, 'https://app.example.com/auth/google/callback');
const github = new GitHub(process.env.GITHUB_ID!, process.env.GITHUB_SECRET!, null);
const gitlab = new AuthorizationCode({ client: { id: 'x', secret: 'y' }, auth: { tokenHost: 'https://gitlab.com' } });

app.get('/auth/google/callback', async (req, res) => {
  if (req.query.state !== req.session.oauthState) return res.status(400).end();
  const { tokens } = await google.getToken(String(req.query.code));
  req.session.googleTokens = tokens; // expect: stale-write-after-await "^`req\.session` is written \(`googleTokens`\) after `google\.getToken\(\)`"
  res.redirect('/');
});

app.get('/auth/github/callback', async (req, res) => {
  if (req.query.state !== req.session.oauthState) return res.status(400).end();
  const tokens = await github.validateAuthorizationCode(String(req.query.code));
  req.session.githubToken = tokens.accessToken(); // expect: stale-write-after-await "after `github\.validateAuthorizationCode\(\)`"
  res.redirect('/');
});

app.get('/auth/gitlab/callback', async (req, res) => {
  const redirect = req.session.returnTo;
  const token = await gitlab.getToken({ code: String(req.query.code), redirect_uri: 'https://app.example.com/auth/gitlab/callback' });
  req.session.gitlabToken = token.token; // expect: stale-write-after-await "after `gitlab\.getToken\(\)`"
  res.redirect(redirect ?? '/');
});

export default app;
