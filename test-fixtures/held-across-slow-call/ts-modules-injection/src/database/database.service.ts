import { Injectable } from '@nestjs/common';
import { Pool } from 'pg';

/** The one pool of the application, injected where the database is needed. */
@Injectable()
export class DatabaseService {
  readonly pool = new Pool({ connectionString: process.env.DATABASE_URL });
}
