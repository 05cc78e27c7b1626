export * from './categories';
export * from './classifier.port';
export * from './drafter.port';
export * from './embedder.port';
export * from './retriever.port';
export * from './provider.port';
