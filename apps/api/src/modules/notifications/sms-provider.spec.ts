import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpSmsProvider, parseSmsTemplates, renderSms, SmsSendError } from './sms-provider';

describe('HttpSmsProvider (loopback HTTP gateway)', () => {
  let server: Server;
  let url: string;
  const received: { headers: IncomingHttpHeaders; body: unknown; path: string }[] = [];
  let status = 200;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ headers: req.headers, path: req.url ?? '', body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
        res.writeHead(status, { 'content-type': 'application/json' }).end('{"id":"sms-1"}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    received.length = 0;
    status = 200;
  });

  it('posts the number, text and locale as JSON with the bearer token', async () => {
    await new HttpSmsProvider({ url, token: 'tok-123' }).send({ to: '+821012345678', text: '답변이 도착했습니다', locale: 'ko' });
    expect(received).toHaveLength(1);
    expect(received[0].path).toBe('/send');
    expect(received[0].headers['authorization']).toBe('Bearer tok-123');
    expect(received[0].headers['content-type']).toBe('application/json');
    expect(received[0].body).toEqual({ to: '+821012345678', text: '답변이 도착했습니다', locale: 'ko' });
  });

  it('sends no authorization header without a token', async () => {
    await new HttpSmsProvider({ url }).send({ to: '+15551234567', text: 'hi', locale: 'en' });
    expect(received[0].headers['authorization']).toBeUndefined();
  });

  it('rejects with the status when the gateway refuses, and when it is unreachable', async () => {
    status = 503;
    await expect(new HttpSmsProvider({ url }).send({ to: '+15551234567', text: 'hi', locale: 'en' })).rejects.toMatchObject({ statusCode: 503, message: expect.stringContaining('503') });
    await expect(new HttpSmsProvider({ url: 'http://127.0.0.1:1/send', timeoutMs: 2000 }).send({ to: '+1', text: 'hi', locale: 'en' })).rejects.toBeInstanceOf(SmsSendError);
  });
});

describe('SMS templates', () => {
  const vars = { business: 'Harbor & Co.', displayId: '42', link: 'https://help.example.com/demo?conversation=x' };

  it('picks the exact locale, then its language, then English', () => {
    expect(renderSms({}, 'ko-KR', vars)).toEqual({ locale: 'ko', text: '[Harbor & Co.] 문의 #42에 답변이 도착했습니다. 확인하기: https://help.example.com/demo?conversation=x' });
    expect(renderSms({}, 'fr', vars).locale).toBe('en');
    expect(renderSms({}, null, vars).text).toContain('new reply to your message #42');
    expect(renderSms({ 'fr': 'Nouvelle réponse #{displayId}: {link}' }, 'fr-CA', vars).text).toBe('Nouvelle réponse #42: https://help.example.com/demo?conversation=x');
  });

  it('reads SMS_TEMPLATES and ignores what is not text', () => {
    expect(parseSmsTemplates('{"EN":"{link}","ko":3}')).toEqual({ en: '{link}' });
    expect(parseSmsTemplates('[1]')).toEqual({});
    expect(parseSmsTemplates(undefined)).toEqual({});
  });
});
