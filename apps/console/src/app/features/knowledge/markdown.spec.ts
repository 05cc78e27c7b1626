import { MdBlock, parseInline, parseMarkdown, safeHref } from './markdown';

describe('parseMarkdown', () => {
  it('reads headings, paragraphs, lists, quotes, code and rules', () => {
    const blocks = parseMarkdown(
      [
        '# 배송 안내',
        '',
        '미국 상품은 **5~7영업일**,',
        '일본 상품은 *3~5영업일* 걸립니다.',
        '',
        '- 1kg당 8,000원',
        '- 부피무게 기준',
        '',
        '1. 주문',
        '2. 출고',
        '',
        '> 공휴일은 제외',
        '',
        '```',
        '<b>not bold</b>',
        '```',
        '---',
      ].join('\n'),
    );
    expect(blocks.map((b) => b.kind)).toEqual([
      'heading',
      'paragraph',
      'list',
      'list',
      'quote',
      'code',
      'rule',
    ]);
    expect(blocks[0]).toEqual({
      kind: 'heading',
      level: 1,
      content: [{ kind: 'text', text: '배송 안내' }],
    });
    expect(
      (blocks[1] as Extract<MdBlock, { kind: 'paragraph' }>).content,
    ).toEqual([
      { kind: 'text', text: '미국 상품은 ' },
      { kind: 'strong', children: [{ kind: 'text', text: '5~7영업일' }] },
      { kind: 'text', text: ',' },
      { kind: 'br' },
      { kind: 'text', text: '일본 상품은 ' },
      { kind: 'em', children: [{ kind: 'text', text: '3~5영업일' }] },
      { kind: 'text', text: ' 걸립니다.' },
    ]);
    expect(blocks[2]).toMatchObject({
      kind: 'list',
      ordered: false,
      items: [[{ text: '1kg당 8,000원' }], [{ text: '부피무게 기준' }]],
    });
    expect(blocks[3]).toMatchObject({ kind: 'list', ordered: true });
    expect(blocks[5]).toEqual({ kind: 'code', text: '<b>not bold</b>' });
  });

  it('keeps HTML as text: there is no HTML node kind at all', () => {
    const blocks = parseMarkdown(
      '<script>alert(1)</script>\n<img src=x onerror=alert(1)>',
    );
    expect(blocks).toEqual([
      {
        kind: 'paragraph',
        content: [
          { kind: 'text', text: '<script>alert(1)</script>' },
          { kind: 'br' },
          { kind: 'text', text: '<img src=x onerror=alert(1)>' },
        ],
      },
    ]);
  });
});

describe('links', () => {
  it('links web and mail addresses', () => {
    expect(parseInline('see [the guide](https://example.com/ship)')).toEqual([
      { kind: 'text', text: 'see ' },
      {
        kind: 'link',
        href: 'https://example.com/ship',
        children: [{ kind: 'text', text: 'the guide' }],
      },
    ]);
  });

  it('leaves javascript:, data: and relative targets as plain text', () => {
    for (const target of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,<b>x</b>',
      '/admin',
    ]) {
      const nodes = parseInline(`[click](${target})`);
      expect(nodes.some((n) => n.kind === 'link')).toBe(false);
      expect(nodes).toEqual([{ kind: 'text', text: `[click](${target})` }]);
    }
    expect(safeHref('mailto:help@example.com')).toBe('mailto:help@example.com');
  });

  it('does not treat snake_case words or lone asterisks as emphasis', () => {
    expect(parseInline('order_number_here and 5 * 3')).toEqual([
      { kind: 'text', text: 'order_number_here and 5 * 3' },
    ]);
    expect(parseInline('\\*not em\\*')).toEqual([
      { kind: 'text', text: '*not em*' },
    ]);
  });
});
