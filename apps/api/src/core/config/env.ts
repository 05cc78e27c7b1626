import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, ValidateIf, validateSync, IsEmail, IsJSON } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }: { value: unknown }) => {
  if (value === undefined || value === '') return undefined;
  if (value === true || value === false) return value;
  const v = String(value).toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  return value; // left as is so validation names the variable
};
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/** Every environment variable Parley reads. docker/.env.example documents each one. */
export class Env {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  /** Postgres connection string; unset = the embedded database (not allowed in production). */
  @Transform(emptyToUndefined) @IsOptional() @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// connection string' })
  DATABASE_URL?: string;

  @Transform(toInt) @IsInt() @Min(1) @Max(200)
  DATABASE_POOL_SIZE = 10;

  /** Folder for the embedded database and generated local secrets. */
  @IsString()
  PARLEY_DATA_DIR = '.data';

  @Transform(toInt) @IsInt() @Min(1024) @Max(65535)
  EMBEDDED_PG_PORT = 5488;

  /** Run pending migrations at boot. Defaults to on outside production; production runs `db:migrate`. */
  @Transform(toBool) @IsOptional() @IsBoolean()
  DB_MIGRATE_ON_BOOT?: boolean;

  /** HMAC key for agent and visitor tokens. Required in production; generated and kept in the data folder otherwise. */
  @Transform(emptyToUndefined) @ValidateIf((e: Env) => e.NODE_ENV === 'production' || e.JWT_SECRET !== undefined)
  @IsString() @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @Transform(toInt) @IsInt() @Min(60) @Max(86_400)
  JWT_ACCESS_TTL_SECONDS = 900;

  @Transform(toInt) @IsInt() @Min(3600) @Max(90 * 86_400)
  JWT_REFRESH_TTL_SECONDS = 30 * 86_400;

  @Transform(emptyToUndefined) @IsOptional() @IsEmail({}, { message: 'PARLEY_ADMIN_EMAIL must be an email address' })
  PARLEY_ADMIN_EMAIL?: string;

  @Transform(emptyToUndefined) @IsOptional() @IsString() @MinLength(12, { message: 'PARLEY_ADMIN_PASSWORD must be at least 12 characters' })
  PARLEY_ADMIN_PASSWORD?: string;

  /** Seed the demo workspace into an empty database. */
  @Transform(toBool) @IsBoolean()
  PARLEY_DEMO = true;

  /** The business's name, used to sign AI drafts. */
  @IsString() @MinLength(1)
  PARLEY_BUSINESS_NAME = 'Harbor & Co.';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Redis for the socket.io adapter and rate limits across processes; unset = Postgres (LISTEN/NOTIFY) adapter. */
  @Transform(emptyToUndefined) @IsOptional() @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL?: string;

  /** Abuse limits for visitors (0 = no limit). Per process, or across processes through Redis. */
  @Transform(toInt) @IsInt() @Min(0)
  RATE_LIMIT_VISITOR_MESSAGES_PER_10S = 20;

  @Transform(toInt) @IsInt() @Min(0)
  RATE_LIMIT_IP_MESSAGES_PER_10S = 60;

  @Transform(toInt) @IsInt() @Min(0)
  RATE_LIMIT_IP_CONVERSATIONS_PER_HOUR = 20;

  @Transform(toInt) @IsInt() @Min(0)
  RATE_LIMIT_IP_SESSIONS_PER_MINUTE = 60;

  /** New quote requests per IP per hour, from the public form and the widget together. */
  @Transform(toInt) @IsInt() @Min(0)
  RATE_LIMIT_IP_QUOTES_PER_HOUR = 10;

  /** Folder with the built widget (widget.js, widget/, demo/); unset = dist/apps/widget. */
  @Transform(emptyToUndefined) @IsOptional() @IsString()
  WIDGET_DIR?: string;

  /** Folder with the built console (index.html); unset = dist/apps/console/browser. */
  @Transform(emptyToUndefined) @IsOptional() @IsString()
  CONSOLE_DIR?: string;

  /** OpenAI-compatible endpoint (OpenAI, vLLM, Ollama); unset = the embedded offline AI. */
  @Transform(emptyToUndefined) @IsOptional() @Matches(/^https?:\/\/.+/, { message: 'AI_BASE_URL must be an http(s) URL, e.g. https://api.openai.com/v1' })
  AI_BASE_URL?: string;

  @Transform(emptyToUndefined) @IsOptional() @IsString()
  AI_API_KEY?: string;

  @Transform(emptyToUndefined) @ValidateIf((e: Env) => e.AI_BASE_URL !== undefined) @IsString({ message: 'AI_CHAT_MODEL is required when AI_BASE_URL is set' })
  AI_CHAT_MODEL?: string;

  /** Embedding model for hybrid retrieval; unset = BM25 only. */
  @Transform(emptyToUndefined) @IsOptional() @IsString()
  AI_EMBED_MODEL?: string;

  @Transform(toInt) @IsInt() @Min(1000) @Max(300_000)
  AI_TIMEOUT_MS = 20_000;

