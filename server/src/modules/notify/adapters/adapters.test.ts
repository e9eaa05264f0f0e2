import { afterEach, describe, expect, it } from 'vitest';
import net from 'node:net';
import { notifyAdaptersFromEnv, DEFAULT_MAIL_FROM } from './index.ts';

type Received = { auth?: string; from?: string; to: string[]; data: string };

/** A minimal SMTP server on the loopback interface: enough of RFC 5321 for nodemailer to deliver one message. */
async function fakeSmtp(): Promise<{ port: number; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = net.createServer((sock) => {
    let buf = '';
    let inData = false;
    let cur: Received = { to: [], data: '' };
    sock.write('220 localhost ESMTP test\r\n');
    sock.on('data', (chunk) => {
      buf += chunk.toString('utf8');
      if (inData) {
        const end = buf.indexOf('\r\n.\r\n');
        if (end < 0) return;
        cur.data = buf.slice(0, end);
        buf = buf.slice(end + 5);
        inData = false;
        received.push(cur);
        cur = { to: [], data: '' };
        sock.write('250 OK queued\r\n');
      }
      let nl: number;
      while (!inData && (nl = buf.indexOf('\r\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 2);
        const cmd = line.slice(0, 4).toUpperCase();
        if (cmd === 'EHLO') sock.write('250-localhost\r\n250-AUTH PLAIN\r\n250 8BITMIME\r\n');
        else if (cmd === 'HELO') sock.write('250 localhost\r\n');
        else if (cmd === 'AUTH') {
          cur.auth = Buffer.from(line.split(' ')[2] ?? '', 'base64').toString('utf8');
          sock.write('235 Authentication successful\r\n');
        } else if (cmd === 'MAIL') {
          cur.from = line;
          sock.write('250 OK\r\n');
        } else if (cmd === 'RCPT') {
          cur.to.push(line);
          sock.write('250 OK\r\n');
        } else if (cmd === 'DATA') {
          inData = true;
          sock.write('354 go ahead\r\n');
        } else if (cmd === 'QUIT') {
          sock.end('221 bye\r\n');
        } else sock.write('250 OK\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return { port, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

describe('adapters from the environment', () => {
  it('without SMTP_URL both channels are development outbox simulators', () => {
    const a = notifyAdaptersFromEnv({});
    expect(a.sms).toMatchObject({ provider: 'dev-outbox', simulated: true });
    expect(a.email).toMatchObject({ provider: 'dev-outbox', simulated: true });
    expect(a.publicUrl).toBeUndefined();
  });

  it('refuses an SMTP_URL that is not smtp:// or smtps://', () => {
    expect(() => notifyAdaptersFromEnv({ SMTP_URL: 'http://mail.example.com' })).toThrow(/SMTP_URL/);
  });

  it('with SMTP_URL, email goes out over SMTP with the credentials and MAIL_FROM', async () => {
    const smtp = await fakeSmtp();
    stop = smtp.close;
    const a = notifyAdaptersFromEnv({ SMTP_URL: `smtp://notify:s3cret@127.0.0.1:${smtp.port}`, MAIL_FROM: '泰州政务服务 <noreply@zwfw.example.gov.cn>', PUBLIC_URL: 'https://zwfw.example.gov.cn/' });
    expect(a.email).toMatchObject({ provider: 'smtp', simulated: false });
    expect(a.sms.provider).toBe('dev-outbox');
    expect(a.publicUrl).toBe('https://zwfw.example.gov.cn');
    await a.email.send({ to: 'liming@example.com', subject: '【通办】申请已受理', text: '您的《个体工商户设立登记》申请已受理，办理期限至 2026年12月1日。' });
    expect(smtp.received).toHaveLength(1);
    const m = smtp.received[0]!;
    expect(m.auth).toBe('\u0000notify\u0000s3cret');
    expect(m.from).toContain('noreply@zwfw.example.gov.cn');
    expect(m.to).toEqual(['RCPT TO:<liming@example.com>']);
    expect(m.data).toMatch(/^Subject: /m);
    expect(m.data).toMatch(/^From: =\?UTF-8\?/m);
  });

  it('defaults the sender', () => {
    expect(DEFAULT_MAIL_FROM).toMatch(/<noreply@/);
  });
});
