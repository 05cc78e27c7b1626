import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AgentDto,
  AiStatusDto,
  CannedResponseDto,
  CategoryDto,
  CreateAgentRequest,
  CreateCannedResponseRequest,
  CreateCategoryRequest,
  CreateInboxRequest,
  CreateLabelRequest,
  CreateWebhookRequest,
  FlowDto,
  InboxDto,
  InboxSecretsDto,
  LabelDto,
  UpdateAgentRequest,
  UpdateCategoryRequest,
  UpdateFlowRequest,
  UpdateInboxRequest,
  UpdateWebhookRequest,
  WebhookDeliveryDto,
  WebhookDeliveryListQuery,
  WebhookDto,
  WebhookWithSecretDto,
  Page,
} from '@parley/shared/contracts';
import { toHttpParams } from '../../core/api/http-params';
import { Observable } from 'rxjs';

const V1 = '/api/v1';
const id = (value: string) => encodeURIComponent(value);

/** Admin calls behind Settings; the API answers 403 to anyone else. */
export const SETTINGS_API = {
  inboxes: `${V1}/inboxes`,
  inbox: (inboxId: string) => `${V1}/inboxes/${id(inboxId)}`,
  inboxSecrets: (inboxId: string) => `${V1}/inboxes/${id(inboxId)}/secrets`,
  rotateSecret: (inboxId: string) =>
    `${V1}/inboxes/${id(inboxId)}/secrets/rotate`,
  categories: `${V1}/ai/categories`,
  category: (categoryId: string) => `${V1}/ai/categories/${id(categoryId)}`,
  aiStatus: `${V1}/ai/status`,
  retrain: `${V1}/ai/retrain`,
  agents: `${V1}/agents`,
  agent: (agentId: string) => `${V1}/agents/${id(agentId)}`,
  labels: `${V1}/labels`,
  label: (labelId: string) => `${V1}/labels/${id(labelId)}`,
  canned: `${V1}/canned-responses`,
  cannedOne: (cannedId: string) => `${V1}/canned-responses/${id(cannedId)}`,
  flow: (inboxId: string) => `${V1}/inboxes/${id(inboxId)}/flow`,
  webhooks: `${V1}/webhooks`,
  webhook: (webhookId: string) => `${V1}/webhooks/${id(webhookId)}`,
  webhookRotate: (webhookId: string) => `${V1}/webhooks/${id(webhookId)}/rotate-secret`,
  webhookTest: (webhookId: string) => `${V1}/webhooks/${id(webhookId)}/test`,
  webhookDeliveries: (webhookId: string) => `${V1}/webhooks/${id(webhookId)}/deliveries`,
  webhookRedeliver: (webhookId: string, deliveryId: string) => `${V1}/webhooks/${id(webhookId)}/deliveries/${id(deliveryId)}/redeliver`,
} as const;

@Injectable({ providedIn: 'root' })
export class SettingsApi {
  readonly #http = inject(HttpClient);

