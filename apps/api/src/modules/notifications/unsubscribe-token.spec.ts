import { signUnsubscribeToken, verifyUnsubscribeToken } from './unsubscribe-token';

describe('unsubscribe token', () => {
  const secret = 'a-secret-of-at-least-32-characters!!';
  const contactId = '4f0e6b1c-2a3d-4e5f-8a9b-0c1d2e3f4a5b';

  it('verifies its own token and names the contact', () => {
    expect(verifyUnsubscribeToken(secret, signUnsubscribeToken(secret, contactId))).toBe(contactId);
  });

  it('refuses another secret, another contact, and malformed tokens', () => {
    const token = signUnsubscribeToken(secret, contactId);
    expect(verifyUnsubscribeToken('another-secret-of-32-characters-long', token)).toBeNull();
    expect(verifyUnsubscribeToken(secret, token.replace(contactId, '5f0e6b1c-2a3d-4e5f-8a9b-0c1d2e3f4a5b'))).toBeNull();
    for (const bad of ['', 'x', `${contactId}.`, `${contactId}.abc.def`, `not-a-uuid.${token.split('.')[1]}`]) expect(verifyUnsubscribeToken(secret, bad)).toBeNull();
  });
});
