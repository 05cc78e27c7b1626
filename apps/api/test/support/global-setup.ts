import { findTestServer } from './postgres';

/** Runs once per Jest run; workers inherit PARLEY_TEST_SERVER_URL. */
export default async function globalSetup(): Promise<void> {
  const server = await findTestServer();
  process.env['PARLEY_TEST_SERVER_URL'] = server.url;
  (globalThis as { __parleyStopPg?: () => Promise<void> }).__parleyStopPg = server.stop;
}
