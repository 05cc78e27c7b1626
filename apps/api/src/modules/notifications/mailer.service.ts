import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { AppConfig } from '../../core/config/app-config';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}

/** The SMTP transport behind SMTP_URL (pooled), or nothing when it is unset. Credentials are never logged. */
@Injectable()
export class MailerService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Mail');
  private readonly transport: Transporter | null;
  private readonly target: string | null;

  constructor(private readonly config: AppConfig) {
    const url = config.env.SMTP_URL ? new URL(config.env.SMTP_URL) : null;
    if (!url) {
      this.transport = null;
      this.target = null;
      return;
    }
    const secure = url.protocol === 'smtps:';
    const port = url.port ? Number(url.port) : secure ? 465 : 587;
    this.target = `${url.protocol}//${url.hostname}:${port}`;
    this.transport = createTransport({
      pool: true,
      maxConnections: 2,
      host: url.hostname,
      port,
      secure,
      auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  onModuleInit(): void {
    if (this.target) this.logger.log(`sending mail through ${this.target} as ${this.config.env.MAIL_FROM}`);
    else this.logger.log('mail is disabled: SMTP_URL is not set (alerts stay in the console)');
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }

  async send(mail: OutgoingMail): Promise<void> {
    if (!this.transport) throw new Error('mail is disabled (SMTP_URL is not set)');
    await this.transport.sendMail({
      from: this.config.env.MAIL_FROM,
      to: mail.to,
      // Our subjects never carry customer text; a stray line break still must not start a header.
      subject: mail.subject.replace(/[\r\n]+/g, ' '),
      text: mail.text,
      html: mail.html,
      headers: mail.headers,
      attachments: mail.attachments,
    });
  }
}
