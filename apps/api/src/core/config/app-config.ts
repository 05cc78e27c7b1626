import { resolve } from 'node:path';
import { Env } from './env';

/**
 * The resolved runtime configuration: the validated env plus what boot worked out
 * (the database actually used, the local secret). Injected everywhere instead of process.env.
 */
export class AppConfig {
  constructor(
    readonly env: Env,
    readonly databaseUrl: string,
    readonly jwtSecret: string,
    readonly embeddedDatabase: boolean,
  ) {}

  get consoleDir(): string {
    return resolve(this.env.CONSOLE_DIR ?? 'dist/apps/console/browser');
  }

  get widgetDir(): string {
    return resolve(this.env.WIDGET_DIR ?? 'dist/apps/widget');
  }

  get isProduction(): boolean {
    return this.env.NODE_ENV === 'production';
  }
}
