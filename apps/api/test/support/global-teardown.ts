export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __parleyStopPg?: () => Promise<void> }).__parleyStopPg?.();
}
