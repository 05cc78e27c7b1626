import type { ParleyApi } from './loader';
import { mountWidget } from './loader';
import { findOwnScript, readConfig } from './script-config';

type ParleyGlobal = ParleyApi & { readonly version: string };

/** Runs once per page however many times the tag is included. */
export function install(win: Window & { Parley?: ParleyGlobal }): ParleyGlobal | null {
  if (win.Parley && typeof win.Parley.open === 'function') return win.Parley;
  const script = findOwnScript(win.document);
  const config = script && readConfig(script, win.document.baseURI);
  if (!config) {
    console.warn('[parley] widget.js needs a data-inbox attribute and an http(s) src');
    return null;
  }
  const { api } = mountWidget(win, config);
  const global: ParleyGlobal = Object.freeze({ ...api, version: '1' });
  win.Parley = global;
  return global;
}
