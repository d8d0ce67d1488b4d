// The invitation is written and its e-mail handed to the installed connector inside one
// transaction; neither connector the project ships does anything slow: nothing is reported.
import { sql, type DatabasePool } from 'slonik';
import type { ConnectorLibrary } from './connector.js';
import { withRateGuard } from './rate-guard.js';

export class InvitationLibrary {
  constructor(
    private readonly pool: DatabasePool,
    private readonly connector: ConnectorLibrary,
  ) {}

  async insert(invitee: string): Promise<void> {
    await this.pool.transaction(async (connection) => {
      await connection.query(sql`INSERT INTO invitations (invitee) VALUES (${invitee})`);
      await this.sendEmail(invitee);
    });
  }

  async sendEmail(to: string): Promise<unknown> {
    const emailConnector = await this.connector.getMessageConnector('email');
    const send = async () => emailConnector.sendMessage({ to, text: 'You are invited' });
    return withRateGuard(to, send);
  }
}
