import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../../core/auth/decorators';
import { WidgetSessionDto } from './dto/live-chat.dto';
import { LiveChatService } from './live-chat.service';

@ApiTags('widget')
@Controller('widget')
export class WidgetSessionsController {
  constructor(private readonly chat: LiveChatService) {}

  /** Starts or resumes a visitor session; see docs/widget-protocol.md. */
  @Public()
  @Post('sessions')
  @HttpCode(200)
  create(@Body() body: WidgetSessionDto, @Req() req: Request) {
    return this.chat.createSession(body, { ip: req.ip ?? 'unknown', origin: req.headers.origin, apiHost: req.get('host') ?? '' });
  }
}