  inboxes(): Observable<InboxDto[]> {
    return this.#http.get<InboxDto[]>(SETTINGS_API.inboxes);
  }
  createInbox(body: CreateInboxRequest): Observable<InboxDto> {
    return this.#http.post<InboxDto>(SETTINGS_API.inboxes, body);
  }
  updateInbox(inboxId: string, body: UpdateInboxRequest): Observable<InboxDto> {
    return this.#http.patch<InboxDto>(SETTINGS_API.inbox(inboxId), body);
  }
  inboxSecrets(inboxId: string): Observable<InboxSecretsDto> {
    return this.#http.get<InboxSecretsDto>(SETTINGS_API.inboxSecrets(inboxId));
  }
  rotateSecret(inboxId: string): Observable<InboxSecretsDto> {
    return this.#http.post<InboxSecretsDto>(
      SETTINGS_API.rotateSecret(inboxId),
      {},
    );
  }

  categories(): Observable<CategoryDto[]> {
    return this.#http.get<CategoryDto[]>(SETTINGS_API.categories);
  }
  createCategory(body: CreateCategoryRequest): Observable<CategoryDto> {
    return this.#http.post<CategoryDto>(SETTINGS_API.categories, body);
  }
  updateCategory(
    categoryId: string,
    body: UpdateCategoryRequest,
  ): Observable<CategoryDto> {
    return this.#http.patch<CategoryDto>(
      SETTINGS_API.category(categoryId),
      body,
    );
  }
  aiStatus(): Observable<AiStatusDto> {
    return this.#http.get<AiStatusDto>(SETTINGS_API.aiStatus);
  }
  retrain(): Observable<AiStatusDto> {
    return this.#http.post<AiStatusDto>(SETTINGS_API.retrain, {});
  }

  agents(): Observable<AgentDto[]> {
    return this.#http.get<AgentDto[]>(SETTINGS_API.agents);
  }
  createAgent(body: CreateAgentRequest): Observable<AgentDto> {
    return this.#http.post<AgentDto>(SETTINGS_API.agents, body);
  }
  updateAgent(agentId: string, body: UpdateAgentRequest): Observable<AgentDto> {
    return this.#http.patch<AgentDto>(SETTINGS_API.agent(agentId), body);
  }

  labels(): Observable<LabelDto[]> {
    return this.#http.get<LabelDto[]>(SETTINGS_API.labels);
  }
  createLabel(body: CreateLabelRequest): Observable<LabelDto> {
    return this.#http.post<LabelDto>(SETTINGS_API.labels, body);
  }
  updateLabel(
    labelId: string,
    body: Partial<CreateLabelRequest>,
  ): Observable<LabelDto> {
    return this.#http.patch<LabelDto>(SETTINGS_API.label(labelId), body);
  }
  deleteLabel(labelId: string): Observable<void> {
    return this.#http.delete<void>(SETTINGS_API.label(labelId));
  }

  cannedResponses(): Observable<CannedResponseDto[]> {
    return this.#http.get<CannedResponseDto[]>(SETTINGS_API.canned);
  }
  createCanned(
    body: CreateCannedResponseRequest,
  ): Observable<CannedResponseDto> {
    return this.#http.post<CannedResponseDto>(SETTINGS_API.canned, body);
  }
  updateCanned(
    cannedId: string,
    body: Partial<CreateCannedResponseRequest>,
  ): Observable<CannedResponseDto> {
    return this.#http.patch<CannedResponseDto>(
      SETTINGS_API.cannedOne(cannedId),
      body,
    );
  }
  deleteCanned(cannedId: string): Observable<void> {
    return this.#http.delete<void>(SETTINGS_API.cannedOne(cannedId));
  }

  /** An inbox's flow; an inbox without one answers with the default (disabled) flow. */
  flow(inboxId: string): Observable<FlowDto> {
    return this.#http.get<FlowDto>(SETTINGS_API.flow(inboxId));
  }
  /** Checked by the shared flow rules; a broken one answers `validation_failed` with `{ path, message }` details. */
  saveFlow(inboxId: string, body: UpdateFlowRequest): Observable<FlowDto> {
    return this.#http.put<FlowDto>(SETTINGS_API.flow(inboxId), body);
  }

  webhooks(): Observable<WebhookDto[]> {
    return this.#http.get<WebhookDto[]>(SETTINGS_API.webhooks);
  }
  /** The answer carries the signing secret: the only time it is shown. */
  createWebhook(body: CreateWebhookRequest): Observable<WebhookWithSecretDto> {
    return this.#http.post<WebhookWithSecretDto>(SETTINGS_API.webhooks, body);
  }
  updateWebhook(webhookId: string, body: UpdateWebhookRequest): Observable<WebhookDto> {
    return this.#http.patch<WebhookDto>(SETTINGS_API.webhook(webhookId), body);
  }
  deleteWebhook(webhookId: string): Observable<void> {
    return this.#http.delete<void>(SETTINGS_API.webhook(webhookId));
  }
  /** A new secret at once; the old one stops working. */
  rotateWebhookSecret(webhookId: string): Observable<WebhookWithSecretDto> {
    return this.#http.post<WebhookWithSecretDto>(SETTINGS_API.webhookRotate(webhookId), {});
  }
  /** Queues a `ping` delivery; it shows in the delivery log. */
  testWebhook(webhookId: string): Observable<WebhookDeliveryDto> {
    return this.#http.post<WebhookDeliveryDto>(SETTINGS_API.webhookTest(webhookId), {});
  }
  /** The delivery log, newest first, a page at a time. */
  webhookDeliveries(webhookId: string, query: WebhookDeliveryListQuery = {}): Observable<Page<WebhookDeliveryDto>> {
    return this.#http.get<Page<WebhookDeliveryDto>>(SETTINGS_API.webhookDeliveries(webhookId), { params: toHttpParams(query) });
  }
  /** Sends a finished delivery again (same id and body); one still pending answers 409 `conflict`. */
  redeliver(webhookId: string, deliveryId: string): Observable<WebhookDeliveryDto> {
    return this.#http.post<WebhookDeliveryDto>(SETTINGS_API.webhookRedeliver(webhookId, deliveryId), {});
  }
}
