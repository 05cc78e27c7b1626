export * from './ai-runtime';
export * from './rank-fusion';
