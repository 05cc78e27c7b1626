// Process-level tests: they start the built API (dist/apps/api/main.js) as a real process.
module.exports = {
  displayName: 'e2e-system',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: { '^.+\\.[tj]s$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }] },
  moduleFileExtensions: ['ts', 'js'],
  testMatch: ['<rootDir>/**/*.spec.ts'],
  testTimeout: 120_000,
};
