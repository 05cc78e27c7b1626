export type FrameMode = 'launcher' | 'panel' | 'hidden';

/** Below this host viewport width the open panel takes the whole screen. */
export const MOBILE_MAX_WIDTH = 640;

// Room for the 56px launcher plus its shadow and focus ring, which are drawn inside the frame.
const LAUNCHER = { width: '96px', height: '96px' };
// max-height: 100% in the base style shrinks it on short viewports.
const PANEL = { width: '420px', height: '720px' };

/**
 * Every declaration is `!important` and inline: host stylesheets such as `iframe { width: 100% !important }`
 * cannot outrank an inline important declaration.
 */
export function frameStyle(mode: FrameMode, mobile: boolean): Record<string, string> {
  const base: Record<string, string> = {
    position: 'fixed',
    right: '0',
    bottom: '0',
    left: 'auto',
    top: 'auto',
    margin: '0',
    padding: '0',
    border: '0',
    background: 'transparent',
    // A host page in dark mode would otherwise make the browser paint an opaque backdrop behind the frame.
    'color-scheme': 'normal',
    'max-width': '100%',
    'max-height': '100%',
    'min-width': '0',
    'min-height': '0',
    display: 'block',
    visibility: 'visible',
    opacity: '1',
    transform: 'none',
    'z-index': '2147483000',
  };
  if (mode === 'hidden') return { ...base, width: '0', height: '0', visibility: 'hidden' };
  if (mode === 'launcher') return { ...base, ...LAUNCHER };
  if (mobile) return { ...base, top: '0', left: '0', width: '100%', height: '100%' };
  return { ...base, ...PANEL };
}

export function applyStyle(el: HTMLElement, style: Record<string, string>): void {
  for (const name in style) el.style.setProperty(name, style[name], 'important');
}
