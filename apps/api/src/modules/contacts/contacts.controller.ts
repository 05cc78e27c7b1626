import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../core/audit/audit.service';
import { CurrentActor } from '../../core/auth/decorators';
import { ContactsService } from './contacts.service';
import { ContactListQueryDto, UpsertContactDto } from './dto/contact.dto';

@ApiTags('contacts')
@ApiBearerAuth()
@Controller('contacts')
export class ContactsController {
  constructor(private readonly contacts: ContactsService) {}

  @Get()
  list(@Query() query: ContactListQueryDto) {
    return this.contacts.list(query);
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.contacts.get(id);
  }

  @Post()
  create(@CurrentActor() actor: Actor, @Body() body: UpsertContactDto) {
    return this.contacts.create(body, actor);
  }

  @Patch(':id')
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpsertContactDto) {
    return this.contacts.update(id, body, actor);
  }
}
