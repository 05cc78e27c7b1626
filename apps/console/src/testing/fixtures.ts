import type { AgentDto, ApiError, ErrorCode } from '@parley/shared/contracts';
import type { AuthSession } from '../app/core/auth/auth-session';
import { SESSION_STORAGE_KEY } from '../app/core/auth/auth-session';

/** Test-only helpers (excluded from the app build by tsconfig.app.json). */
export function anAgent(overrides: Partial<AgentDto> = {}): AgentDto {
  return {
    id: 'agent-1',
    name: 'Mina Park',
    email: 'mina@example.com',
    role: 'agent',
    availability: 'online',
    disabled: false,
    createdAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export function aSession(overrides: Partial<AuthSession> = {}): AuthSession {
  return {
    accessToken: 'access-1',
    refreshToken: 'refresh-1',
    agent: anAgent(),
    ...overrides,
  };
}

/** Puts a session in localStorage as a previous page load would have; call before AuthService is created. */
export function storeSignedIn(session: AuthSession = aSession()): AuthSession {
  localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
  return session;
}

export function apiError(
  statusCode: number,
  code: ErrorCode,
  message: string = code,
): ApiError {
  return { statusCode, code, message };
}
