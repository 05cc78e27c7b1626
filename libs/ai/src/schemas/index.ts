export * from './triage.schema';
export * from './draft.schema';
