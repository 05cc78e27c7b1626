import { Module } from '@nestjs/common';
import { InboxesModule } from '../inboxes/inboxes.module';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({ imports: [InboxesModule], controllers: [ReportsController], providers: [ReportsService] })
export class ReportsModule {}
