import { deliveryUrlProblem, isPrivateAddress, webhookUrlProblem } from './webhook-url';

describe('webhook URL policy', () => {
  it.each(['127.0.0.1', '10.1.2.3', '172.20.0.5', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fd12::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '224.0.0.1'])(
    'treats %s as non-public',
    (ip) => expect(isPrivateAddress(ip)).toBe(true),
  );

  it.each(['8.8.8.8', '172.32.0.1', '192.169.0.1', '2606:4700:4700::1111', 'example.com'])('treats %s as public (or not an address)', (ip) => expect(isPrivateAddress(ip)).toBe(false));

  it('refuses non-http schemes and credentials everywhere', () => {
    expect(webhookUrlProblem('ftp://example.com/x', true)).toMatch(/http or https/);
    expect(webhookUrlProblem('file:///etc/passwd', true)).toMatch(/http or https/);
    expect(webhookUrlProblem('https://user:pw@example.com/x', true)).toMatch(/credentials/);
    expect(webhookUrlProblem('not a url', true)).toMatch(/absolute/);
  });

  it('allows loopback when private addresses are allowed (development), refuses it otherwise (production)', () => {
    expect(webhookUrlProblem('http://127.0.0.1:4000/hook', true)).toBeNull();
    for (const url of ['http://127.0.0.1:4000/hook', 'http://localhost/hook', 'http://api.localhost/x', 'http://[::1]/x', 'http://[::ffff:127.0.0.1]/x', 'http://2130706433/x', 'http://0x7f.1/x', 'http://169.254.169.254/latest/meta-data']) {
      expect({ url, problem: webhookUrlProblem(url, false) }).toEqual({ url, problem: expect.stringMatching(/public address/) });
    }
    expect(webhookUrlProblem('https://hooks.example.com/parley', false)).toBeNull();
  });

  it('checks what a host name resolves to before each delivery', async () => {
    const resolveTo = (addresses: string[]) => async () => addresses;
    expect(await deliveryUrlProblem('https://hooks.example.com/x', false, resolveTo(['93.184.215.14']))).toBeNull();
    expect(await deliveryUrlProblem('https://hooks.example.com/x', false, resolveTo(['93.184.215.14', '10.0.0.7']))).toMatch(/resolves to the non-public address 10\.0\.0\.7/);
    expect(await deliveryUrlProblem('https://hooks.example.com/x', true, resolveTo(['10.0.0.7']))).toBeNull();
  });
});
