import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppException } from '../errors/app.exception';

export interface VisitorClaims {
  typ: 'visitor';
  /** The contact inbox: the visitor's identity in one inbox. */
  sub: string;
  inb: string;
}

const VISITOR_TTL_SECONDS = 365 * 24 * 3600;

/** Signed visitor tokens, kept by the widget in localStorage. */
@Injectable()
export class VisitorTokenService {
  constructor(private readonly jwt: JwtService) {}

  sign(contactInboxId: string, inboxId: string): Promise<string> {
    const claims: VisitorClaims = { typ: 'visitor', sub: contactInboxId, inb: inboxId };
    return this.jwt.signAsync(claims, { expiresIn: VISITOR_TTL_SECONDS });
  }

  async verify(token: unknown): Promise<VisitorClaims> {
    if (typeof token !== 'string' || token.length > 2000) throw new AppException('unauthorized', 'Missing visitor token');
    try {
      const claims = await this.jwt.verifyAsync<VisitorClaims>(token);
      if (claims.typ !== 'visitor') throw new Error('wrong type');
      return claims;
    } catch {
      throw new AppException('unauthorized', 'Invalid or expired visitor token');
    }
  }
}
