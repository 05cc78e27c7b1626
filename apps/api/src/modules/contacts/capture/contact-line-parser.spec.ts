import { type ContactCapture, describeCapture, followUpQuestion, MAX_CONTACT_LINE_LENGTH, parseContactLine } from './contact-line-parser';

const capture = (fields: Partial<ContactCapture>): ContactCapture => ({
  name: null,
  company: null,
  phone: null,
  phoneDisplay: null,
  email: null,
  missing: [],
  invalid: [],
  notes: [],
  ...fields,
});

const mobile = { phone: '+821012345678', phoneDisplay: '010-1234-5678' };

describe('parseContactLine', () => {
  describe('Korean lines', () => {
    it.each<[string, ContactCapture]>([
      [
        '홍길동 / 한빛상사 / 010-1234-5678 / hong@hanbit.kr',
        capture({ name: '홍길동', company: '한빛상사', ...mobile, email: 'hong@hanbit.kr' }),
      ],
      ['한빛상사 홍길동 과장 01012345678', capture({ name: '홍길동', company: '한빛상사', ...mobile })],
      [
        '이름: 김철수, 회사: ㈜오션무역, 전화 02-123-4567',
        capture({ name: '김철수', company: '㈜오션무역', phone: '+8221234567', phoneDisplay: '02-123-4567' }),
      ],
      [
        '김영희님 010 9876 5432 younghee@naver.com',
        capture({ name: '김영희', phone: '+821098765432', phoneDisplay: '010-9876-5432', email: 'younghee@naver.com' }),
      ],
      ['+82 10 1234 5678 박민수', capture({ name: '박민수', ...mobile })],
      [
        '주식회사 한빛 이철수 대리 070-1234-5678',
        capture({ name: '이철수', company: '주식회사 한빛', phone: '+827012345678', phoneDisplay: '070-1234-5678' }),
      ],
      [
        '(주)한빛 010-1111-2222',
        capture({ company: '(주)한빛', phone: '+821011112222', phoneDisplay: '010-1111-2222', missing: ['name'] }),
      ],
      [
        '한빛무역 (주) 이수진 010-1212-3434',
        capture({ name: '이수진', company: '한빛무역 (주)', phone: '+821012123434', phoneDisplay: '010-1212-3434' }),
      ],
      ['㈜한빛 김철수 02)123-4567', capture({ name: '김철수', company: '㈜한빛', phone: '+8221234567', phoneDisplay: '02-123-4567' })],
      [
        '담당자: 박지훈 과장 / 회사명: 그린코리아 / H.P 010-4444-5555',
        capture({ name: '박지훈', company: '그린코리아', phone: '+821044445555', phoneDisplay: '010-4444-5555' }),
      ],
      [
        'Tel. 010-9999-0000, E-mail: kim@green.co.kr, 김도윤',
        capture({ name: '김도윤', phone: '+821099990000', phoneDisplay: '010-9999-0000', email: 'kim@green.co.kr' }),
      ],
      [
        '저는 한빛상사의 홍길동입니다. 연락처는 010-5555-6666입니다',
        capture({ name: '홍길동', company: '한빛상사', phone: '+821055556666', phoneDisplay: '010-5555-6666' }),
      ],
      ['성함은 이영희이고 메일은 lee@gmail.com 이에요', capture({ name: '이영희', email: 'lee@gmail.com' })],
      ['이름은 홍길동입니다 010-1234-5678', capture({ name: '홍길동', ...mobile })],
      ['홍길동\n한빛상사\n010-1234-5678', capture({ name: '홍길동', company: '한빛상사', ...mobile })],
      [
        '홍길동 과장님(한빛무역) 010-3456-7890 / hong@hanbit.co.kr',
        capture({ name: '홍길동', company: '한빛무역', phone: '+821034567890', phoneDisplay: '010-3456-7890', email: 'hong@hanbit.co.kr' }),
      ],
      [
        '주식회사 그린푸드 대표 김민준 031-123-4567',
        capture({ name: '김민준', company: '주식회사 그린푸드', phone: '+82311234567', phoneDisplay: '031-123-4567' }),
      ],
      ['남궁민수 010-3333-4444', capture({ name: '남궁민수', phone: '+821033334444', phoneDisplay: '010-3333-4444' })],
      ['1588-1234 한빛상사', capture({ company: '한빛상사', phone: '+8215881234', phoneDisplay: '1588-1234', missing: ['name'] })],
      ['010-1234-5678 장동건', capture({ name: '장동건', ...mobile })],
      ['홍길동 / 한빛 / 010-1234-5678', capture({ name: '홍길동', company: '한빛', ...mobile })],
      ['안녕하세요 한빛무역 홍길동입니다 연락주세요 010-1234-5678', capture({ name: '홍길동', company: '한빛무역', ...mobile })],
      ['김민수 대리 영업팀 한빛상사 010-1234-5678', capture({ name: '김민수', company: '한빛상사', ...mobile })],
      [
        '김민수 T. 02-123-4567 M. 010-1234-5678',
        capture({
          name: '김민수',
          phone: '+8221234567',
          phoneDisplay: '02-123-4567',
          notes: [{ kind: 'additional_phone', value: '+821012345678' }],
        }),
      ],
      ['팩스 02-123-4567 전화 02-123-4568 정수진', capture({ name: '정수진', phone: '+8221234568', phoneDisplay: '02-123-4568' })],
      ['홍길동 010-1234-5678 fax 02-123-4567', capture({ name: '홍길동', ...mobile })],
      ['010-1234-5678 (홍길동)', capture({ name: '홍길동', ...mobile })],
      ['😀 홍길동 😀 010-1234-5678 🙏', capture({ name: '홍길동', ...mobile })],
      ['홍길동 02 123 4567', capture({ name: '홍길동', phone: '+8221234567', phoneDisplay: '02-123-4567' })],
      ['이메일 hong@hanbit.kr 전화 010.1234.5678 이름 홍길동', capture({ name: '홍길동', ...mobile, email: 'hong@hanbit.kr' })],
      ['김철수 010-1234-5678, 01012345678', capture({ name: '김철수', ...mobile })],
      [
        '김철수 010-1234-5678 010-9876-5432',
        capture({ name: '김철수', ...mobile, notes: [{ kind: 'additional_phone', value: '+821098765432' }] }),
      ],
      ['+82 (0)10-1234-5678 홍길동', capture({ name: '홍길동', ...mobile })],
      ['인스타 @hanbit_store 홍길동 010-1234-5678', capture({ name: '홍길동', ...mobile })],
      ['ㅇㅇㅇ 010-1234-5678', capture({ ...mobile, missing: ['name'] })],
      ['김 과장 010-1234-5678', capture({ ...mobile, missing: ['name'] })],
      ['서울시 강남구 테헤란로 123 홍길동 010-1234-5678', capture({ name: '홍길동', ...mobile })],
      ['경기도 성남시 분당구 판교역로 235 한빛상사 김민수 과장 010-1234-5678', capture({ name: '김민수', company: '한빛상사', ...mobile })],
      ['홍길동 010 1234 5678 내선 123', capture({ name: '홍길동', ...mobile })],
      ['01012345678홍길동', capture({ name: '홍길동', ...mobile })],
      ['hong@hanbit.kr홍길동', capture({ name: '홍길동', email: 'hong@hanbit.kr' })],
      ['견적 부탁드려요 빠른 연락 부탁드립니다', capture({ missing: ['name', 'contact'] })],
    ])('%s', (line, expected) => {
      expect(parseContactLine(line)).toEqual(expected);
    });
  });

  describe('numbers that are not phones', () => {
    it.each<[string, ContactCapture]>([
      ['주문번호 12345', capture({ missing: ['name', 'contact'] })],
      ['50만원', capture({ missing: ['name', 'contact'] })],
      ['주문번호 12345 홍길동 010-1234-5678', capture({ name: '홍길동', ...mobile })],
      [
        '견적 50만원 정도 생각합니다 김민수 010-2222-3333',
        capture({ name: '김민수', phone: '+821022223333', phoneDisplay: '010-2222-3333' }),
      ],
      ['총 3,500,000원 견적 요청 김하늘 010-3333-2222', capture({ name: '김하늘', phone: '+821033332222', phoneDisplay: '010-3333-2222' })],
      ['2024-05-01 방문 예정 홍길동 010-1234-5678', capture({ name: '홍길동', ...mobile })],
      ['100개 주문 김철수 010-5678-1234', capture({ name: '김철수', phone: '+821056781234', phoneDisplay: '010-5678-1234' })],
      ['사업자등록번호 214-86-12345 한빛상사', capture({ company: '한빛상사', missing: ['name', 'contact'] })],
      [
        '사업자번호 123-45-67890 한빛무역 김대표 010-7777-8888',
        capture({ company: '한빛무역', phone: '+821077778888', phoneDisplay: '010-7777-8888', missing: ['name'] }),
      ],
      ['카톡 hanbit123 홍길동', capture({ name: '홍길동', missing: ['contact'] })],
    ])('%s', (line, expected) => {
      expect(parseContactLine(line)).toEqual(expected);
    });
  });

  describe('invalid, partial and duplicate values', () => {
    it.each<[string, ContactCapture]>([
      [
        '홍길동 010-123',
        capture({ name: '홍길동', missing: ['contact'], invalid: [{ field: 'phone', value: '010-123', reason: 'invalid_number' }] }),
      ],
      [
        '홍길동 010-1234-56789',
        capture({ name: '홍길동', missing: ['contact'], invalid: [{ field: 'phone', value: '010-1234-56789', reason: 'invalid_number' }] }),
      ],
      [
        '최민지 / 02-1234 / minji@naver.com',
        capture({ name: '최민지', email: 'minji@naver.com', invalid: [{ field: 'phone', value: '02-1234', reason: 'invalid_number' }] }),
      ],
      [
        '010-1234-5678 홍길동 010-1234',
        capture({ name: '홍길동', ...mobile, invalid: [{ field: 'phone', value: '010-1234', reason: 'invalid_number' }] }),
      ],
      [
        '+82-10-123 박지성',
        capture({ name: '박지성', missing: ['contact'], invalid: [{ field: 'phone', value: '+82-10-123', reason: 'invalid_number' }] }),
      ],
      [
        'Tel: 1234 홍길동',
        capture({ name: '홍길동', missing: ['contact'], invalid: [{ field: 'phone', value: '1234', reason: 'too_short' }] }),
      ],
      [
        '홍길동 hong@hanbit',
        capture({ name: '홍길동', missing: ['contact'], invalid: [{ field: 'email', value: 'hong@hanbit', reason: 'missing_tld' }] }),
      ],
      [
        '홍길동 hong@@hanbit.kr',
        capture({ name: '홍길동', missing: ['contact'], invalid: [{ field: 'email', value: 'hong@@hanbit.kr', reason: 'multiple_at' }] }),
      ],
      [
        'hong@hanbit,kr 홍길동',
        capture({ name: '홍길동', missing: ['contact'], invalid: [{ field: 'email', value: 'hong@hanbit', reason: 'missing_tld' }] }),
      ],
      [
        '홍길동 / hong@hanbit..kr',
        capture({ name: '홍길동', missing: ['contact'], invalid: [{ field: 'email', value: 'hong@hanbit..kr', reason: 'invalid_dots' }] }),
      ],
      [
        '홍길동 / hong@ / 010-1234-5678',
        capture({ name: '홍길동', ...mobile, invalid: [{ field: 'email', value: 'hong@', reason: 'missing_domain' }] }),
      ],
      [
        'hong@gmial.com 홍길동',
        capture({
          name: '홍길동',
          missing: ['contact'],
          invalid: [{ field: 'email', value: 'hong@gmial.com', reason: 'domain_typo', suggestion: 'hong@gmail.com' }],
        }),
      ],
      [
        '홍길동 hong@naver.con',
        capture({
          name: '홍길동',
          missing: ['contact'],
          invalid: [{ field: 'email', value: 'hong@naver.con', reason: 'domain_typo', suggestion: 'hong@naver.com' }],
        }),
      ],
      ['hong@hanbit.kr', capture({ email: 'hong@hanbit.kr', missing: ['name'] })],
      ['홍길동', capture({ name: '홍길동', missing: ['contact'] })],
      ['010-1234-5678', capture({ ...mobile, missing: ['name'] })],
      ['한빛상사 / sales@hanbit.kr', capture({ company: '한빛상사', email: 'sales@hanbit.kr', missing: ['name'] })],
      ['Acme Inc. sales@acme.com', capture({ company: 'Acme Inc.', email: 'sales@acme.com', missing: ['name'] })],
      [
        'hong@hanbit.kr, gildong.hong@gmail.com 홍길동',
        capture({ name: '홍길동', email: 'hong@hanbit.kr', notes: [{ kind: 'additional_email', value: 'gildong.hong@gmail.com' }] }),
      ],
      [
        'hong@hanbit 홍길동 gildong@naver.com',
        capture({ name: '홍길동', email: 'gildong@naver.com', invalid: [{ field: 'email', value: 'hong@hanbit', reason: 'missing_tld' }] }),
      ],
      [
        '010-123 hong@hanbit 홍길동',
        capture({
          name: '홍길동',
          missing: ['contact'],
          invalid: [
            { field: 'phone', value: '010-123', reason: 'invalid_number' },
            { field: 'email', value: 'hong@hanbit', reason: 'missing_tld' },
          ],
        }),
      ],
      ['hello', capture({ missing: ['name', 'contact'] })],
    ])('%s', (line, expected) => {
      expect(parseContactLine(line)).toEqual(expected);
    });
  });

  describe('English and mixed lines', () => {
    it.each<[string, ContactCapture]>([
      [
        'Name: John Kim, Company: Acme Trading Co., Tel +82-10-9876-5432, john@acme.co.kr',
        capture({
          name: 'John Kim',
          company: 'Acme Trading Co.',
          phone: '+821098765432',
          phoneDisplay: '010-9876-5432',
          email: 'john@acme.co.kr',
        }),
      ],
      [
        'John Smith | Blue Ocean Trading | +1 (415) 555-0132 | john@blueocean.com',
        capture({
          name: 'John Smith',
          company: 'Blue Ocean Trading',
          phone: '+14155550132',
          phoneDisplay: '+1 415 555 0132',
          email: 'john@blueocean.com',
        }),
      ],
      [
        'Mr. David Lee, Sales Manager, Hanbit Co., Ltd. david@hanbit.com',
        capture({ name: 'David Lee', company: 'Hanbit Co., Ltd.', email: 'david@hanbit.com' }),
      ],
      ['John Kim <john@acme.com>', capture({ name: 'John Kim', email: 'john@acme.com' })],
      [
        "Hi, I'm Sarah Park from Acme Trading. sarah@acme.com",
        capture({ name: 'Sarah Park', company: 'Acme Trading', email: 'sarah@acme.com' }),
      ],
      [
        'This is Tom Brown, tom.brown@gmail.com, +1 415 555 2671',
        capture({ name: 'Tom Brown', phone: '+14155552671', phoneDisplay: '+1 415 555 2671', email: 'tom.brown@gmail.com' }),
      ],
      [
        'Jane Doe jane.doe@Example.COM +44 20 7946 0958',
        capture({ name: 'Jane Doe', phone: '+442079460958', phoneDisplay: '+44 20 7946 0958', email: 'jane.doe@example.com' }),
      ],
      ['email: Hong.GilDong@Hanbit.KR', capture({ email: 'Hong.GilDong@hanbit.kr', missing: ['name'] })],
      [
        'Lee Jiwon · Hanbit Korea · +82 10 2345 6789',
        capture({ name: 'Lee Jiwon', company: 'Hanbit Korea', phone: '+821023456789', phoneDisplay: '010-2345-6789' }),
      ],
      [
        'NAME: KIM MINSU / HANBIT TRADING / 010-1111-3333',
        capture({ name: 'KIM MINSU', company: 'HANBIT TRADING', phone: '+821011113333', phoneDisplay: '010-1111-3333' }),
      ],
      ['Hanbit Co.,Ltd. Kim Minsu 010-1234-5678', capture({ name: 'Kim Minsu', company: 'Hanbit Co.,Ltd.', ...mobile })],
      ['John Kim Acme Trading Co. 010-1234-5678', capture({ name: 'John Kim', company: 'Acme Trading Co.', ...mobile })],
      [
        'Acme Trading Co., John Kim, +82 10 9876 5432',
        capture({ name: 'John Kim', company: 'Acme Trading Co.', phone: '+821098765432', phoneDisplay: '010-9876-5432' }),
      ],
      [
        'GreenFood Inc | Alex Johnson | alex@greenfood.io',
        capture({ name: 'Alex Johnson', company: 'GreenFood Inc', email: 'alex@greenfood.io' }),
      ],
      [
        'Contact: David Park, Park & Sons Trading LLC, +1 (415) 555-0132',
        capture({ name: 'David Park', company: 'Park & Sons Trading LLC', phone: '+14155550132', phoneDisplay: '+1 415 555 0132' }),
      ],
      ['Sam Lee, manager, Lotte Mart', capture({ name: 'Sam Lee', company: 'Lotte Mart', missing: ['contact'] })],
      ['Ms. Jane Doe / jane@doe.com', capture({ name: 'Jane Doe', email: 'jane@doe.com' })],
      ['Please call me at 010-1234-5678, thanks! - Minsu', capture({ name: 'Minsu', ...mobile })],
      [
        'Yuna / Studio Yuna / +82 10 5555 1234',
        capture({ name: 'Yuna', company: 'Studio Yuna', phone: '+821055551234', phoneDisplay: '010-5555-1234' }),
      ],
      ['Hong Gildong 070-8765-4321', capture({ name: 'Hong Gildong', phone: '+827087654321', phoneDisplay: '070-8765-4321' })],
      ['Kim Minsu / Hanbit / minsu@hanbit.kr', capture({ name: 'Kim Minsu', company: 'Hanbit', email: 'minsu@hanbit.kr' })],
      ['hong+quote@hanbit.kr 홍길동', capture({ name: '홍길동', email: 'hong+quote@hanbit.kr' })],
      ['New York Office / Peter Parker / peter@dailybugle.com', capture({ name: 'Peter Parker', email: 'peter@dailybugle.com' })],
      ['I need a quote for 500 units, call me', capture({ missing: ['name', 'contact'] })],
      [
        'My name is Chris Evans, Evans Store, chris@evansstore.com, 010 2468 1357',
        capture({
          name: 'Chris Evans',
          company: 'Evans Store',
          phone: '+821024681357',
          phoneDisplay: '010-2468-1357',
          email: 'chris@evansstore.com',
        }),
      ],
      [
        'Hanbit Korea 홍길동 부장 hong@hanbit.co.kr / 02-3456-7890',
        capture({
          name: '홍길동',
          company: 'Hanbit Korea',
          phone: '+82234567890',
          phoneDisplay: '02-3456-7890',
          email: 'hong@hanbit.co.kr',
        }),
      ],
      [
        'Daniel Cho (Hanbit Trading) +82 10 1357 2468',
        capture({ name: 'Daniel Cho', company: 'Hanbit Trading', phone: '+821013572468', phoneDisplay: '010-1357-2468' }),
      ],
    ])('%s', (line, expected) => {
      expect(parseContactLine(line)).toEqual(expected);
    });
  });

  describe('default country', () => {
    it('reads numbers without + in the given country and shows them nationally', () => {
      expect(parseContactLine('John Smith (415) 555-0132', { defaultCountry: 'US' })).toEqual(
        capture({ name: 'John Smith', phone: '+14155550132', phoneDisplay: '(415) 555-0132' }),
      );
    });

    it('does not guess a foreign number typed without + under the Korean default', () => {
      expect(parseContactLine('John Smith (415) 555-0132')).toEqual(capture({ name: 'John Smith', missing: ['contact'] }));
    });

    it('shows a Korean number internationally when the default country is elsewhere', () => {
      expect(parseContactLine('+82 10 1234 5678', { defaultCountry: 'US' })).toMatchObject({
        phone: '+821012345678',
        phoneDisplay: '+82 10 1234 5678',
      });
    });

    it('falls back to KR for an unknown country code', () => {
      expect(parseContactLine('010-1234-5678', { defaultCountry: 'XX' })).toMatchObject(mobile);
    });
  });

  describe('markup and hostile input', () => {
    it.each([
      ['<img src=x onerror=alert(1)>', capture({ missing: ['name', 'contact'] })],
      ['<img src=x onerror=alert(1)>홍길동 010-1234-5678', capture({ name: '홍길동', ...mobile })],
      ['"><svg onload=alert(1)>홍길동 010-1234-5678', capture({ name: '홍길동', ...mobile })],
      ['<b>홍길동</b> <script>alert(1)</script> 010-1234-5678', capture({ name: '홍길동', ...mobile })],
      ['이름: <img src=x onerror=alert(1)> / hong@hanbit.kr', capture({ email: 'hong@hanbit.kr', missing: ['name'] })],
      ['회사: <b>한빛상사</b> 홍길동', capture({ name: '홍길동', company: '한빛상사', missing: ['contact'] })],
      ['&lt;img src=x onerror=alert(1)&gt; hong@hanbit.kr', capture({ email: 'hong@hanbit.kr', missing: ['name'] })],
      ['<img src=x onerror=alert(1)', capture({ missing: ['name', 'contact'] })],
    ])('strips markup from %s', (line, expected) => {
      const result = parseContactLine(line);
      expect(result).toEqual(expected);
      expect(JSON.stringify(result)).not.toMatch(/[<>]|onerror|onload|alert|script/i);
    });

    it.each([
      ['an empty string', ''],
      ['whitespace only', '  \n\t  '],
      ['separators only', ' / , | · ; '],
      ['emoji only', '😀🙏🏻👍'],
      ['a lone surrogate', '\uD83D 홍'],
      ['control characters', '\u0000\u0007\u001b[31m'],
    ])('returns an empty capture for %s', (_label, line) => {
      expect(parseContactLine(line)).toEqual(capture({ missing: ['name', 'contact'] }));
    });

    it('never throws on values a JavaScript caller might pass', () => {
      for (const value of [null, undefined, 42, {}, ['홍길동']]) {
        expect(parseContactLine(value as unknown as string)).toEqual(capture({ missing: ['name', 'contact'] }));
      }
    });

    it('reads only the start of a very long input and says it was cut', () => {
      const line = `홍길동 010-1234-5678 ${'가나다 '.repeat(2_500)} late@hanbit.kr`;
      expect(line.length).toBeGreaterThan(10_000);
      expect(parseContactLine(line)).toEqual(
        capture({ name: '홍길동', ...mobile, notes: [{ kind: 'input_truncated', originalLength: line.length }] }),
      );
    });

    it('does not report a number cut in half at the length cap as invalid', () => {
      const line = '홍길동 010-1234-5678 '.repeat(600);
      const result = parseContactLine(line);
      expect(result.phone).toBe('+821012345678');
      expect(result.invalid).toEqual([]);
      expect(result.notes).toEqual([{ kind: 'input_truncated', originalLength: line.length }]);
    });

    it('ignores what comes after the cap', () => {
      const line = `${'x '.repeat(MAX_CONTACT_LINE_LENGTH)}hong@hanbit.kr`;
      expect(parseContactLine(line)).toMatchObject({ email: null, missing: ['name', 'contact'] });
    });

    it('still finds the contact behind a screenful of markup', () => {
      const line = `${'<div class="x">'.repeat(80)}홍길동 010-1234-5678`;
      expect(parseContactLine(line)).toMatchObject({ name: '홍길동', ...mobile });
    });

    it('stays fast on adversarial digit soup', () => {
      const started = Date.now();
      parseContactLine('0 1 2 3 4 5 6 7 8 9 '.repeat(500));
      parseContactLine('010-'.repeat(2_000));
      expect(Date.now() - started).toBeLessThan(1_000);
    });
  });
});

