import { Module, OnApplicationBootstrap } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../../core/config/app-config';
import { FollowUpsService } from './follow-ups.service';
import { MailerService } from './mailer.service';
import { NotificationEventsListener } from './notification-events.listener';
import { NotificationPreference } from './notification-preference.entity';
import { NotificationPreferencesService } from './notification-preferences.service';
import { NotificationsController } from './notifications.controller';
import { HttpSmsProvider, SMS_PROVIDER, type SmsProvider } from './sms-provider';
import { StaffAlertsService } from './staff-alerts.service';
import { UnsubscribeController } from './unsubscribe.controller';

/** Staff alerts by email (with digests), follow-ups to contacts who left (email, SMS), unsubscribe. */
@Module({
  imports: [TypeOrmModule.forFeature([NotificationPreference])],
  controllers: [NotificationsController, UnsubscribeController],
  providers: [
    MailerService,
    StaffAlertsService,
    FollowUpsService,
    NotificationPreferencesService,
    NotificationEventsListener,
    {
      provide: SMS_PROVIDER,
      inject: [AppConfig],
      useFactory: (config: AppConfig): SmsProvider | null => (config.env.SMS_HTTP_URL ? new HttpSmsProvider({ url: config.env.SMS_HTTP_URL, token: config.env.SMS_HTTP_TOKEN }) : null),
    },
  ],
  exports: [StaffAlertsService, MailerService],
})
export class NotificationsModule implements OnApplicationBootstrap {
  constructor(
    private readonly alerts: StaffAlertsService,
    private readonly followUps: FollowUpsService,
  ) {}

  /** One after the other: pg-boss creates a queue with DDL, and two at once can deadlock. */
  async onApplicationBootstrap(): Promise<void> {
    await this.alerts.start();
    await this.followUps.start();
  }
}
