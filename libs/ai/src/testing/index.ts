export * from './fake-providers';
export * from './fake-openai-server';
