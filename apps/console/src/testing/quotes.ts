import type { QuoteRequestDto } from '@parley/shared/contracts';

/** Test-only builder of quote requests (excluded from the app build by tsconfig.app.json). */
let sequence = 0;

export function aQuote(overrides: Partial<QuoteRequestDto> = {}): QuoteRequestDto {
  const n = ++sequence;
  return {
    id: `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`,
    displayId: 1000 + n,
    status: 'new',
    source: 'widget',
    proposed: false,
    inboxId: 'inbox-1',
    conversationId: null,
    contactId: `contact-${n}`,
    contact: { name: '홍길동', company: '한빛상사', email: 'hong@hanbit.kr', phone: '+821012345678' },
    items: [{ name: 'Stainless bolts M8', url: null, quantity: 500, targetUnitPrice: null, currency: 'KRW' }],
    deadline: '2026-12-15',
    destinationCountry: 'KR',
    notes: null,
    assigneeId: null,
    offer: null,
    respondedAt: null,
    history: [{ at: '2026-11-20T09:00:00.000Z', action: 'created', from: null, to: 'new', actorId: null, actor: 'customer', note: null }],
    createdAt: `2026-11-20T09:${String(n % 60).padStart(2, '0')}:00.000Z`,
    updatedAt: '2026-11-20T09:00:00.000Z',
    ...overrides,
  };
}
