import { tokenize, wasEdited, wordDiff } from './word-diff';

const render = (before: string, after: string) =>
  wordDiff(before, after)
    .map((s) =>
      s.op === 'equal'
        ? s.text
        : s.op === 'delete'
          ? `[-${s.text}-]`
          : `{+${s.text}+}`,
    )
    .join('');

describe('wordDiff', () => {
  it('keeps identical text as one unchanged segment', () => {
    expect(wordDiff('배송은 3일 걸립니다.', '배송은 3일 걸립니다.')).toEqual([
      { op: 'equal', text: '배송은 3일 걸립니다.' },
    ]);
  });

  it('marks a replaced word in a Korean sentence', () => {
    expect(
      render(
        '일본 상품은 3~5영업일 걸립니다.',
        '일본 상품은 보통 3~5영업일 걸립니다. 감사합니다!',
      ),
    ).toBe('일본 상품은 {+보통 +}3~5영업일 걸립니다.{+ 감사합니다!+}');
  });

  it('shows removed text before added text within one change', () => {
    expect(render('Ships today from Seoul', 'Ships tomorrow from Seoul')).toBe(
      'Ships [-today-]{+tomorrow+} from Seoul',
    );
  });

  it('reads a run of changed words as one replacement, not word-space-word', () => {
    expect(render('a b c', 'x y z')).toBe('[-a b c-]{+x y z+}');
  });

  it('keeps separate edits apart when real words lie between them', () => {
    expect(render('one two three four', 'one 2 three 4')).toBe(
      'one [-two-]{+2+} three [-four-]{+4+}',
    );
  });

  it('handles an empty draft or an empty sent text', () => {
    expect(wordDiff('', 'new text')).toEqual([
      { op: 'insert', text: 'new text' },
    ]);
    expect(wordDiff('old text', '')).toEqual([
      { op: 'delete', text: 'old text' },
    ]);
    expect(wordDiff('', '')).toEqual([]);
  });

  it('keeps line breaks so the diff reads like the message', () => {
    expect(render('Hello\nThanks', 'Hello\n\nThanks a lot')).toBe(
      'Hello[-\n-]{+\n\n+}Thanks{+ a lot+}',
    );
  });

  it('rebuilds both texts exactly from its segments', () => {
    const before = '주문번호 PH-1234 는 내일 도착합니다. 문의 감사합니다.';
    const after = '주문번호 PH-1234 는 모레 도착 예정입니다. 감사합니다!';
    const segments = wordDiff(before, after);
    expect(
      segments
        .filter((s) => s.op !== 'insert')
        .map((s) => s.text)
        .join(''),
    ).toBe(before);
    expect(
      segments
        .filter((s) => s.op !== 'delete')
        .map((s) => s.text)
        .join(''),
    ).toBe(after);
  });

  it('stays fast and correct on very long texts (falls back to replacing the changed middle)', () => {
    const long = Array.from({ length: 3000 }, (_, i) => `w${i}`).join(' ');
    const changed = long.replace(/^w0/, 'X').replace(/w2999$/, 'Y');
    const started = performance.now();
    const segments = wordDiff(long, changed);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(
      segments
        .filter((s) => s.op !== 'insert')
        .map((s) => s.text)
        .join(''),
    ).toBe(long);
    expect(
      segments
        .filter((s) => s.op !== 'delete')
        .map((s) => s.text)
        .join(''),
    ).toBe(changed);
  });
});

describe('tokenize', () => {
  it('splits words and the whitespace between them', () => {
    expect(tokenize('a  b\nc')).toEqual(['a', '  ', 'b', '\n', 'c']);
  });
});

describe('wasEdited', () => {
  it('is false when nothing was sent or the text only gained surrounding spaces', () => {
    expect(wasEdited('Hi', null)).toBe(false);
    expect(wasEdited('Hi', ' Hi\n')).toBe(false);
    expect(wasEdited('Hi', 'Hi!')).toBe(true);
  });
});
