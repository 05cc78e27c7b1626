import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      // Message bodies are untrusted: they must only ever become text nodes.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Render message text as text, never as HTML.' },
        { property: 'outerHTML', message: 'Render message text as text, never as HTML.' },
        { property: 'insertAdjacentHTML', message: 'Render message text as text, never as HTML.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render message text as text, never as HTML.' },
      ],
    },
  },
  {
    // Fakes play an untyped server: payloads are whatever a test sends.
    files: ['src/testing/**', '**/*.spec.ts', '**/*.spec.tsx'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
];
