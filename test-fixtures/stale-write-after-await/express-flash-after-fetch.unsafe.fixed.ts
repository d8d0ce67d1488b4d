// express-session with connect-flash: `req.flash(type, message)` stores the message in the
// session. Adding it after a slow call changes the stale copy, which the store then saves
// over what a concurrent request of the same user saved meanwhile.
import express from 'express';
import session from 'express-session';
import flash from 'connect-flash';

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false }));
app.use(flash());

app.post('/newsletter', async (req, res) => {
  const response = await fetch('https://mailer.internal/subscribe', {
    method: 'POST',
    body: JSON.stringify({ email: req.body.email }),
  });
  if (!response.ok) {
    await new Promise<void>((resolve, reject) => req.session.reload((error) => (error ? reject(error) : resolve())));
    req.flash('error', 'Could not subscribe, please try again.'); // expect: stale-write-after-await "^`req\.session` is written \(`flash`\) after `fetch\(\)` in this request handler"
    return res.redirect('/newsletter');
  }
  await new Promise<void>((resolve, reject) => req.session.reload((error) => (error ? reject(error) : resolve())));
  req.flash('success', 'You are subscribed.');
  res.redirect('/');
});

export default app;
