// The invitation is written and its e-mail sent inside one transaction (logto's
// `OrganizationInvitationLibrary.insert()`), through whichever connector is installed: of the
// two the project ships, the HTTP one calls its provider, so the call is `info`, naming it.
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
      await this.sendEmail(invitee); // expect: held-across-slow-call@info "held across `this.sendEmail\(\)`, which reaches `fetch\(\)`.*only if the configured implementation is `the anonymous function` in `connector-http-email/src/index.ts` \(2 implementations"
    });
  }

  async insertFixed(invitee: string): Promise<void> {
    await this.pool.transaction(async (connection) => {
      await connection.query(sql`INSERT INTO invitations (invitee) VALUES (${invitee})`);
    });
    await this.sendEmail(invitee);
  }

  async sendEmail(to: string): Promise<unknown> {
    const emailConnector = await this.connector.getMessageConnector('email');
    const send = async () => emailConnector.sendMessage({ to, text: 'You are invited' });
    return withRateGuard(to, send);
  }
}
