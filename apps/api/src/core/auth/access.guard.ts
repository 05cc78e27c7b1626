import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { AgentRole } from '@parley/shared/domain';
import type { Request } from 'express';
import { AgentsService } from '../../modules/agents/agents.service';
import { AppException } from '../errors/app.exception';
import { AuthAgent, IS_PUBLIC, ROLES } from './decorators';

export interface AccessTokenClaims {
  sub: string;
  role: AgentRole;
  typ: 'agent';
}

/**
 * Global guard: every route needs a valid agent access token unless marked @Public().
 * The agent is re-read on each request (a primary-key lookup) so disabling an agent or
 * changing a role takes effect at once, not when the token expires.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly agents: AgentsService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const req = ctx.switchToHttp().getRequest<Request & { agent?: AuthAgent }>();
    const [scheme, token] = (req.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw new AppException('unauthorized', 'Missing bearer token');

    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token);
    } catch (e) {
      const expired = (e as Error).name === 'TokenExpiredError';
      throw new AppException('unauthorized', expired ? 'Access token expired' : 'Invalid access token');
    }
    if (claims.typ !== 'agent') throw new AppException('unauthorized', 'Invalid access token');

    const agent = await this.agents.findActive(claims.sub);
    if (!agent) throw new AppException('unauthorized', 'Agent not found or disabled');
    req.agent = { id: agent.id, role: agent.role, name: agent.name, email: agent.email };

    const roles = this.reflector.getAllAndOverride<AgentRole[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(agent.role)) throw new AppException('forbidden', `This action needs the ${roles.join(' or ')} role`);
    return true;
  }
}
