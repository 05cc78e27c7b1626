import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../core/auth/decorators';
import { PublicQuoteRequestDto } from './dto/quote-request.dto';
import { pickLocale, QuoteAnswersService, type QuoteAnswer, type QuoteLinkResponse } from './quote-answers.service';
import { QuoteIntakeService } from './quote-intake.service';
import { QUOTE_PAGE_ROUTE } from './quote-links';

/** No agent token: a website's quote form, and the customer's signed quote page (see docs/quotes.md). */
@Public()
@ApiTags('quote-requests')
@Controller()
export class PublicQuotesController {
  constructor(
    private readonly intake: QuoteIntakeService,
    private readonly answers: QuoteAnswersService,
  ) {}

  /** 202 with `{ id, displayId, status }`; rate-limited per IP; the inbox's allowed origins apply. */
  @Post('public/quote-requests')
  @HttpCode(202)
  submit(@Body() body: PublicQuoteRequestDto, @Req() req: Request) {
    return this.intake.submitPublic(body, { ip: req.ip ?? 'unknown', origin: req.headers.origin, apiHost: req.get('host') ?? '' });
  }

  @Get(`${QUOTE_PAGE_ROUTE}/:token`)
  async page(@Param('token') token: string, @Query('lang') lang: unknown, @Res() res: Response) {
    send(res, await this.answers.view(token, pickLocale(lang)));
  }

  @Get(`${QUOTE_PAGE_ROUTE}/:token/pdf`)
  async pdf(@Param('token') token: string, @Query('lang') lang: unknown, @Res() res: Response) {
    send(res, await this.answers.pdf(token, pickLocale(lang)));
  }

  @Post(`${QUOTE_PAGE_ROUTE}/:token/accept`)
  async accept(@Param('token') token: string, @Query('lang') lang: unknown, @Res() res: Response) {
    send(res, await this.answers.answer(token, 'accepted' satisfies QuoteAnswer, pickLocale(lang)));
  }

  @Post(`${QUOTE_PAGE_ROUTE}/:token/decline`)
  async decline(@Param('token') token: string, @Query('lang') lang: unknown, @Res() res: Response) {
    send(res, await this.answers.answer(token, 'declined' satisfies QuoteAnswer, pickLocale(lang)));
  }
}

function send(res: Response, r: QuoteLinkResponse): void {
  // The token is in the URL: never cached, never sent on as a referrer, never indexed.
  res.set({ 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer', 'X-Robots-Tag': 'noindex' });
  if (r.kind === 'redirect') {
    res.redirect(303, r.location);
  } else if (r.kind === 'pdf') {
    res.status(200).type('application/pdf').set('Content-Disposition', `inline; filename="${r.filename}"`).send(r.pdf);
  } else {
    res.status(r.status).set('Content-Security-Policy', r.csp).type('html').send(r.html);
  }
}
