import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, ValidateIf, validateSync, IsEmail } from 'class-validator';

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

  /** Folder with the built widget (widget.js, widget/, demo/); unset = dist/apps/widget. */
  @Transform(emptyToUndefined) @IsOptional() @IsString()
  WIDGET_DIR?: string;

  /** Folder with the built console (index.html); unset = dist/apps/console/browser. */
  @Transform(emptyToUndefined) @IsOptional() @IsString()
  CONSOLE_DIR?: string;
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
