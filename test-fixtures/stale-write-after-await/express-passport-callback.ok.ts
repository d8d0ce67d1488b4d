// passport used where nothing is written after a token exchange: a local strategy (a password
// checked by the project's own verify function: no round trip of its own) with a custom
// callback; the route-middleware form, whose exchange runs before the handler starts (nothing
// of the handler is before it); and passport >= 0.6's `req.logIn()`, whose callback writes
// the regenerated session, not the copy loaded with the request.
import express from 'express';
import session from 'express-session';
import passport from 'passport';
import { Strategy as LocalStrategy } from 'passport-local';
import { Strategy as GoogleStrategy } from 'passport-google-oauth20';

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false }));

passport.use(new LocalStrategy((username: string, _password: string, done: (e: null, u: { id: string }) => void) => done(null, { id: username })));
passport.use(new GoogleStrategy({ clientID: 'id', clientSecret: 'secret', callbackURL: '/auth/google/callback' }, (_a: string, _r: string, profile: { id: string }, done: (e: null, u: { id: string }) => void) => done(null, profile)));

app.post('/login', (req, res, next) => {
  const returnTo = req.session.returnTo ?? '/';
  passport.authenticate('local', (err: unknown, user: { id: string } | false) => {
    if (err || !user) return res.redirect('/login');
    req.session.userId = user.id;
    res.redirect(returnTo);
  })(req, res, next);
});

app.get('/auth/google/callback', passport.authenticate('google', { failureRedirect: '/login' }), (req, res) => {
  req.session.provider = 'google';
  res.redirect('/');
});

app.get('/auth/google/relogin', (req, res, next) => {
  const returnTo = req.session.returnTo ?? '/';
  passport.authenticate('google', (err: unknown, user: { id: string } | false) => {
    if (err || !user) return res.redirect('/login');
    req.logIn(user, (loginError) => {
      if (loginError) return next(loginError);
      req.session.provider = 'google';
      res.redirect(returnTo);
    });
  })(req, res, next);
});

export default app;
