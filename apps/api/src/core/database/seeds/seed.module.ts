import { Module } from '@nestjs/common';
import { AgentsModule } from '../../../modules/agents/agents.module';
import { SeedService } from './seed.service';

@Module({ imports: [AgentsModule], providers: [SeedService], exports: [SeedService] })
export class SeedModule {}
