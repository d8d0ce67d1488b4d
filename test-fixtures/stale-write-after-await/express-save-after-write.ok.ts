// express-session: the same handler, correct: the session is loaded again after the slow
// call (`reload()`), then written and saved.
import express from 'express';
import session from 'express-session';

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false }));

app.post('/locale', async (req, res) => {
  const detected = await fetch(`https://geo.internal/locale?ip=${req.ip}`).then((r) => r.json());
  req.session.reload((reloadError) => {
    if (reloadError) return res.sendStatus(500);
    req.session.locale = detected.locale;
    req.session.save((err) => {
      if (err) return res.sendStatus(500);
      res.json({ locale: detected.locale });
    });
  });
});

export default app;
