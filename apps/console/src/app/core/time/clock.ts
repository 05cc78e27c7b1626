import { DestroyRef, Injectable, inject, signal } from '@angular/core';

/** The current time as a signal, ticking every second, for countdowns (SLA) and relative times. */
@Injectable({ providedIn: 'root' })
export class Clock {
  readonly #now = signal(Date.now());
  readonly now = this.#now.asReadonly();

  constructor() {
    const timer = setInterval(() => this.#now.set(Date.now()), 1_000);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }
}