describe('describeCapture', () => {
  it.each<[string, string, string]>([
    [
      '홍길동 / 한빛상사 / 010-1234-5678 / hong@hanbit.kr',
      '확인했어요: 홍길동 · 한빛상사 · 010-1234-5678 · hong@hanbit.kr',
      'Got it: 홍길동 · 한빛상사 · 010-1234-5678 · hong@hanbit.kr',
    ],
    ['John Smith, +1 415 555 2671', '확인했어요: John Smith · +1 415 555 2671', 'Got it: John Smith · +1 415 555 2671'],
    ['hong@hanbit.kr', '확인했어요: hong@hanbit.kr', 'Got it: hong@hanbit.kr'],
    ['홍길동 010-123 hong@hanbit', '확인했어요: 홍길동', 'Got it: 홍길동'],
    ['', '아직 확인된 연락처가 없어요.', "I couldn't find any contact details yet."],
  ])('describes %s', (line, ko, en) => {
    const c = parseContactLine(line);
    expect(describeCapture(c, 'ko')).toBe(ko);
    expect(describeCapture(c, 'en')).toBe(en);
  });
});

describe('followUpQuestion', () => {
  it.each<[string, string | null, string | null]>([
    ['홍길동 / 한빛상사 / 010-1234-5678 / hong@hanbit.kr', null, null],
    ['홍길동 010-1234-5678', null, null],
    ['hong@hanbit.kr', '성함을 알려주시겠어요?', 'Could you tell us your name?'],
    [
      '홍길동',
      '연락받으실 전화번호나 이메일 주소를 알려주시겠어요?',
      'Could you share a phone number or email address where we can reach you?',
    ],
    [
      '',
      '성함과 연락받으실 전화번호나 이메일 주소를 알려주시겠어요?',
      'Could you tell us your name and a phone number or email address where we can reach you?',
    ],
    ['홍길동 010-123', '전화번호(010-123)를 다시 확인해 주시겠어요?', 'Could you double-check the phone number (010-123)?'],
    [
      '010-123',
      '성함을 알려주시고, 전화번호(010-123)도 다시 확인해 주시겠어요?',
      'Could you tell us your name and double-check the phone number (010-123)?',
    ],
    [
      '홍길동 010-123 hong@hanbit',
      '전화번호(010-123)와 이메일 주소(hong@hanbit)를 다시 확인해 주시겠어요?',
      'Could you double-check the phone number (010-123) and the email address (hong@hanbit)?',
    ],
    [
      '홍길동 010-1234-5678 hong@hanbit',
      '이메일 주소(hong@hanbit)를 다시 확인해 주시겠어요?',
      'Could you double-check the email address (hong@hanbit)?',
    ],
    [
      '홍길동 hong@gmial.com',
      '이메일 주소(hong@gmial.com)를 다시 확인해 주시겠어요? 혹시 hong@gmail.com 인가요?',
      'Could you double-check the email address (hong@gmial.com)? Did you mean hong@gmail.com?',
    ],
    // A typo beside a valid address of the same kind is not worth a question.
    ['홍길동 hong@hanbit.kr hong@hanbit', null, null],
  ])('asks about %s', (line, ko, en) => {
    const c = parseContactLine(line);
    expect(followUpQuestion(c, 'ko')).toBe(ko);
    expect(followUpQuestion(c, 'en')).toBe(en);
  });

  it('shortens a very long invalid value in the question', () => {
    const c = capture({
      name: '홍길동',
      missing: ['contact'],
      invalid: [{ field: 'email', value: `${'a'.repeat(70)}@x`, reason: 'missing_tld' }],
    });
    expect(followUpQuestion(c, 'en')).toBe(`Could you double-check the email address (${'a'.repeat(39)}…)?`);
  });
});
