import { AppException } from '../errors/app.exception';
import { parsePayload } from './socket-ack';
import { socketPayloadSchema, UUID } from './socket-payload';

interface Payload {
  id: string;
  count: number;
  note?: string;
  choice?: { stepId: string };
}

const PAYLOAD = socketPayloadSchema<Payload>({
  type: 'object',
  properties: {
    id: UUID,
    count: { type: 'integer', minimum: 0 },
    note: { type: 'string', maxLength: 5, nullable: true },
    choice: { type: 'object', properties: { stepId: { type: 'string', pattern: '^[a-z]+$' } }, required: ['stepId'], additionalProperties: false, nullable: true },
  },
  required: ['id', 'count'],
  additionalProperties: false,
});

const ID = '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f';

function failure(data: unknown): { message: string; details: { field: string; errors: string[] }[] } {
  try {
    parsePayload(PAYLOAD, data);
  } catch (e) {
    expect(e).toBeInstanceOf(AppException);
    expect((e as AppException).code).toBe('invalid_payload');
    return { message: (e as AppException).message, details: (e as AppException).details as { field: string; errors: string[] }[] };
  }
  throw new Error('accepted an invalid payload');
}

describe('parsePayload with a compiled schema', () => {
  it('returns a valid payload as it came (optional fields may be absent or null)', () => {
    const payload = { id: ID, count: 2, note: null, choice: { stepId: 'start' } };
    expect(parsePayload(PAYLOAD, payload)).toBe(payload);
    expect(parsePayload(PAYLOAD, { id: ID, count: 0 })).toEqual({ id: ID, count: 0 });
  });

  it('refuses what is not an object', () => {
    for (const bad of [null, 'hi', 3, [1, 2]]) expect(() => parsePayload(PAYLOAD, bad)).toThrow('Payload must be an object');
  });

  it('names each failing field, nested ones by their path, and never coerces types', () => {
    const { details } = failure({ id: 'not-a-uuid', count: '2', note: 'too long', choice: { stepId: 'Nope!' } });
    expect(details.map((d) => d.field).sort()).toEqual(['choice.stepId', 'count', 'id', 'note']);
    expect(details.find((d) => d.field === 'count')?.errors).toEqual(['count must be integer']);
    expect(details.find((d) => d.field === 'id')?.errors).toEqual(['id must match format "uuid"']);
    expect(failure({ id: `urn:uuid:${ID}`, count: 1 }).details.map((d) => d.field)).toEqual(['id']);
  });

  it('refuses unknown fields and reports missing ones', () => {
    const { message, details } = failure({ count: 1, admin: true, choice: { stepId: 'a', extra: 1 } });
    expect(details).toEqual(
      expect.arrayContaining([
        { field: 'id', errors: ['id is required'] },
        { field: 'admin', errors: ['property admin should not exist'] },
        { field: 'choice.extra', errors: ['property choice.extra should not exist'] },
      ]),
    );
    expect(message).toContain('property admin should not exist');
  });
});
