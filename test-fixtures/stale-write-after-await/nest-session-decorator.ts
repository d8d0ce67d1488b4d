// NestJS with express-session: a controller method gets the session through `@Session()`,
// calls a slow service and then writes to the stale copy.
import { Controller, Post, Session } from '@nestjs/common';
import { execFile } from 'child_process';
import { promisify } from 'util';

const execFileAsync = promisify(execFile);

@Controller('reports')
export class ReportsController {
  @Post('render')
  async render(@Session() session: Record<string, any>) {
    const template = session.reportTemplate ?? 'default';
    const { stdout } = await execFileAsync('wkhtmltopdf', [`templates/${template}.html`, '-']);
    session.lastReportAt = new Date().toISOString(); // expect: stale-write-after-await "in this request handler \(NestJS controller method for POST\)"
    return stdout;
  }
}
