export * from './fake-providers';
