// express-session login: the handler looks the user up in the database and checks the
// password before writing the session. A query is short and this is how logging in works:
// database queries do not open a lost-update window unless `slowKinds` says so.
import express from 'express';
import session from 'express-session';
import bcrypt from 'bcrypt';
import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const app = express();
app.use(express.urlencoded({ extended: false }));
app.use(session({ secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false }));

app.post('/login', async (req, res) => {
  const { rows } = await pool.query('SELECT id, password_hash FROM users WHERE email = $1', [req.body.email]);
  const user = rows[0];
  if (!user || !(await bcrypt.compare(req.body.password, user.password_hash))) {
    return res.status(401).render('login', { error: 'Wrong email or password' });
  }
  req.session.userId = user.id;
  req.session.loggedInAt = Date.now();
  res.redirect('/');
});

export default app;
