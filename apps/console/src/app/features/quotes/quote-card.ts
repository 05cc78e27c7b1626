import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { QuoteRequestDto } from '@parley/shared/contracts';
import type { QuoteRequestStatus } from '@parley/shared/domain';
import { I18nService } from '../../core/i18n/i18n.service';
import { TPipe } from '../../core/i18n/t.pipe';
import { quoteNumber } from './quote-format';
import { agentMoves, moveKey, sourceKey } from './quote-status';

/**
 * One request on the board. Its link opens the detail; "Move to" changes the status from the
 * keyboard (dragging the card to another column does the same with a mouse). Customer text is
 * interpolated, never bound as HTML.
 */
@Component({
  selector: 'pl-quote-card',
  imports: [RouterLink, TPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[attr.draggable]': 'moves().length > 0', '(dragstart)': 'dragStart($event)' },
  template: `
    @let q = quote();
    <article class="card" data-testid="quote-card" [attr.data-quote-id]="q.id" [attr.aria-labelledby]="linkId()" [class.busy]="busy()">
      <a class="title" [id]="linkId()" [routerLink]="['/quotes', q.id]">
        <span class="number">{{ number() }}</span>
        <span class="who">{{ who() }}</span>
      </a>
      @if (q.contact.company && q.contact.name) {
        <p class="line muted">{{ q.contact.name }}</p>
      }
      @if (firstItem(); as item) {
        <p class="line">
          <span class="item">{{ item }}</span>
          @if (q.items.length > 1) {
            <span class="muted"> {{ 'quotes.card.moreItems' | t: { count: q.items.length - 1 } }}</span>
          }
        </p>
      }
      <p class="line tags">
        @if (q.proposed) {
          <span class="tag tag-ai">{{ 'quotes.card.aiProposal' | t }}</span>
        } @else {
          <span class="tag" [attr.data-source]="q.source">{{ sourceKey(q.source) | t }}</span>
        }
        @if (q.deadline) {
          <span class="tag">{{ 'quotes.card.deadline' | t: { date: date(q.deadline) } }}</span>
        }
        <span class="tag" [class.tag-none]="!assigneeName()">{{ assigneeName() ?? ('quotes.unassigned' | t) }}</span>
      </p>
      @if (moves().length) {
        <label class="sr-only" [for]="'move-' + q.id">{{ 'quotes.card.moveLabel' | t: { number: number() } }}</label>
        <select [id]="'move-' + q.id" class="pl-select move" [disabled]="busy()" (change)="pick($event)">
          <option value="" selected>{{ 'quotes.card.moveTo' | t }}</option>
          @for (to of moves(); track to) {
            <option [value]="to">{{ moveKey(to) | t }}</option>
          }
        </select>
      }
    </article>
  `,
  styles: `
    :host {
      display: block;
    }
    :host([draggable='true']) {
      cursor: grab;
    }
    .card {
      display: grid;
      gap: 0.25rem;
      padding: 0.5rem 0.625rem;
      border: 1px solid var(--pl-border);
      border-radius: var(--pl-radius);
      background: var(--pl-surface);
      font-size: 0.8125rem;
    }
    .card.busy {
      opacity: 0.6;
    }
    .title {
      display: flex;
      flex-wrap: wrap;
      gap: 0 0.375rem;
      color: var(--pl-text);
      font-weight: 600;
      text-decoration: none;
    }
    .title:hover .who {
      text-decoration: underline;
    }
    .number {
      color: var(--pl-accent);
    }
    .who,
    .item {
      overflow-wrap: anywhere;
    }
    .line {
      margin: 0;
    }
    .muted {
      color: var(--pl-text-muted);
    }
    .tags {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
    }
    .tag {
      padding: 0 0.375rem;
      border-radius: 999px;
      background: var(--pl-surface-hover);
      color: var(--pl-text-muted);
      font-size: 0.75rem;
    }
    .tag-ai {
      background: #f4f3ff;
      color: #5925dc;
      font-weight: 600;
    }
    .tag-none {
      font-style: italic;
    }
    .move {
      min-height: 2rem;
      font-size: 0.75rem;
    }
  `,
})
export class QuoteCard {
  readonly quote = input.required<QuoteRequestDto>();
  readonly assigneeName = input<string | null>(null);
  readonly busy = input(false);
  readonly moveRequested = output<QuoteRequestStatus>();

  readonly #i18n = inject(I18nService);
  protected readonly sourceKey = sourceKey;
  protected readonly moveKey = moveKey;

  protected readonly number = computed(() => quoteNumber(this.quote().displayId));
  protected readonly linkId = computed(() => `quote-${this.quote().id}`);
  protected readonly moves = computed(() => agentMoves(this.quote().status));
  protected readonly who = computed(() => {
    const c = this.quote().contact;
    return c.company ?? c.name ?? c.email ?? this.#i18n.t('quotes.unknownContact');
  });
  protected readonly firstItem = computed(() => {
    const item = this.quote().items[0];
    if (!item) return null;
    const name = item.name ?? item.url ?? '';
    return `${name} × ${new Intl.NumberFormat(this.#i18n.locale()).format(item.quantity)}`;
  });

  protected date(iso: string): string {
    const [y, m, d] = iso.split('-').map(Number);
    return new Intl.DateTimeFormat(this.#i18n.locale(), { month: 'short', day: 'numeric' }).format(new Date(y, m - 1, d));
  }

  protected pick(event: Event): void {
    const select = event.target as HTMLSelectElement;
    const to = select.value as QuoteRequestStatus;
    select.value = '';
    if (to) this.moveRequested.emit(to);
  }

  protected dragStart(event: DragEvent): void {
    event.dataTransfer?.setData('application/x-parley-quote', this.quote().id);
    if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
  }
}
