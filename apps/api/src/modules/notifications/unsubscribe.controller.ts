import { Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../../core/auth/decorators';
import { AppConfig } from '../../core/config/app-config';
import { FollowUpsService } from './follow-ups.service';
import { escapeHtml } from './mail-templates';

/**
 * The link at the bottom of follow-up emails (GET, a person clicking) and the one-click form mail
 * clients use (POST, RFC 8058). Answers a small page either way.
 */
@Public()
@ApiTags('notifications')
@Controller('unsubscribe')
export class UnsubscribeController {
  constructor(
    private readonly followUps: FollowUpsService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  async page(@Query('token') token: unknown, @Res() res: Response) {
    await this.answer(token, res);
  }

  @Post()
  @HttpCode(200)
  async oneClick(@Query('token') token: unknown, @Res() res: Response) {
    await this.answer(token, res);
  }

  private async answer(token: unknown, res: Response): Promise<void> {
    const ok = typeof token === 'string' && token.length <= 200 && (await this.followUps.unsubscribe(token));
    const business = escapeHtml(this.config.env.PARLEY_BUSINESS_NAME);
    const text = ok
      ? `You will get no more emails about your conversations with ${business}. 더 이상 이메일을 보내지 않습니다.`
      : 'This unsubscribe link is not valid. 유효하지 않은 링크입니다.';
    res
      .status(ok ? 200 : 400)
      .type('html')
      .send(`<!doctype html><html><head><meta charset="utf-8"><title>${ok ? 'Unsubscribed' : 'Invalid link'}</title></head><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto"><p>${text}</p></body></html>`);
  }
}
