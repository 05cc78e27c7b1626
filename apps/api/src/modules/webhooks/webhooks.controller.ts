import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../core/audit/audit.service';
import { CurrentActor, Roles } from '../../core/auth/decorators';
import { CreateWebhookDto, UpdateWebhookDto, WebhookDeliveryListQueryDto } from './webhook.dto';
import { WebhooksService } from './webhooks.service';

/** Outbound webhooks: settings for admins only (a webhook can carry every conversation out of Parley). */
@ApiTags('webhooks')
@ApiBearerAuth()
@Roles('admin')
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get()
  list() {
    return this.webhooks.list();
  }

  @Post()
  create(@CurrentActor() actor: Actor, @Body() body: CreateWebhookDto) {
    return this.webhooks.create(body, actor);
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.webhooks.get(id);
  }

  @Patch(':id')
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateWebhookDto) {
    return this.webhooks.update(id, body, actor);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    await this.webhooks.remove(id, actor);
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  rotateSecret(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.webhooks.rotateSecret(id, actor);
  }

  /** Queues a `ping` delivery. */
  @Post(':id/test')
  @HttpCode(202)
  test(@Param('id', ParseUUIDPipe) id: string) {
    return this.webhooks.test(id);
  }

  @Get(':id/deliveries')
  deliveries(@Param('id', ParseUUIDPipe) id: string, @Query() query: WebhookDeliveryListQueryDto) {
    return this.webhooks.listDeliveries(id, query);
  }

  @Post(':id/deliveries/:deliveryId/redeliver')
  @HttpCode(202)
  redeliver(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('deliveryId', ParseUUIDPipe) deliveryId: string) {
    return this.webhooks.redeliver(id, deliveryId, actor);
  }
}
