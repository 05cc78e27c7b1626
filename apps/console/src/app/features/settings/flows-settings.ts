import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DOCUMENT, computed, effect, inject, signal, untracked } from '@angular/core';
import { FLOW_LIMITS, FLOW_STEP_KINDS, type FlowDto, type FlowStepKind } from '@parley/shared/contracts';
import { Subscription } from 'rxjs';
import { WorkspaceStore } from '../../core/api/workspace.store';
import { apiErrorMessage, apiFieldIssues, type FieldIssue } from '../../core/http/api-error';
import { I18nService } from '../../core/i18n/i18n.service';
import type { MessageKey } from '../../core/i18n/messages';
import { TPipe } from '../../core/i18n/t.pipe';
import { FlowPreview } from './flow-preview';
import {
  EditorButton,
  EditorStep,
  FlowEditor,
  FlowIssueText,
  addButton,
  addStep,
  blankEditor,
  canAddButton,
  canAddStep,
  editorFromFlow,
  flowDefinition,
  flowRequest,
  locateIssues,
  moveButton,
  moveStep,
  patchButton,
  patchStep,
  removeButton,
  removeStep,
  setStart,
  validateEditor,
} from './flow-editor-model';
import { SettingsApi } from './settings-api';
import { SettingsNotice, SettingsNoticeValue } from './settings-notice';

type Lang = 'ko' | 'en';

/**
 * The flow (button scenario) of one inbox: steps, their buttons and where each leads, the start step,
 * a preview as the widget shows it. Checked live by the shared flow rules, and by the API on save.
 */
