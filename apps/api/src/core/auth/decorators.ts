import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { AgentRole } from '@parley/shared/domain';

export const IS_PUBLIC = 'parley:public';
export const ROLES = 'parley:roles';

/** No agent token needed (login, refresh, health, widget endpoints). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only agents with one of these roles. */
export const Roles = (...roles: AgentRole[]) => SetMetadata(ROLES, roles);

/** The authenticated agent, as the access guard put it on the request. */
export interface AuthAgent {
  id: string;
  role: AgentRole;
  name: string;
  email: string;
}

export const CurrentAgent = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthAgent => ctx.switchToHttp().getRequest().agent);

/** The authenticated agent as an audit actor. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext) => {
  const agent: AuthAgent = ctx.switchToHttp().getRequest().agent;
  return { type: 'agent' as const, id: agent.id };
});
