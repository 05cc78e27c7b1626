import { Body, Controller, Get, Header, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentAgent, type AuthAgent } from '../../core/auth/decorators';
import { ApproveDraftDto, FlagDraftDto, RejectDraftDto, ReviewLogQueryDto } from './reply-draft.dto';
import { ReplyDraftsService } from './reply-drafts.service';

@ApiTags('reply-drafts')
@ApiBearerAuth()
@Controller()
export class ReplyDraftsController {
  constructor(private readonly drafts: ReplyDraftsService) {}

  @Get('conversations/:id/reply-drafts')
  listForConversation(@CurrentAgent() agent: AuthAgent, @Param('id', ParseUUIDPipe) id: string) {
    return this.drafts.listForConversation(agent, id);
  }

  /** The review log: every question with the AI's answer and its fate, newest first. */
  @Get('reply-drafts')
  reviewLog(@CurrentAgent() agent: AuthAgent, @Query() query: ReviewLogQueryDto) {
    return this.drafts.reviewLog(agent, query);
  }

  @Get('reply-drafts/export.csv')
  @ApiProduces('text/csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="parley-review-log.csv"')
  async exportCsv(@CurrentAgent() agent: AuthAgent, @Query() query: ReviewLogQueryDto) {
    // A BOM so spreadsheet apps read Korean text as UTF-8.
    return `\uFEFF${await this.drafts.reviewCsv(agent, query)}`;
  }

  @Post('reply-drafts/:id/approve')
  approve(@CurrentAgent() agent: AuthAgent, @Param('id', ParseUUIDPipe) id: string, @Body() body: ApproveDraftDto) {
    return this.drafts.approve(agent, id, body.body);
  }

  @Post('reply-drafts/:id/flag')
  flag(@CurrentAgent() agent: AuthAgent, @Param('id', ParseUUIDPipe) id: string, @Body() body: FlagDraftDto) {
    return this.drafts.flag(agent, id, body.note);
  }

  @Post('reply-drafts/:id/reject')
  reject(@CurrentAgent() agent: AuthAgent, @Param('id', ParseUUIDPipe) id: string, @Body() body: RejectDraftDto) {
    return this.drafts.reject(agent, id, body.reason);
  }
}
