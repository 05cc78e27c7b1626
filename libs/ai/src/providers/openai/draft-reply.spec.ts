import { parseDraftReply, visibleDraftText } from './draft-reply';

describe('parseDraftReply', () => {
  it('strips the marker line, tolerating markdown around it', () => {
    expect(parseDraftReply('Answer [1].\n**NEEDS_HUMAN: no**', 1)).toMatchObject({ body: 'Answer [1].', needsHuman: 'no', cited: [0] });
    expect(parseDraftReply('Answer.\nNEEDS_HUMAN：staff_decision\n', 1)).toMatchObject({ body: 'Answer.', needsHuman: 'staff_decision' });
    expect(parseDraftReply('Answer.\nNEEDS_HUMAN: yes', 1).needsHuman).toBe('not_in_sources');
    expect(parseDraftReply('Answer.\nNEEDS_HUMAN: maybe', 1).needsHuman).toBe('unknown');
    expect(parseDraftReply('Answer.', 1).needsHuman).toBeUndefined();
  });

  it('renumbers citations in source order and drops numbers that name no source', () => {
    const parsed = parseDraftReply('A [3]. B [1, 3]. C [9]. D [2,9].\nNEEDS_HUMAN: no', 3);
    expect(parsed.cited).toEqual([0, 1, 2]);
    expect(parsed.invalidCitations).toEqual([9]);
    expect(parsed.body).toBe('A [3]. B [1, 3]. C . D [2].');

    expect(parseDraftReply('Only the third [3].', 3)).toMatchObject({ cited: [2], body: 'Only the third [1].' });
  });
});

describe('visibleDraftText', () => {
  it('holds back a last line that could still become the marker', () => {
    expect(visibleDraftText('Hello [1].\nNEED')).toBe('Hello [1].');
    expect(visibleDraftText('Hello [1].\nNEEDS_HUMAN: n')).toBe('Hello [1].');
    expect(visibleDraftText('Hello [1].\nNEEDS_HUMAN: no')).toBe('Hello [1].');
    expect(visibleDraftText('Hello [1].\nNote')).toBe('Hello [1].\nNote');
  });
});
