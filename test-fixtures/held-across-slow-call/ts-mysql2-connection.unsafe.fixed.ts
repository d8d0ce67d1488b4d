import mysql from 'mysql2/promise';
import { Router } from 'express';

const pool = mysql.createPool({ uri: process.env.MYSQL_URL, connectionLimit: 10 });
export const router = Router();

router.get('/products/:sku', async (req, res) => {
  const stock = await fetch(`https://inventory.internal/stock/${req.params.sku}`); // expect: held-across-slow-call "^Pooled connection `conn` held across `fetch\(\)`.*: the pool has a fixed number of connections"
  const conn = await pool.getConnection();
  try {
    const [rows] = await conn.query('SELECT * FROM products WHERE sku = ?', [req.params.sku]);
    res.json({ product: rows, stock: await stock.json() });
  } finally {
    conn.release();
  }
});