@Component({
  selector: 'pl-flows-settings',
  imports: [TPipe, FlowPreview, SettingsNotice],
  templateUrl: './flows-settings.html',
  styleUrl: './flows-settings.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FlowsSettings {
  readonly #api = inject(SettingsApi);
  readonly #i18n = inject(I18nService);
  readonly #document = inject(DOCUMENT);
  protected readonly workspace = inject(WorkspaceStore);
  protected readonly kinds = FLOW_STEP_KINDS;
  protected readonly limits = FLOW_LIMITS;
  protected readonly langs: readonly Lang[] = ['ko', 'en'];

  protected readonly inboxId = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly loadFailed = signal(false);
  protected readonly editor = signal<FlowEditor | null>(null);
  /** The flow as stored, to tell unsaved changes. */
  readonly #saved = signal<string | null>(null);
  protected readonly saving = signal(false);
  protected readonly notice = signal<SettingsNoticeValue>(null);
  /** What the API refused on the last save; cleared by the next edit (the live rules take over). */
  readonly #serverIssues = signal<FieldIssue[]>([]);
  #load: Subscription | null = null;

  protected readonly dirty = computed(() => {
    const editor = this.editor();
    return !!editor && JSON.stringify(flowRequest(editor)) !== this.#saved();
  });
  readonly #categoryKeys = computed(() => (this.workspace.categories.loaded() ? this.workspace.categories.items().map((c) => c.key) : undefined));
  /** The shared rules' verdict as the admin types. */
  protected readonly issues = computed(() => {
    const editor = this.editor();
    return editor ? locateIssues(editor, validateEditor(editor, this.#categoryKeys())) : null;
  });
  protected readonly serverIssues = computed(() => {
    const editor = this.editor();
    return editor ? locateIssues(editor, this.#serverIssues()) : null;
  });
  protected readonly definition = computed(() => {
    const editor = this.editor();
    return editor ? flowDefinition(editor) : null;
  });

  constructor() {
    this.workspace.inboxes.ensure();
    this.workspace.categories.ensure();
    // The first inbox is picked once the list is there.
    effect(() => {
      const inboxes = this.workspace.inboxes.items();
      if (inboxes.length && untracked(this.inboxId) === null) untracked(() => this.#open(inboxes[0].id));
    });
  }

  protected pickInbox(event: Event): void {
    const select = event.target as HTMLSelectElement;
    const id = select.value;
    if (id === this.inboxId()) return;
    if (this.dirty() && !this.#document.defaultView?.confirm(this.#i18n.t('flows.discardConfirm'))) {
      select.value = this.inboxId() ?? '';
      return;
    }
    this.#open(id);
  }

  protected retry(): void {
    const id = this.inboxId();
    if (id) this.#open(id);
  }

  #open(inboxId: string): void {
    this.#load?.unsubscribe();
    this.inboxId.set(inboxId);
    this.editor.set(null);
    this.notice.set(null);
    this.#serverIssues.set([]);
    this.loadFailed.set(false);
    this.loading.set(true);
    this.#load = this.#api.flow(inboxId).subscribe({
      next: (flow) => {
        this.#show(flow);
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        // No flow stored and none made by the API: start from one step.
        if (error instanceof HttpErrorResponse && error.status === 404) this.#edit(blankEditor(), null);
        else this.loadFailed.set(true);
      },
    });
  }

  #show(flow: FlowDto): void {
    const editor = editorFromFlow(flow);
    this.#edit(editor, JSON.stringify(flowRequest(editor)));
  }

  #edit(editor: FlowEditor, saved: string | null): void {
    this.editor.set(editor);
    this.#saved.set(saved);
  }

  /** Every edit goes through here: the API's last verdict no longer applies. */
  protected change(update: (editor: FlowEditor) => FlowEditor): void {
    const editor = this.editor();
    if (!editor) return;
    this.editor.set(update(editor));
    this.#serverIssues.set([]);
    this.notice.set(null);
  }

  // ---- Template helpers ----

  protected setEnabled(event: Event): void {
    const enabled = (event.target as HTMLInputElement).checked;
    this.change((e) => ({ ...e, enabled }));
  }

  protected setStartStep(event: Event): void {
    const key = (event.target as HTMLSelectElement).value;
    this.change((e) => setStart(e, key));
  }

  protected addStep(): void {
    this.change((e) => addStep(e));
  }

  protected removeStep(step: EditorStep): void {
    this.change((e) => removeStep(e, step.key));
  }

  protected moveStep(step: EditorStep, delta: -1 | 1): void {
    this.change((e) => moveStep(e, step.key, delta));
  }

  protected patchStep(step: EditorStep, patch: Partial<Omit<EditorStep, 'key' | 'buttons'>>): void {
    this.change((e) => patchStep(e, step.key, patch));
  }

  protected stepMessage(step: EditorStep, lang: Lang, event: Event): void {
    this.patchStep(step, { message: { ...step.message, [lang]: this.value(event) } });
  }

  protected addButton(step: EditorStep): void {
    this.change((e) => addButton(e, step.key));
  }

  protected removeButton(step: EditorStep, button: EditorButton): void {
    this.change((e) => removeButton(e, step.key, button.key));
  }

  protected moveButton(step: EditorStep, button: EditorButton, delta: -1 | 1): void {
    this.change((e) => moveButton(e, step.key, button.key, delta));
  }

  protected buttonLabel(step: EditorStep, button: EditorButton, lang: Lang, event: Event): void {
    this.change((e) => patchButton(e, step.key, button.key, { label: { ...button.label, [lang]: this.value(event) } }));
  }

  protected buttonNext(step: EditorStep, button: EditorButton, event: Event): void {
    const next = this.value(event) || null;
    this.change((e) => patchButton(e, step.key, button.key, { next }));
  }

  protected canAddStep(editor: FlowEditor): boolean {
    return canAddStep(editor);
  }

  protected canAddButton(step: EditorStep): boolean {
    return canAddButton(step);
  }

  protected kindKey(kind: FlowStepKind): MessageKey {
    return `flows.kind.${kind}`;
  }

  protected kindHintKey(kind: FlowStepKind): MessageKey {
    return `flows.kindHint.${kind}`;
  }

  protected langKey(lang: Lang): MessageKey {
    return `flows.lang.${lang}`;
  }

  /** "2 · order" for the step selects. */
  protected stepName(step: EditorStep, index: number): string {
    return `${index + 1} · ${step.id || this.#i18n.t('flows.unnamedStep')}`;
  }

  /** Problems of a step field, from the live rules and from the API's last answer. */
  protected stepIssues(step: EditorStep, field: string): FlowIssueText[] {
    return [...(this.issues()?.steps[step.key]?.fields[field] ?? []), ...(this.serverIssues()?.steps[step.key]?.fields[field] ?? [])];
  }

  protected buttonIssues(step: EditorStep, button: EditorButton, field: string): FlowIssueText[] {
    return [
      ...(this.issues()?.steps[step.key]?.buttons[button.key]?.[field] ?? []),
      ...(this.serverIssues()?.steps[step.key]?.buttons[button.key]?.[field] ?? []),
    ];
  }

  protected allButtonIssues(step: EditorStep, button: EditorButton): FlowIssueText[] {
    return ['label', 'next', 'id'].flatMap((field) => this.buttonIssues(step, button, field));
  }

  protected generalIssues(): FlowIssueText[] {
    return [...(this.issues()?.general ?? []), ...(this.serverIssues()?.general ?? [])];
  }

  protected startIssues(): FlowIssueText[] {
    return [...(this.issues()?.start ?? []), ...(this.serverIssues()?.start ?? [])];
  }

  protected words(issue: FlowIssueText): string {
    return issue.key ? this.#i18n.t(issue.key) : issue.raw;
  }

  protected describedBy(id: string, issues: readonly FlowIssueText[]): string | null {
    return issues.length ? id : null;
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  // ---- Saving ----

  protected save(): void {
    const editor = this.editor();
    const inboxId = this.inboxId();
    if (!editor || !inboxId || this.saving()) return;
    const problems = this.issues()?.count ?? 0;
    if (problems) {
      this.notice.set({ ok: false, text: this.#i18n.t('flows.fixFirst', { count: problems }) });
      return;
    }
    this.saving.set(true);
    this.notice.set(null);
    this.#api.saveFlow(inboxId, flowRequest(editor)).subscribe({
      next: (flow) => {
        this.saving.set(false);
        if (inboxId !== this.inboxId()) return;
        this.#show(flow);
        this.notice.set({ ok: true, text: this.#i18n.t('settings.saved') });
      },
      error: (error: unknown) => {
        this.saving.set(false);
        // Shown beside the steps and buttons they are about (see `serverIssues`).
        const issues = apiFieldIssues(error);
        this.#serverIssues.set(issues);
        this.notice.set({
          ok: false,
          text: issues.length ? this.#i18n.t('flows.serverRefused', { count: issues.length }) : (apiErrorMessage(error) ?? this.#i18n.t('settings.saveFailed')),
        });
      },
    });
  }
}
