export { OpenAiProvider, createOpenAiProvider, OPENAI_DEFAULTS, OPENAI_PROMPT_VERSIONS, type OpenAiProviderOptions, type DraftStreamOptions, type CategoryList } from './openai-provider';
export { AiProviderError, type AiProviderErrorCode } from './openai-errors';
export { type CircuitStateName } from './resilience';
export { parseDraftReply, visibleDraftText } from './draft-reply';
