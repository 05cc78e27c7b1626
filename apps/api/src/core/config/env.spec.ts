import { validateEnv } from './env';

describe('validateEnv', () => {
  it('applies defaults for an empty environment', () => {
    const env = validateEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.NODE_ENV).toBe('development');
    expect(env.PARLEY_DEMO).toBe(true);
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('coerces numbers and booleans from strings', () => {
    const env = validateEnv({ PORT: '8080', PARLEY_DEMO: '0', DB_MIGRATE_ON_BOOT: 'true' });
    expect(env.PORT).toBe(8080);
    expect(env.PARLEY_DEMO).toBe(false);
    expect(env.DB_MIGRATE_ON_BOOT).toBe(true);
  });

  it('names the variable that is wrong', () => {
    expect(() => validateEnv({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => validateEnv({ PARLEY_DEMO: 'maybe' })).toThrow(/PARLEY_DEMO/);
    expect(() => validateEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => validateEnv({ PARLEY_ADMIN_PASSWORD: 'short' })).toThrow(/PARLEY_ADMIN_PASSWORD/);
  });

  it('requires a database and a strong JWT secret in production', () => {
    expect(() => validateEnv({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) })).toThrow(/DATABASE_URL/);
    expect(() => validateEnv({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/p' })).toThrow(/JWT_SECRET/);
    expect(() => validateEnv({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/p', JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
    expect(validateEnv({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/p', JWT_SECRET: 'x'.repeat(40) }).NODE_ENV).toBe('production');
  });
});
