import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentAgent, type AuthAgent } from '../../core/auth/decorators';
import { ReplyDraftsService } from '../reply-drafts/reply-drafts.service';
import { TriagePipeline } from './triage-pipeline';
import { CorrectTriageDto } from './triage.dto';
import { TriageService } from './triage.service';

@ApiTags('triage')
@ApiBearerAuth()
@Controller()
export class TriageController {
  constructor(
    private readonly triage: TriageService,
    private readonly drafts: ReplyDraftsService,
    private readonly pipeline: TriagePipeline,
  ) {}

  @Get('conversations/:id/triage-results')
  list(@CurrentAgent() agent: AuthAgent, @Param('id', ParseUUIDPipe) id: string) {
    return this.triage.listForConversation(agent, id);
  }

  /** Correct the category; the message becomes a training example. */
  @Patch('triage-results/:id')
  correct(@CurrentAgent() agent: AuthAgent, @Param('id', ParseUUIDPipe) id: string, @Body() body: CorrectTriageDto) {
    return this.triage.correct(agent, id, body.category);
  }

  /** Supersedes a waiting draft and drafts the message again; the new draft arrives as `reply_draft.created`. */
  @Post('reply-drafts/:id/regenerate')
  @HttpCode(202)
  async regenerate(@CurrentAgent() agent: AuthAgent, @Param('id', ParseUUIDPipe) id: string) {
    const draft = await this.drafts.supersedeForRegeneration(agent, id);
    await this.pipeline.requeue(draft.messageId);
    return { queued: true, messageId: draft.messageId };
  }
}
