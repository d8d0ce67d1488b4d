// The routes use the strategies registered in another module by name: the GitHub callback
// writes the session after the token exchange; the local login's check is no round trip.
import express from 'express';
import session from 'express-session';
import passport from 'passport';
import { registerStrategies } from './strategies';

registerStrategies();
const app = express();
app.use(session({ secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false }));

app.get('/auth/github/callback', (req, res, next) => {
  const returnTo = req.session.returnTo ?? '/';
  passport.authenticate('github', (err: unknown, user: { id: string } | false) => {
    if (err || !user) return res.redirect('/login');
    req.session.githubId = user.id; // expect: stale-write-after-await "after `passport\.authenticate\('github'\)` \(passport-github2's token exchange\)"
    res.redirect(returnTo);
  })(req, res, next);
});

app.post('/login', (req, res, next) => {
  const returnTo = req.session.returnTo ?? '/';
  passport.authenticate('local', (err: unknown, user: { id: string } | false) => {
    if (err || !user) return res.redirect('/login');
    req.session.userId = user.id;
    res.redirect(returnTo);
  })(req, res, next);
});

export default app;
