import { Injectable } from '@nestjs/common';
import * as nodemailer from 'nodemailer';

@Injectable()
export class WelcomeMailer {
  private readonly transport = nodemailer.createTransport({ host: 'smtp.example.com' });

  async sendWelcome(email: string): Promise<void> {
    await this.transport.sendMail({ to: email, subject: 'Welcome', text: 'Hello!' });
  }
}
