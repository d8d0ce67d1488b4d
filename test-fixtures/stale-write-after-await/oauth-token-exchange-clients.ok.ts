// The same OAuth clients where nothing waits between the read and the write: building the
// authorisation URL (`generateAuthUrl()`, `createAuthorizationURL()`, `authorizeURL()`) is
// local work, and a method of the same name on a project object (`tokens.getToken()`) is not the
// library's exchange.
import express from 'express';
import session from 'express-session';
import { OAuth2Client } from 'google-auth-library';
import { GitHub, generateState } from 'arctic';
import { AuthorizationCode } from 'simple-oauth2';

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false }));
const google = new OAuth2Client(process.env.GOOGLE_ID, process.env.GOOGLE_SECRET, 'https://app.example.com/auth/google/callback');
const github = new GitHub(process.env.GITHUB_ID!, process.env.GITHUB_SECRET!, null);
const gitlab = new AuthorizationCode({ client: { id: 'x', secret: 'y' }, auth: { tokenHost: 'https://gitlab.com' } });
const tokens = { async getToken(code: string): Promise<string> { return code.trim(); } };

app.get('/auth/google', async (req, res) => {
  const state = req.session.oauthState ?? crypto.randomUUID();
  const url = await Promise.resolve(google.generateAuthUrl({ state, scope: ['email'] }));
  req.session.oauthState = state;
  res.redirect(url);
});

app.get('/auth/github', async (req, res) => {
  const state = generateState();
  const url = await Promise.resolve(github.createAuthorizationURL(state, ['user:email']));
  req.session.oauthState = state;
  res.redirect(url.toString());
});

app.get('/auth/gitlab', async (req, res) => {
  const returnTo = req.session.returnTo;
  const url = await Promise.resolve(gitlab.authorizeURL({ redirect_uri: 'https://app.example.com/auth/gitlab/callback' }));
  req.session.returnTo = returnTo ?? '/';
  res.redirect(url);
});

app.get('/auth/local', async (req, res) => {
  const previous = req.session.token;
  const token = await tokens.getToken(String(req.query.code));
  req.session.token = token ?? previous;
  res.end();
});

export default app;
