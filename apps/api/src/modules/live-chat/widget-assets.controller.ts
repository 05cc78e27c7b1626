import { Controller, Get, NotFoundException, Param, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Public } from '../../core/auth/decorators';
import { AppConfig } from '../../core/config/app-config';
import { Inbox } from '../inboxes/inbox.entity';

const TYPES: Record<string, string> = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8', html: 'text/html; charset=utf-8' };

/**
 * The widget's files. The loader may be embedded by any site (cross-origin resource policy
 * relaxed); the frame may be framed only by the inbox's allowed origins (CSP frame-ancestors),
 * which is how the browser enforces the allowed-origins list for the iframe.
 */
@Public()
@ApiExcludeController()
@Controller()
export class WidgetAssetsController {
  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @Get('widget.js')
  async loader(@Res() res: Response) {
    await this.send(res, 'widget.js', { 'Cross-Origin-Resource-Policy': 'cross-origin', 'Cache-Control': 'public, max-age=300' });
  }

  @Get('widget/frame.html')
  async frame(@Query('inbox') token: string | undefined, @Res() res: Response) {
    const inbox = typeof token === 'string' && token.length <= 64 ? await this.db.getRepository(Inbox).findOne({ where: { publicToken: token } }) : null;
    const ancestors = !inbox || !inbox.allowedOrigins.length || inbox.allowedOrigins.includes('*') ? '*' : ["'self'", ...inbox.allowedOrigins].join(' ');
    res.removeHeader('X-Frame-Options');
    await this.send(res, 'widget/frame.html', {
      'Content-Security-Policy': `default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors ${ancestors}`,
      'Cache-Control': 'no-cache',
    });
  }

  @Get('widget/:asset')
  async asset(@Param('asset') asset: string, @Res() res: Response) {
    if (!/^[\w.-]+\.(js|css)$/.test(asset)) throw new NotFoundException();
    await this.send(res, `widget/${asset}`, { 'Cache-Control': 'public, max-age=300' });
  }

  /** A host page on the API's origin with the widget of the first web inbox. */
  @Get('demo')
  async demo(@Res() res: Response) {
    const inbox = await this.db.getRepository(Inbox).findOne({ where: { channel: 'web_widget' }, order: { createdAt: 'ASC' } });
    const html = await this.read('demo/index.html');
    res.type('html').send(html.replaceAll('__INBOX_TOKEN__', inbox?.publicToken ?? ''));
  }

  private async read(file: string): Promise<string> {
    try {
      return await readFile(join(this.config.widgetDir, file), 'utf8');
    } catch {
      throw new NotFoundException(`The widget is not built (${file}); run npx nx build widget`);
    }
  }

  private async send(res: Response, file: string, headers: Record<string, string>) {
    const body = await this.read(file);
    res.set({ 'Content-Type': TYPES[file.split('.').pop()!] ?? 'application/octet-stream', ...headers }).send(body);
  }
}
