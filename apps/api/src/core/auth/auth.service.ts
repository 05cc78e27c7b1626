import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { JwtService } from '@nestjs/jwt';
import type { AuthTokens, LoginResponse } from '@parley/shared/contracts';
import { createHash, randomBytes } from 'node:crypto';
import { IsNull, Repository } from 'typeorm';
import { Agent } from '../../modules/agents/agent.entity';
import { AgentsService } from '../../modules/agents/agents.service';
import { AppConfig } from '../config/app-config';
import { AppException } from '../errors/app.exception';
import type { AccessTokenClaims } from './access.guard';
import { dummyHash, verifyPassword } from './passwords';
import { RefreshToken } from './refresh-token.entity';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

@Injectable()
export class AuthService {
  constructor(
    private readonly agents: AgentsService,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    @InjectRepository(RefreshToken) private readonly refreshTokens: Repository<RefreshToken>,
  ) {}

  async login(email: string, password: string): Promise<LoginResponse> {
    const agent = await this.agents.findByEmailWithPassword(email);
    // Verify against a dummy hash for unknown e-mails so the response time does not reveal accounts.
    const ok = await verifyPassword(agent?.passwordHash ?? (await dummyHash()), password);
    if (!agent || !ok) throw new AppException('invalid_credentials', 'Wrong e-mail or password');
    if (agent.disabled) throw new AppException('agent_disabled', 'This agent account is disabled');
    const tokens = await this.issue(agent);
    return { ...tokens, agent: this.agents.toDto(agent) };
  }

  /** Rotates the refresh token: the old one is revoked; presenting a revoked one revokes the agent's whole session family. */
  async refresh(refreshToken: string): Promise<AuthTokens> {
    const row = await this.refreshTokens.findOne({ where: { tokenHash: sha256(refreshToken) } });
    if (!row) throw new AppException('unauthorized', 'Invalid refresh token');
    if (row.revokedAt) {
      await this.refreshTokens.update({ agentId: row.agentId, revokedAt: IsNull() }, { revokedAt: new Date() });
      throw new AppException('unauthorized', 'Refresh token was already used; please sign in again');
    }
    if (row.expiresAt.getTime() <= Date.now()) throw new AppException('unauthorized', 'Refresh token expired');
    const agent = await this.agents.findActive(row.agentId);
    if (!agent) throw new AppException('unauthorized', 'Agent not found or disabled');
    // Conditional update: of two concurrent refreshes with the same token only one wins.
    const revoked = await this.refreshTokens.update({ id: row.id, revokedAt: IsNull() }, { revokedAt: new Date() });
    if (!revoked.affected) throw new AppException('unauthorized', 'Refresh token was already used; please sign in again');
    return this.issue(agent);
  }

  async logout(refreshToken: string): Promise<void> {
    await this.refreshTokens.update({ tokenHash: sha256(refreshToken), revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  private async issue(agent: Agent): Promise<AuthTokens> {
    const ttl = this.config.env.JWT_ACCESS_TTL_SECONDS;
    const claims: AccessTokenClaims = { sub: agent.id, role: agent.role, typ: 'agent' };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: ttl });
    const refreshToken = randomBytes(32).toString('base64url');
    await this.refreshTokens.insert({
      agentId: agent.id,
      tokenHash: sha256(refreshToken),
      expiresAt: new Date(Date.now() + this.config.env.JWT_REFRESH_TTL_SECONDS * 1000),
      revokedAt: null,
    });
    return { accessToken, refreshToken, expiresIn: ttl };
  }
}
