import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentAgent, type AuthAgent } from '../../core/auth/decorators';
import { UpdateNotificationPreferencesDto } from './notification-preferences.dto';
import { NotificationPreferencesService } from './notification-preferences.service';

/** The current agent's own alert choices (any role). */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly preferences: NotificationPreferencesService) {}

  @Get('preferences')
  get(@CurrentAgent() agent: AuthAgent) {
    return this.preferences.get(agent.id);
  }

  @Put('preferences')
  update(@CurrentAgent() agent: AuthAgent, @Body() body: UpdateNotificationPreferencesDto) {
    return this.preferences.update(agent.id, body);
  }
}
