// express-session with connect-flash: the messages shown on the page are taken
// (`req.flash('info')` only empties what an earlier request stored for this one) after the
// slow call, and the new message is stored before it.
import express from 'express';
import session from 'express-session';
import flash from 'connect-flash';

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false }));
app.use(flash());

app.get('/dashboard', async (req, res) => {
  const stats = await fetch('https://stats.internal/summary').then((r) => r.json());
  res.render('dashboard', { stats, messages: req.flash('info') });
});

app.post('/export', async (req, res) => {
  req.flash('info', 'Your export has started; we will email you when it is ready.');
  await fetch('https://exports.internal/jobs', { method: 'POST', body: JSON.stringify({ user: req.session.userId }) });
  res.redirect('/dashboard');
});

export default app;
