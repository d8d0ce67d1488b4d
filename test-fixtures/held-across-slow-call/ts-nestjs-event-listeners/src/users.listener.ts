// Listeners of the users module: one syncs the new user to the CRM over HTTP, one only logs.
import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';

@Injectable()
export class UsersListener {
  @OnEvent('user.created')
  async syncToCrm(payload: { email: string }): Promise<void> {
    await fetch('https://crm.example.com/contacts', { method: 'POST', body: JSON.stringify(payload) });
  }

  @OnEvent('user.renamed')
  async audit(payload: { id: string }): Promise<void> {
    console.log('renamed', payload.id);
  }
}