  /** Run AI jobs in this process (0 = enqueue only, for API processes beside dedicated workers). */
  @Transform(toInt) @IsInt() @Min(0) @Max(16)
  AI_WORKER_CONCURRENCY = 2;

  /** A job running longer than this is presumed lost (its process died) and runs again. */
  @Transform(toInt) @IsInt() @Min(5) @Max(3600)
  AI_JOB_TIMEOUT_SECONDS = 120;

  /** First retry delay of a failed AI job (doubles each attempt; 3 retries). */
  @Transform(toInt) @IsInt() @Min(1) @Max(600)
  AI_JOB_RETRY_DELAY_SECONDS = 5;

  /** How often expired jobs are found and retried. */
  @Transform(toInt) @IsInt() @Min(1) @Max(3600)
  AI_JOB_MAINTENANCE_SECONDS = 30;

  /** Wait after the last correction before the offline model retrains. */
  @Transform(toInt) @IsInt() @Min(0) @Max(3_600_000)
  AI_RETRAIN_DEBOUNCE_MS = 5_000;

  /** Webhook deliveries sent by this process at once (0 = enqueue only, for API processes beside dedicated workers). */
  @Transform(toInt) @IsInt() @Min(0) @Max(16)
  WEBHOOK_WORKER_CONCURRENCY = 2;

  /** First retry delay of a failed webhook delivery (about doubles each attempt, with jitter; 8 retries). */
  @Transform(toInt) @IsInt() @Min(1) @Max(3600)
  WEBHOOK_RETRY_DELAY_SECONDS = 30;

  /** In production, webhook URLs on private, loopback and link-local addresses are refused unless this is on. */
  @Transform(toBool) @IsBoolean()
  WEBHOOK_ALLOW_PRIVATE_URLS = false;

  /** Outgoing mail, e.g. smtp://user:pass@mail.example.com:587 (smtps:// for implicit TLS); unset = no email is sent. */
  @Transform(emptyToUndefined) @IsOptional() @Matches(/^smtps?:\/\/([^\s@/]+@)?[^\s@/:]+(:\d{1,5})?\/?(\?\S*)?$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@mail.example.com:587' })
  SMTP_URL?: string;

  /** Sender of every email Parley sends. */
  @IsString() @MinLength(3)
  MAIL_FROM = 'Parley <no-reply@parley.local>';

  /** Base URL people reach Parley at, for links in emails and SMS; unset = http://localhost:PORT. */
  @Transform(emptyToUndefined) @IsOptional() @Matches(/^https?:\/\/[^\s]+$/, { message: 'PUBLIC_URL must be an http(s) URL, e.g. https://help.example.com' })
  PUBLIC_URL?: string;

  /** An agent who got an alert email waits this long for the next; alerts in between arrive as one digest. */
  @Transform(toInt) @IsInt() @Min(1) @Max(86_400)
  NOTIFY_DIGEST_WINDOW_SECONDS = 300;

  /** Warn about a first-response deadline this many minutes before it passes. */
  @Transform(toInt) @IsInt() @Min(1) @Max(1440)
  NOTIFY_SLA_WARNING_MINUTES = 15;

  /** How often deadlines about to pass are looked for. */
  @Transform(toInt) @IsInt() @Min(1) @Max(3600)
  NOTIFY_SLA_CHECK_SECONDS = 60;

  /** Alert and follow-up jobs run by this process at once (0 = enqueue only). */
  @Transform(toInt) @IsInt() @Min(0) @Max(16)
  NOTIFY_WORKER_CONCURRENCY = 2;

  /** An agent's reply the visitor has not read after this long is sent to them by email (or SMS). */
  @Transform(toInt) @IsInt() @Min(1) @Max(7 * 86_400)
  FOLLOW_UP_DELAY_SECONDS = 300;

  /** Generic HTTP SMS provider: Parley POSTs { to, text, locale } as JSON; unset = no SMS. */
  @Transform(emptyToUndefined) @IsOptional() @Matches(/^https?:\/\/[^\s]+$/, { message: 'SMS_HTTP_URL must be an http(s) URL' })
  SMS_HTTP_URL?: string;

  /** Sent as `Authorization: Bearer <token>` to SMS_HTTP_URL. */
  @Transform(emptyToUndefined) @IsOptional() @IsString()
  SMS_HTTP_TOKEN?: string;

  /** SMS texts per locale as JSON, e.g. {"en":"{business}: new reply (#{displayId}) {link}"}; unset locales use the built-in ones. */
  @Transform(emptyToUndefined) @IsOptional() @IsJSON({ message: 'SMS_TEMPLATES must be a JSON object of locale to template' })
  SMS_TEMPLATES?: string;
}

export class EnvValidationError extends Error {}

/** Parses and validates the environment; the error message names every bad variable. */
export function validateEnv(raw: Record<string, unknown>): Env {
  const env = plainToInstance(Env, raw, { exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new EnvValidationError(`Invalid environment:\n  ${lines.join('\n  ')}`);
  }
  if (env.NODE_ENV === 'production' && !env.DATABASE_URL) {
    throw new EnvValidationError('Invalid environment:\n  DATABASE_URL: required in production (the embedded database is for development and trials)');
  }
  return env;
}
