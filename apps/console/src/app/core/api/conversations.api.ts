import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ConversationCountsDto,
  ConversationDto,
  ConversationListQuery,
  CreateMessageRequest,
  MessageDto,
  MessageListQuery,
  Page,
  UpdateConversationRequest,
} from '@parley/shared/contracts';
import { Observable } from 'rxjs';
import { toHttpParams } from './http-params';

export const CONVERSATIONS_API = '/api/v1/conversations';

/** The list query plus `contactId` (previous conversations of a contact), which the API also accepts. */
export type ConversationSearch = ConversationListQuery & { contactId?: string };

/** Conversations and their messages (REST). Live changes arrive on the /agents socket (core/realtime). */
@Injectable({ providedIn: 'root' })
export class ConversationsApi {
  readonly #http = inject(HttpClient);

  /** One keyset page, newest activity first; pass `nextCursor` back as `cursor` for the next one. */
  list(query: ConversationSearch = {}): Observable<Page<ConversationDto>> {
    return this.#http.get<Page<ConversationDto>>(CONVERSATIONS_API, { params: toHttpParams(query) });
  }

  /** How many conversations each list filter holds; `inboxId` narrows to one inbox. */
  counts(query: { inboxId?: string } = {}): Observable<ConversationCountsDto> {
    return this.#http.get<ConversationCountsDto>(`${CONVERSATIONS_API}/counts`, { params: toHttpParams(query) });
  }

  get(id: string): Observable<ConversationDto> {
    return this.#http.get<ConversationDto>(`${CONVERSATIONS_API}/${id}`);
  }

  /** Status, priority, assignee, team, labels (names; replaces the set). */
  update(id: string, changes: UpdateConversationRequest): Observable<ConversationDto> {
    return this.#http.patch<ConversationDto>(`${CONVERSATIONS_API}/${id}`, changes);
  }

  /** The latest messages (oldest first); `before` pages back, `after` catches up after a reconnect. */
  messages(id: string, query: MessageListQuery = {}): Observable<MessageDto[]> {
    return this.#http.get<MessageDto[]>(`${CONVERSATIONS_API}/${id}/messages`, { params: toHttpParams(query) });
  }

  /** An agent reply, or a private note with `private: true`. Resending the same `clientMessageId` stores nothing new. */
  sendMessage(id: string, request: CreateMessageRequest): Observable<MessageDto> {
    return this.#http.post<MessageDto>(`${CONVERSATIONS_API}/${id}/messages`, request);
  }
}
