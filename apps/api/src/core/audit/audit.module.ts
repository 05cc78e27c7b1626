import { Global, Module } from '@nestjs/common';
import { AuditLogsController } from './audit-logs.controller';
import { AuditService } from './audit.service';

@Global()
@Module({ providers: [AuditService], controllers: [AuditLogsController], exports: [AuditService] })
export class AuditModule {}
