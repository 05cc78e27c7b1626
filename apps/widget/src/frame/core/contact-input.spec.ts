import { describe, expect, it } from 'vitest';
import { parseContactInput } from './contact-input';

describe('parseContactInput', () => {
  it.each([
    ['minsu@example.com', 'minsu@example.com'],
    ['  Jane.Doe+help@mail.example.co.kr ', 'Jane.Doe+help@mail.example.co.kr'],
  ])('reads %s as an email', (raw, email) => {
    expect(parseContactInput(raw)).toEqual({ kind: 'email', email });
  });

  it.each([
    ['010-1234-5678', '+821012345678'],
    ['01012345678', '+821012345678'],
    ['010 1234 5678', '+821012345678'],
    ['011-123-4567', '+82111234567'],
    ['02-123-4567', '+8221234567'],
    ['031-1234-5678', '+823112345678'],
    ['070-1234-5678', '+827012345678'],
    ['+82 10-1234-5678', '+821012345678'],
    ['+82 010 1234 5678', '+821012345678'],
    ['+821012345678', '+821012345678'],
    ['0082-10-1234-5678', '+821012345678'],
    ['+1 (415) 555-0132', '+14155550132'],
    ['+44 20 7946 0958', '+442079460958'],
  ])('reads %s as the phone %s', (raw, phone) => {
    expect(parseContactInput(raw)).toEqual({ kind: 'phone', phone });
  });

  it.each([
    'hello',
    'minsu@',
    'minsu@example',
    '@example.com',
    'a b@example.com',
    '010-1234-567',
    '010-1234-56789',
    '1234-5678',
    '+82 10-123',
    '+12',
    '010-abcd-5678',
    '<script>@x.com',
  ])('rejects %s', (raw) => {
    expect(parseContactInput(raw)).toEqual({ kind: 'invalid', reason: 'format' });
  });

  it('rejects empty and whitespace input as empty', () => {
    expect(parseContactInput('   ')).toEqual({ kind: 'invalid', reason: 'empty' });
  });
});
