import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentAgent, type AuthAgent } from '../../core/auth/decorators';
import { ReportsQueryDto } from './reports.dto';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('overview')
  overview(@CurrentAgent() agent: AuthAgent, @Query() query: ReportsQueryDto) {
    return this.reports.overview(agent, query);
  }
}
