module.exports = {
  displayName: 'ai',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  // Some specs train the offline model (a few seconds on two busy cores); the default 5 s is too tight.
  testTimeout: 30000,
  transform: {
    '^.+\\.[tj]s$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../coverage/libs/ai',
};
