export * from './triage.prompt';
export * from './draft.prompt';
