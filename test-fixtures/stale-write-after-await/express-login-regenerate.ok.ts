// express-session login after an OAuth code exchange: the slow call runs, then the session
// is regenerated (a new session id, which no other request can hold yet) and the user is
// stored in the new session, inside the callback of `regenerate()`.
import express from 'express';
import session from 'express-session';
import axios from 'axios';

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false }));

app.get('/auth/callback', async (req, res, next) => {
  const { data: token } = await axios.post('https://idp.example.com/oauth/token', {
    grant_type: 'authorization_code',
    code: req.query.code,
    client_id: process.env.OAUTH_CLIENT_ID,
  });
  req.session.regenerate((err) => {
    if (err) return next(err);
    req.session.accessToken = token.access_token;
    req.session.save(() => res.redirect('/'));
  });
});

app.get('/auth/refresh', async (req, res) => {
  const { data: token } = await axios.post('https://idp.example.com/oauth/token', { grant_type: 'refresh_token' });
  await new Promise<void>((resolve, reject) => req.session.regenerate((err) => (err ? reject(err) : resolve())));
  req.session.accessToken = token.access_token;
  res.sendStatus(204);
});

export default app;
