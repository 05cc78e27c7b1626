import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { ContactDto, Page } from '@parley/shared/contracts';
import { LIMITS } from '@parley/shared/domain';
import { Brackets, DataSource, EntityManager, Repository } from 'typeorm';
import { AuditService, type Actor } from '../../core/audit/audit.service';
import { decodeCursor, encodeCursor, likeContains } from '../../core/database/cursor';
import { AppException, NotFoundException } from '../../core/errors/app.exception';
import { Contact } from './contact.entity';
import { ContactInbox } from './contact-inbox.entity';
import type { ContactListQueryDto, UpsertContactDto } from './dto/contact.dto';

const MAX_CUSTOM_ATTRIBUTES = 50;

@Injectable()
export class ContactsService {
  constructor(
    @InjectRepository(Contact) private readonly contacts: Repository<Contact>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  toDto(c: Contact): ContactDto {
    return {
      id: c.id,
      name: c.name,
      email: c.email,
      phone: c.phone,
      company: c.company,
      locale: c.locale,
      customAttributes: c.customAttributes,
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
    };
  }

  async list(query: ContactListQueryDto): Promise<Page<ContactDto>> {
    const limit = query.limit ?? LIMITS.pageSizeDefault;
    const qb = this.contacts.createQueryBuilder('c').orderBy('c.updatedAt', 'DESC').addOrderBy('c.id', 'DESC').take(limit + 1);
    if (query.q?.trim()) {
      const q = likeContains(query.q.trim());
      qb.andWhere(new Brackets((w) => w.where('c.name ILIKE :q', { q }).orWhere('c.email ILIKE :q').orWhere('c.phone ILIKE :q').orWhere('c.company ILIKE :q')));
    }
    if (query.cursor) {
      const k = decodeCursor(query.cursor);
      qb.andWhere('(c.updatedAt, c.id) < (:at, :id)', { at: k.at, id: k.id });
    }
    const rows = await qb.getMany();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map((c) => this.toDto(c)), nextCursor: rows.length > limit && last ? encodeCursor({ at: last.updatedAt, id: last.id }) : null };
  }

  async find(id: string): Promise<Contact> {
    const c = await this.contacts.findOne({ where: { id } });
    if (!c) throw new NotFoundException('Contact', id);
    return c;
  }

  async get(id: string): Promise<ContactDto> {
    return this.toDto(await this.find(id));
  }

  /** Inside the caller's transaction when given its manager. */
  async create(dto: UpsertContactDto, actor: Actor, manager?: EntityManager): Promise<ContactDto> {
    this.checkAttributes(dto);
    const run = async (m: EntityManager) => {
      const c = await m.save(m.create(Contact, { ...this.clean(dto), customAttributes: dto.customAttributes ?? {} }));
      await this.audit.record({ actor, action: 'contact.created', entityType: 'contact', entityId: c.id }, m);
      return this.toDto(c);
    };
    return manager ? run(manager) : this.db.transaction(run);
  }

  async update(id: string, dto: UpsertContactDto, actor: Actor): Promise<ContactDto> {
    this.checkAttributes(dto);
    const contact = await this.find(id);
    const patch: Partial<Contact> = { ...this.clean(dto) };
    if (dto.customAttributes) patch.customAttributes = { ...contact.customAttributes, ...dto.customAttributes };
    await this.db.transaction(async (m) => {
      await m.update(Contact, id, patch);
      await this.audit.record({ actor, action: 'contact.updated', entityType: 'contact', entityId: id, changes: { ...dto } }, m);
    });
    return this.get(id);
  }

  /** The contact's identity behind a source id in an inbox; `contactId` makes the contact on first sight. */
  async findOrCreateInInbox(m: EntityManager, inboxId: string, sourceId: string, contactId: () => Promise<string>): Promise<ContactInbox> {
    const existing = await m.findOne(ContactInbox, { where: { inboxId, sourceId } });
    if (existing) return existing;
    await m.createQueryBuilder().insert().into(ContactInbox).values({ contactId: await contactId(), inboxId, sourceId }).orIgnore().execute();
    // Another request may have created it between our read and insert: the unique key decides.
    return m.findOneOrFail(ContactInbox, { where: { inboxId, sourceId } });
  }

  private clean(dto: UpsertContactDto): Partial<Contact> {
    const out: Partial<Contact> = {};
    if (dto.name !== undefined) out.name = dto.name?.trim() || null;
    if (dto.email !== undefined) out.email = dto.email?.trim().toLowerCase() || null;
    if (dto.phone !== undefined) out.phone = dto.phone?.trim() || null;
    if (dto.company !== undefined) out.company = dto.company?.trim() || null;
    if (dto.locale !== undefined) out.locale = dto.locale || null;
    return out;
  }

  private checkAttributes(dto: UpsertContactDto): void {
    const attrs = dto.customAttributes;
    if (!attrs) return;
    const entries = Object.entries(attrs);
    const bad = entries.filter(([k, v]) => k.length > 60 || !(v === null || ['string', 'number', 'boolean'].includes(typeof v)) || (typeof v === 'string' && v.length > 1000));
    if (entries.length > MAX_CUSTOM_ATTRIBUTES || bad.length) {
      throw new AppException('validation_failed', `customAttributes must hold at most ${MAX_CUSTOM_ATTRIBUTES} keys (≤ 60 chars) with string (≤ 1000 chars), number, boolean or null values`, [
        { field: 'customAttributes', errors: bad.map(([k]) => k) },
      ]);
    }
  }
}
