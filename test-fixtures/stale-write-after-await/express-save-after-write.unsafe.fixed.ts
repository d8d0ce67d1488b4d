// express-session: the handler saves the session explicitly after writing it. `save()`
// writes the whole stale copy to the store at once, so it does not prevent the lost update:
// the write after the slow call is still reported (the save is listed with it).
import express from 'express';
import session from 'express-session';

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false }));

app.post('/locale', async (req, res) => {
  const detected = await fetch(`https://geo.internal/locale?ip=${req.ip}`).then((r) => r.json());
  await new Promise<void>((resolve, reject) => req.session.reload((error) => (error ? reject(error) : resolve())));
  req.session.locale = detected.locale; // expect: stale-write-after-await "^`req\.session` is written \(`locale`\) after `fetch\(\)`"
  req.session.save((err) => {
    if (err) return res.sendStatus(500);
    res.json({ locale: detected.locale });
  });
});

export default app;
