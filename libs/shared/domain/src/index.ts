export * from './lib/enums';
export * from './lib/limits';
export * from './lib/conversation-rules';
export * from './lib/business-hours';
export * from './lib/quote-rules';
export * from './lib/flow-rules';
