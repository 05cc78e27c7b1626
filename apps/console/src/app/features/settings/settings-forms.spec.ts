import {
  EMPTY_CATEGORY,
  categoryRequest,
  hoursForm,
  hoursFromForm,
  inboxErrorCount,
  inboxRequest,
  parseOrigins,
  temporaryPassword,
  validThreshold,
  validateCanned,
  validateCategory,
  validateHours,
  validateInbox,
  validateInvite,
  validateLabel,
  widgetSnippet,
} from './settings-forms';

describe('inbox settings', () => {
  it('parses allowed origins one per line (or comma), normalising case and trailing slashes', () => {
    expect(
      parseOrigins(
        'https://Shop.example.com/\nhttp://localhost:4200, *\n\nhttps://shop.example.com',
      ),
    ).toEqual({
      origins: ['https://shop.example.com', 'http://localhost:4200', '*'],
      invalid: [],
    });
    expect(
      parseOrigins(
        'shop.example.com https://ok.example ftp://x.example https://a.example/path',
      ).invalid,
    ).toEqual([
      'shop.example.com',
      'ftp://x.example',
      'https://a.example/path',
    ]);
  });

  it('defaults new business hours to weekdays 09:00-18:00 and keeps stored ones', () => {
    const fresh = hoursForm(null);
    expect(fresh.enabled).toBe(false);
    expect(fresh.days.mon).toEqual({ open: true, from: '09:00', to: '18:00' });
    expect(fresh.days.sun.open).toBe(false);

    const stored = hoursForm({
      timezone: 'Europe/Paris',
      days: { sat: { open: '10:00', close: '14:00' } },
    });
    expect(stored.enabled).toBe(true);
    expect(stored.timezone).toBe('Europe/Paris');
    expect(stored.days.sat).toEqual({ open: true, from: '10:00', to: '14:00' });
    expect(stored.days.mon.open).toBe(false);
    expect(hoursFromForm(stored)).toEqual({
      timezone: 'Europe/Paris',
      days: { sat: { open: '10:00', close: '14:00' } },
    });
  });

  it('stores no hours (always open) when the switch is off', () => {
    expect(hoursFromForm(hoursForm(null))).toBeNull();
  });

  it('rejects an unknown time zone and a day that closes before it opens', () => {
    const form = {
      ...hoursForm(null),
      enabled: true,
      timezone: 'Mars/Olympus',
    };
    form.days = {
      ...form.days,
      tue: { open: true, from: '18:00', to: '09:00' },
      wed: { open: true, from: '9am', to: '18:00' },
    };
    expect(validateHours(form)).toEqual({
      timezone: 'settings.error.timezone',
      days: {
        tue: 'settings.error.closeBeforeOpen',
        wed: 'settings.error.time',
      },
    });
    expect(validateHours({ ...form, enabled: false })).toEqual({ days: {} });
  });

  it('validates the whole inbox form and builds the PATCH body', () => {
    const form = {
      name: ' Website chat ',
      originsText: 'https://shop.example.com\nnope',
      identityEnforced: true,
      hours: hoursForm(null),
      afterHoursEnabled: true,
      afterHoursReply: '  ',
    };
    const errors = validateInbox(form);
    expect(errors.invalidOrigins).toEqual(['nope']);
    expect(inboxErrorCount(errors)).toBe(1);
    expect(
      inboxErrorCount(validateInbox({ ...form, name: '', originsText: '' })),
    ).toBe(1);

    expect(
      inboxRequest({ ...form, originsText: 'https://shop.example.com' }),
    ).toEqual({
      name: 'Website chat',
      allowedOrigins: ['https://shop.example.com'],
      identityEnforced: true,
      businessHours: null,
      afterHoursReplyEnabled: true,
      afterHoursReply: null,
    });
    expect(
      validateInbox({ ...form, afterHoursReply: 'x'.repeat(1001) })
        .afterHoursReply,
    ).toBe('settings.error.afterHoursReply');
  });

  it('builds the widget snippet from the console origin and the inbox token', () => {
    expect(widgetSnippet('https://help.example.com', 'pub_123')).toBe(
      '<script src="https://help.example.com/widget.js" data-inbox="pub_123" async></script>',
    );
  });
});

describe('AI category settings', () => {
  it('accepts thresholds from 0.5 to 1 only', () => {
    expect([0.5, 0.85, 1].map(validThreshold)).toEqual([true, true, true]);
    expect([0.49, 1.01, NaN].map(validThreshold)).toEqual([
      false,
      false,
      false,
    ]);
  });

  it('validates a new category like the API', () => {
    expect(validateCategory(EMPTY_CATEGORY)).toEqual({
      key: 'settings.error.categoryKey',
      label: 'settings.error.categoryLabel',
    });
    const ok = {
      ...EMPTY_CATEGORY,
      key: 'customs',
      label: 'Customs',
      threshold: '0.9',
      examples: '관세 얼마예요?\n\nHow much is duty?',
    };
    expect(validateCategory(ok)).toEqual({});
    expect(validateCategory({ ...ok, key: 'Customs' }).key).toBe(
      'settings.error.categoryKey',
    );
    expect(validateCategory({ ...ok, threshold: '0.3' }).threshold).toBe(
      'settings.error.threshold',
    );
    expect(validateCategory({ ...ok, examples: 'ok\nx' }).examples).toBe(
      'settings.error.examples',
    );
    expect(categoryRequest(ok)).toEqual({
      key: 'customs',
      label: 'Customs',
      policy: 'draft',
      autoSendThreshold: 0.9,
      examples: ['관세 얼마예요?', 'How much is duty?'],
    });
  });
});

describe('agent invites', () => {
  it('needs a name, an email and a password of at least 12 characters', () => {
    expect(
      validateInvite({
        name: '',
        email: 'x',
        password: 'short',
        role: 'agent',
      }),
    ).toEqual({
      name: 'settings.error.nameRequired',
      email: 'settings.error.email',
      password: 'settings.error.password',
    });
    expect(
      validateInvite({
        name: 'Jun',
        email: 'jun@example.com',
        password: 'a'.repeat(12),
        role: 'admin',
      }),
    ).toEqual({});
  });

  it('generates temporary passwords without look-alike characters', () => {
    const password = temporaryPassword();
    expect(password).toHaveLength(16);
    expect(password).toMatch(/^[A-HJ-NP-Za-km-z2-9]+$/);
    expect(
      validateInvite({ name: 'a', email: 'a@b.co', password, role: 'agent' })
        .password,
    ).toBeUndefined();
    // Bytes past the largest multiple of the alphabet size are skipped, not folded in.
    let call = 0;
    const fake = (b: Uint8Array) => (b.fill(call++ === 0 ? 255 : 0), b);
    expect(temporaryPassword(4, fake)).toBe('AAAA');
  });
});

describe('labels and canned responses', () => {
  it('validates label names and colours', () => {
    expect(
      validateLabel({ name: 'vip', color: '#2563eb', description: '' }),
    ).toEqual({});
    expect(
      validateLabel({ name: 'a,b', color: 'blue', description: '' }),
    ).toEqual({
      name: 'settings.error.labelName',
      color: 'settings.error.color',
    });
  });

  it('validates shortcodes (Korean allowed) and content', () => {
    expect(
      validateCanned({ shortCode: '배송안내', content: '곧 보내드릴게요' }),
    ).toEqual({});
    expect(validateCanned({ shortCode: 'has space', content: ' ' })).toEqual({
      shortCode: 'settings.error.shortCode',
      content: 'settings.error.contentRequired',
    });
  });
});
