import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentAgent, type AuthAgent } from '../../core/auth/decorators';
import { CreateQuoteRequestDto, QuoteRequestCountsQueryDto, QuoteRequestListQueryDto, SendQuoteDto, UpdateQuoteRequestDto } from './dto/quote-request.dto';
import { QuoteSendingService } from './quote-sending.service';
import { QuotesService } from './quotes.service';

/** The quote board: agents see their inboxes' requests and those without an inbox; admins see all. */
@ApiTags('quote-requests')
@ApiBearerAuth()
@Controller('quote-requests')
export class QuotesController {
  constructor(
    private readonly quotes: QuotesService,
    private readonly sending: QuoteSendingService,
  ) {}

  @Get()
  list(@CurrentAgent() agent: AuthAgent, @Query() query: QuoteRequestListQueryDto) {
    return this.quotes.list(agent, query);
  }

  @Get('counts')
  counts(@CurrentAgent() agent: AuthAgent, @Query() query: QuoteRequestCountsQueryDto) {
    return this.quotes.counts(agent, query);
  }

  @Get(':id')
  get(@CurrentAgent() agent: AuthAgent, @Param('id', ParseUUIDPipe) id: string) {
    return this.quotes.get(agent, id);
  }

  @Post()
  create(@CurrentAgent() agent: AuthAgent, @Body() body: CreateQuoteRequestDto) {
    return this.quotes.create(agent, body);
  }

  @Patch(':id')
  update(@CurrentAgent() agent: AuthAgent, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateQuoteRequestDto) {
    return this.quotes.update(agent, id, body);
  }

  /** Renders the PDF, emails it, posts it into the conversation; the request becomes `quoted`. */
  @Post(':id/send')
  @HttpCode(200)
  send(@CurrentAgent() agent: AuthAgent, @Param('id', ParseUUIDPipe) id: string, @Body() body: SendQuoteDto) {
    return this.sending.send(agent, id, body);
  }

  @Get(':id/pdf')
  @ApiProduces('application/pdf')
  async pdf(@CurrentAgent() agent: AuthAgent, @Param('id', ParseUUIDPipe) id: string) {
    const { filename, pdf } = await this.quotes.pdf(agent, id);
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: `inline; filename="${filename}"`, length: pdf.length });
  }
}
