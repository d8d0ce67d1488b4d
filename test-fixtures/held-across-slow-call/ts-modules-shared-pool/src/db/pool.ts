// The application's one pg pool, shared by every route through an import.
import { Pool } from 'pg';

export const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
