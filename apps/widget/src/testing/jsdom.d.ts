// The slice of jsdom the specs use (no @types/jsdom in the workspace): extra windows for the host page and the frame.
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string, options?: { url?: string });
    readonly window: Window & typeof globalThis;
  }
}
