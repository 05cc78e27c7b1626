import type { AgentDto, AuthTokens } from '@parley/shared/contracts';
import { AGENT_ROLES } from '@parley/shared/domain';
import { readItem, removeItem, writeItem } from '../storage/local-storage';

export const SESSION_STORAGE_KEY = 'parley.session';

export interface AuthSession {
  accessToken: string;
  refreshToken: string;
  agent: AgentDto;
}

export function sessionFromLogin(
  tokens: AuthTokens,
  agent: AgentDto,
): AuthSession {
  return {
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    agent,
  };
}

/** The stored session, or null if there is none or it is not one we wrote (old format, tampered, truncated). */
export function readStoredSession(): AuthSession | null {
  const raw = readItem(SESSION_STORAGE_KEY);
  if (raw === null) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (isSession(value)) return value;
  } catch {
    // Unparseable: fall through and drop it.
  }
  removeItem(SESSION_STORAGE_KEY);
  return null;
}

export function storeSession(session: AuthSession | null): void {
  if (session) writeItem(SESSION_STORAGE_KEY, JSON.stringify(session));
  else removeItem(SESSION_STORAGE_KEY);
}

function isSession(value: unknown): value is AuthSession {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const agent = v['agent'] as Record<string, unknown> | null | undefined;
  return (
    typeof v['accessToken'] === 'string' &&
    typeof v['refreshToken'] === 'string' &&
    typeof agent === 'object' &&
    agent !== null &&
    typeof agent['id'] === 'string' &&
    typeof agent['name'] === 'string' &&
    (AGENT_ROLES as readonly unknown[]).includes(agent['role'])
  );
}
