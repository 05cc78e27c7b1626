import { Module } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgentsModule } from '../../modules/agents/agents.module';
import { AppConfig } from '../config/app-config';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { RefreshToken } from './refresh-token.entity';
import { VisitorTokenService } from './visitor-token.service';

@Module({
  imports: [
    AgentsModule,
    TypeOrmModule.forFeature([RefreshToken]),
    JwtModule.registerAsync({
      global: true,
      inject: [AppConfig],
      // A KeyObject, not a string: jsonwebtoken otherwise tries (and fails) to parse the string as a public
      // key on every verify, which cost ~0.9 ms of CPU per request in bench:api.
      useFactory: (config: AppConfig) => ({ secret: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')), signOptions: { algorithm: 'HS256', issuer: 'parley' }, verifyOptions: { algorithms: ['HS256'], issuer: 'parley' } }),
    }),
    ThrottlerModule.forRoot([{ name: 'default', ttl: 60_000, limit: 120 }]),
  ],
  controllers: [AuthController],
  providers: [AuthService, VisitorTokenService, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [AuthService, VisitorTokenService],
})
export class AuthModule {}
