// NestJS with express-session: the controller records the render in the session before the
// slow process runs, and writes nothing to it afterwards.
import { Controller, Post, Session } from '@nestjs/common';
import { execFile } from 'child_process';
import { promisify } from 'util';

const execFileAsync = promisify(execFile);

@Controller('reports')
export class ReportsController {
  @Post('render')
  async render(@Session() session: Record<string, any>) {
    const template = session.reportTemplate ?? 'default';
    session.lastReportAt = new Date().toISOString();
    const { stdout } = await execFileAsync('wkhtmltopdf', [`templates/${template}.html`, '-']);
    return stdout;
  }
}
