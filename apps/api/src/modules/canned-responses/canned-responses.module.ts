import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CannedResponse } from './canned-response.entity';
import { CannedResponsesController } from './canned-responses.controller';
import { CannedResponsesService } from './canned-responses.service';

@Module({ imports: [TypeOrmModule.forFeature([CannedResponse])], controllers: [CannedResponsesController], providers: [CannedResponsesService] })
export class CannedResponsesModule {}
