// A read replica for reports, exported as the module's default.
import pg from 'pg';

export default new pg.Pool({ connectionString: process.env.REPLICA_URL, max: 5 });
