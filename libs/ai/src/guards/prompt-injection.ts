/**
 * Detects text that tries to instruct the AI instead of asking the business something.
 *
 * Customer text is data, never instructions: nothing here changes what the classifier or drafter do with
 * the message, it only flags it so the pipeline refuses auto-send and an agent sees why. Patterns cover
 * English and Korean phrasings of "ignore your instructions", fake role or system lines, requests for the
 * system prompt, and script/markup payloads.
 */
export interface InjectionCheck {
  suspected: boolean;
  /** Short machine-readable labels of what matched, e.g. ["override_instructions", "fake_role_line"]. */
  signals: string[];
}

const PATTERNS: Array<{ signal: string; re: RegExp }> = [
  { signal: 'override_instructions', re: /\b(?:ignore|disregard|forget|override)\b.{0,30}\b(?:previous|prior|above|earlier|all|your|the)\b.{0,20}\b(?:instructions?|rules?|prompts?|polic(?:y|ies)|guidelines?)\b/i },
  { signal: 'override_instructions', re: /(?:이전|앞의|위의|기존|모든|위)\s*(?:지시|명령|규칙|지침|프롬프트|설정)\S{0,2}\s*(?:은|는|을|를|사항)?\s*(?:모두|전부|다)?\s*(?:무시|잊어|취소)/ },
  { signal: 'override_instructions', re: /무시하고\s*(?:다음|아래|이|내)\s*(?:지시|명령|말)/ },
  { signal: 'role_play', re: /\b(?:you are now|from now on you|act as (?:an? )?(?:admin|system|developer)|pretend (?:to be|you are)|jailbreak|developer mode|\bDAN\b)/i },
  { signal: 'role_play', re: /(?:지금부터|이제부터)\s*(?:너는|당신은)|관리자\s*(?:모드|권한으로)/ },
  { signal: 'prompt_extraction', re: /\b(?:system prompt|your (?:instructions|prompt|rules)|reveal (?:your|the) (?:prompt|instructions))\b/i },
  { signal: 'prompt_extraction', re: /시스템\s*프롬프트|(?:너의|당신의)\s*(?:지시|프롬프트|설정)/ },
  { signal: 'fake_role_line', re: /(?:^|\n|[.!?]\s*)\s*[[(#*]*\s*(?:system|assistant|developer|admin|administrator|관리자|시스템|운영자)\s*(?:override|message|note|지시|명령|메시지)?\s*[\]):：]/i },
  { signal: 'fake_role_line', re: /\[(?:system|assistant|admin|관리자|시스템|운영자)[^\]]{0,40}\]/i },
  { signal: 'fake_role_line', re: /"role"\s*:\s*"(?:system|assistant|developer)"/i },
  { signal: 'fake_role_line', re: /#{2,}\s*(?:관리자|system|instruction|admin)/i },
  { signal: 'action_demand', re: /\b(?:mark (?:this|it|the \w+) as (?:paid|resolved|refunded|urgent)|set (?:priority|status)\s*=|waive all fees|approve (?:a |the |every |all )?(?:full )?refunds?)\b/i },
  { signal: 'action_demand', re: /(?:상태를?|우선순위를?)\s*\S{0,6}\s*(?:로|으로)\s*(?:바꿔|변경해)\s*(?:라|줘)?|(?:무조건|즉시)\s*(?:승인|환불)\s*(?:해라|하라|처리해라)|수수료\s*0\s*%\s*로\s*처리/ },
  { signal: 'markup', re: /<\s*(?:script|iframe|img|svg|object)\b|on(?:error|load)\s*=|javascript:/i },
];

export function detectPromptInjection(text: string): InjectionCheck {
  const source = (text ?? '').normalize('NFKC');
  const signals = new Set<string>();
  for (const { signal, re } of PATTERNS) if (re.test(source)) signals.add(signal);
  return { suspected: signals.size > 0, signals: [...signals] };
}

/**
 * Removes markup (script/style blocks and tags) so a real request wrapped in HTML is triaged on its words.
 * The original text is still what gets stored and shown; this only feeds the classifier.
 */
export function stripMarkup(text: string): string {
  return (text ?? '')
    .replace(/<\s*(script|style)\b[^>]*>[\s\S]*?<\s*\/\s*\1\s*>/gi, ' ')
    .replace(/<\/?[a-z][^>]*>/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
