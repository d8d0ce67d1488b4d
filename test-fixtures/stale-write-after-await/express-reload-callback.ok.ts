// express-session: the write happens in the callback of `req.session.reload()`, after the
// session was loaded again; the handler itself only reads before the slow call.
import express from 'express';
import session from 'express-session';
import axios from 'axios';

const router = express.Router();
router.use(session({ secret: 'keyboard cat', resave: false, saveUninitialized: false }));

router.post('/preferences/sync', async (req, res, next) => {
  const userId = req.session.userId;
  const { data } = await axios.get(`https://settings.internal/users/${userId}`);
  req.session.reload((err) => {
    if (err) return next(err);
    req.session.preferences = data.preferences;
    res.sendStatus(204);
  });
});

export default router;
