import { DOCUMENT, DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { MessageKey } from '../i18n/messages';

export type ShortcutGroup = 'general' | 'navigation' | 'list' | 'conversation';

export interface Shortcut {
  /** `event.key` of one key (`j`, `?`, `/`, `Escape`), or two keys pressed one after the other (`g c`). */
  keys: string;
  descriptionKey: MessageKey;
  group: ShortcutGroup;
  action: () => void;
  /** Also while the focus is in a text field (only sensible for keys that type nothing, like Escape). */
  inFields?: boolean;
}

/** The parts of a KeyboardEvent the matcher looks at. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: EventTarget | null;
}

/** The second key of a sequence must follow the first within this time. */
export const SEQUENCE_TIMEOUT_MS = 1_500;

/**
 * Finds the shortcut a key press completes. Later shortcuts win over earlier ones with the same
 * keys (a page's `j` over a global one). Returns `pending` when the key starts a sequence.
 */
export class ShortcutMatcher {
  #pending: { key: string; at: number } | null = null;

  match(press: KeyPress, shortcuts: readonly Shortcut[], now: number): Shortcut | 'pending' | null {
    // Browser and OS shortcuts (Ctrl+C, Cmd+K, AltGr characters) are never ours.
    if (press.ctrlKey || press.metaKey || press.altKey) {
      this.#pending = null;
      return null;
    }
    const inField = isTextField(press.target);
    const usable = inField ? shortcuts.filter((s) => s.inFields) : shortcuts;
    const pending = this.#pending;
    this.#pending = null;
    if (pending && now - pending.at <= SEQUENCE_TIMEOUT_MS) {
      const sequence = findLast(usable, (s) => s.keys === `${pending.key} ${press.key}`);
      if (sequence) return sequence;
    }
    const single = findLast(usable, (s) => s.keys === press.key);
    if (single) return single;
    if (!inField && usable.some((s) => s.keys.startsWith(`${press.key} `))) {
      this.#pending = { key: press.key, at: now };
      return 'pending';
    }
    return null;
  }
}

/** Typing in these must never trigger single-key shortcuts. */
export function isTextField(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).tagName !== 'string') return false;
  const element = target as HTMLElement;
  if (element.isContentEditable) return true;
  const tag = element.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag !== 'input') return false;
  const type = ((element as HTMLInputElement).type || 'text').toLowerCase();
  return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(type);
}

function findLast<T>(items: readonly T[], predicate: (item: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) if (predicate(items[i])) return items[i];
  return undefined;
}

/**
 * Keyboard shortcuts of the whole console. A component registers its own while it is shown:
 * `inject(Shortcuts).register([...], inject(DestroyRef))`; the `?` overlay lists what is active.
 */
@Injectable({ providedIn: 'root' })
export class Shortcuts {
  readonly #registered = signal<readonly (readonly Shortcut[])[]>([]);
  readonly #matcher = new ShortcutMatcher();

  /** Every active shortcut, later registrations overriding earlier ones with the same keys. */
  readonly active = computed(() => {
    const byKeys = new Map<string, Shortcut>();
    for (const set of this.#registered()) for (const s of set) byKeys.set(s.keys, s);
    return [...byKeys.values()];
  });

  constructor() {
    const document = inject(DOCUMENT);
    const onKeyDown = (event: KeyboardEvent) => this.handle(event);
    document.addEventListener('keydown', onKeyDown);
    inject(DestroyRef).onDestroy(() => document.removeEventListener('keydown', onKeyDown));
  }

  /** Active until `destroyRef` is destroyed (or the returned function is called). */
  register(shortcuts: readonly Shortcut[], destroyRef?: DestroyRef): () => void {
    const set = [...shortcuts];
    this.#registered.update((all) => [...all, set]);
    const unregister = () => this.#registered.update((all) => all.filter((s) => s !== set));
    destroyRef?.onDestroy(unregister);
    return unregister;
  }

  handle(event: KeyboardEvent): void {
    if (event.defaultPrevented || event.repeat) return;
    const all = this.#registered().flat();
    const found = this.#matcher.match(event, all, Date.now());
    if (found === null) return;
    event.preventDefault();
    if (found !== 'pending') found.action();
  }
}
