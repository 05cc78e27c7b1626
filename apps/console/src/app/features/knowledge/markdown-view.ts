import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
} from '@angular/core';
import { parseMarkdown } from './markdown';

/** Renders article Markdown from a parsed tree: text is always text, never HTML. */
@Component({
  selector: 'pl-markdown-view',
  imports: [NgTemplateOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-template #inline let-nodes>
      @for (node of nodes; track $index) {
        @switch (node.kind) {
          @case ('text') {
            <ng-container>{{ node.text }}</ng-container>
          }
          @case ('br') {
            <br />
          }
          @case ('code') {
            <code>{{ node.text }}</code>
          }
          @case ('strong') {
            <strong
              ><ng-container
                *ngTemplateOutlet="
                  inline;
                  context: { $implicit: node.children }
                "
            /></strong>
          }
          @case ('em') {
            <em
              ><ng-container
                *ngTemplateOutlet="
                  inline;
                  context: { $implicit: node.children }
                "
            /></em>
          }
          @case ('link') {
            <a [href]="node.href" target="_blank" rel="noopener noreferrer"
              ><ng-container
                *ngTemplateOutlet="
                  inline;
                  context: { $implicit: node.children }
                "
            /></a>
          }
        }
      }
    </ng-template>

    @for (block of blocks(); track $index) {
      @switch (block.kind) {
        @case ('heading') {
          <p
            class="heading heading-{{ block.level }}"
            role="heading"
            [attr.aria-level]="block.level < 6 ? block.level + 1 : 6"
          >
            <ng-container
              *ngTemplateOutlet="inline; context: { $implicit: block.content }"
            />
          </p>
        }
        @case ('paragraph') {
          <p>
            <ng-container
              *ngTemplateOutlet="inline; context: { $implicit: block.content }"
            />
          </p>
        }
        @case ('quote') {
          <blockquote>
            <ng-container
              *ngTemplateOutlet="inline; context: { $implicit: block.content }"
            />
          </blockquote>
        }
        @case ('code') {
          <pre><code>{{ block.text }}</code></pre>
        }
        @case ('rule') {
          <hr />
        }
        @case ('list') {
          @if (block.ordered) {
            <ol>
              @for (item of block.items; track $index) {
                <li>
                  <ng-container
                    *ngTemplateOutlet="inline; context: { $implicit: item }"
                  />
                </li>
              }
            </ol>
          } @else {
            <ul>
              @for (item of block.items; track $index) {
                <li>
                  <ng-container
                    *ngTemplateOutlet="inline; context: { $implicit: item }"
                  />
                </li>
              }
            </ul>
          }
        }
      }
    }
  `,
  styles: `
    :host {
      display: block;
      overflow-wrap: anywhere;
    }
    p,
    ul,
    ol,
    blockquote,
    pre {
      margin: 0 0 0.75rem;
    }
    .heading {
      margin: 1rem 0 0.5rem;
      font-weight: 700;
    }
    .heading-1 {
      font-size: 1.25rem;
    }
    .heading-2 {
      font-size: 1.125rem;
    }
    blockquote {
      padding-left: 0.75rem;
      border-left: 3px solid var(--pl-border-strong);
      color: var(--pl-text-muted);
    }
    pre {
      padding: 0.75rem;
      overflow-x: auto;
      background: var(--pl-bg);
      border-radius: var(--pl-radius);
    }
    code {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      font-size: 0.875em;
    }
  `,
})
export class MarkdownView {
  readonly source = input.required<string>();
  protected readonly blocks = computed(() => parseMarkdown(this.source()));
}
