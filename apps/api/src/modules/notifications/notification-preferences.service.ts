import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { NOTIFICATION_ALERT_TYPES, NOTIFICATION_EMAIL_DEFAULTS, type NotificationAlertType, type NotificationPreferencesDto, type UpdateNotificationPreferencesRequest } from '@parley/shared/contracts';
import { Repository } from 'typeorm';
import { MailerService } from './mailer.service';
import { NotificationPreference } from './notification-preference.entity';

@Injectable()
export class NotificationPreferencesService {
  constructor(
    @InjectRepository(NotificationPreference) private readonly preferences: Repository<NotificationPreference>,
    private readonly mailer: MailerService,
  ) {}

  async get(agentId: string): Promise<NotificationPreferencesDto> {
    const row = await this.preferences.findOne({ where: { agentId } });
    return this.toDto(row?.email ?? {});
  }

  /** Changes only the given types (one statement: concurrent updates of different types both stick). */
  async update(agentId: string, dto: UpdateNotificationPreferencesRequest): Promise<NotificationPreferencesDto> {
    const changes = Object.fromEntries(NOTIFICATION_ALERT_TYPES.filter((t) => typeof dto.email[t] === 'boolean').map((t) => [t, dto.email[t]]));
    const [row]: { email: NotificationPreference['email'] }[] = await this.preferences.query(
      `INSERT INTO notification_preferences (agent_id, email) VALUES ($1, $2::jsonb)
       ON CONFLICT (agent_id) DO UPDATE SET email = notification_preferences.email || EXCLUDED.email, updated_at = now()
       RETURNING email`,
      [agentId, JSON.stringify(changes)],
    );
    return this.toDto(row.email);
  }

  private toDto(stored: Partial<Record<NotificationAlertType, boolean>>): NotificationPreferencesDto {
    const email = Object.fromEntries(NOTIFICATION_ALERT_TYPES.map((t) => [t, stored[t] ?? NOTIFICATION_EMAIL_DEFAULTS[t]])) as Record<NotificationAlertType, boolean>;
    return { email, emailEnabled: this.mailer.enabled };
  }
}
