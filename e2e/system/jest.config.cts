// Process-level tests: they start the built API (dist/apps/api/main.js) as a real process.
// Browser tests (browser/) drive Debian's Chromium through playwright-core. Where no Chromium is
// found they are left out with a loud notice; with REQUIRE_BROWSER=1 (CI) that is a failure.
const { existsSync } = require('node:fs');

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasBrowser = existsSync(CHROMIUM);
if (!hasBrowser) {
  const notice = `\n*** BROWSER TESTS DID NOT RUN: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH) ***\n`;
  if (process.env.REQUIRE_BROWSER === '1') throw new Error(notice + 'REQUIRE_BROWSER=1: failing.');
  process.stderr.write(notice);
}

module.exports = {
  displayName: 'e2e-system',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: { '^.+\\.[tj]s$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }] },
  moduleFileExtensions: ['ts', 'js'],
  testMatch: ['<rootDir>/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', ...(hasBrowser ? [] : ['/browser/'])],
  testTimeout: 120_000,
};
