// passport's custom callback inside a handler: the strategy registered as `google`
// (passport-google-oauth20, registered without a name) exchanges the callback's code for
// tokens with Google before it calls back, so the session loaded with the request is written
// in the callback after that round trip. Registered under a name of the project's choosing
// (`corp`, an OAuth 2 strategy), the same.
import express from 'express';
import session from 'express-session';
import passport from 'passport';
import { Strategy as GoogleStrategy } from 'passport-google-oauth20';
import OAuth2Strategy from 'passport-oauth2';

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false }));

passport.use(new GoogleStrategy({ clientID: 'id', clientSecret: 'secret', callbackURL: '/auth/google/callback' }, (_a: string, _r: string, profile: { id: string }, done: (e: null, u: { id: string }) => void) => done(null, profile)));
passport.use('corp', new OAuth2Strategy({ authorizationURL: 'https://sso.example/authorize', tokenURL: 'https://sso.example/token', clientID: 'id', clientSecret: 'secret', callbackURL: '/auth/corp/callback' }, (_a: string, _r: string, profile: { id: string }, done: (e: null, u: { id: string }) => void) => done(null, profile)));

app.get('/auth/google/callback', (req, res, next) => {
  const returnTo = req.session.returnTo ?? '/';
  passport.authenticate('google', (err: unknown, user: { id: string } | false) => {
    if (err || !user) return res.redirect('/login');
    req.session.googleId = user.id; // expect: stale-write-after-await "^`req\.session` is written \(`googleId`\) after `passport\.authenticate\('google'\)`"
    res.redirect(returnTo);
  })(req, res, next);
});

app.get('/auth/corp/callback', (req, res, next) => {
  const visits = req.session.visits ?? 0;
  passport.authenticate('corp', (err: unknown, user: { id: string } | false) => {
    if (err || !user) return res.redirect('/login');
    req.session.visits = visits + 1; // expect: stale-write-after-await "after `passport\.authenticate\('corp'\)`"
    res.redirect('/');
  })(req, res, next);
});

export default app;
