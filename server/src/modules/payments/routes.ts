import { randomBytes } from 'node:crypto';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { App } from '../../platform/http/server.ts';
import { ErrorResponse } from '../../platform/http/schemas.ts';
import type { Db } from '../../platform/db/db.ts';
import { PAYMENT_SIMULATOR, paymentProvidersFromEnv, type PaymentProviders, type PaymentSimulator } from './adapters/index.ts';
import { PaymentErrors } from './errors.ts';
import { CallbackAnswer, CreatedPayment, PaymentOrder } from './schema.ts';
import * as service from './service.ts';
import type { PaymentOrderView } from './service.ts';

const IdParam = Type.Object({ id: Type.String({ format: 'uuid', description: 'Case id' }) });
const ProviderParam = Type.Object({ provider: Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z0-9-]+$', description: 'Payment provider name' }) });
const RefParam = Type.Object({ ref: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$', description: 'The simulator’s order reference' }) });
/** Callbacks are small; anything bigger is not a provider's notification. */
const CALLBACK_BODY_LIMIT = 64 * 1024;

export type PaymentsRouteDeps = { db: Db; findCase: service.FindCase; providers?: PaymentProviders };

/**
 * Payment routes. Async: the callback routes live in their own encapsulated scope, which reads bodies as raw bytes
 * (the signature covers the exact bytes received), so call it with `await`.
 */
export async function paymentsRoutes(app: App, routeDeps: PaymentsRouteDeps) {
  const deps: service.PaymentsDeps = { db: routeDeps.db, findCase: routeDeps.findCase, providers: routeDeps.providers ?? paymentProvidersFromEnv() };

  app.post(
    '/api/v1/cases/:id/payments',
    {
      config: { access: 'case:apply' },
      schema: {
        tags: ['payments'],
        summary: 'Pay the fees of one’s own case online: opens an order for the fees of the pinned item version (201), or returns the pending one (200)',
        params: IdParam,
        response: { 200: CreatedPayment, 201: CreatedPayment, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (req, reply) => {
      const { order, created } = await service.createPaymentOrder(deps, req.actor!, req.params.id, { ip: req.ip });
      return reply.status(created ? 201 : 200).send({ orderId: order.id, payUrl: order.payUrl!, amountFen: order.amountFen, status: order.status });
    },
  );

  app.get(
    '/api/v1/cases/:id/payments',
    {
      config: { access: 'case:read' },
      schema: { tags: ['payments'], summary: 'The payment orders of a case, newest first', params: IdParam, response: { 200: Type.Object({ orders: Type.Array(PaymentOrder) }), 403: ErrorResponse, 404: ErrorResponse } },
    },
    async (req, reply) => {
      reply.header('cache-control', 'private, no-store');
      return { orders: await service.listPayments(deps, req.actor!, req.params.id) };
    },
  );

  const simulator = deps.providers.byName.get(PAYMENT_SIMULATOR) as PaymentSimulator | undefined;

  await app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<TypeBoxTypeProvider>();
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: CALLBACK_BODY_LIMIT }, (_req, body, done) => done(null, body));

    scope.post(
      '/api/v1/payments/callback/:provider',
      {
        config: { access: 'public' },
        schema: {
          tags: ['payments'],
          summary: 'Payment provider notification (signed). Bad signature 401, unknown order 404, wrong amount 400; a repeated notification answers 200 and changes nothing.',
          params: ProviderParam,
          response: { 200: CallbackAnswer, 400: ErrorResponse, 401: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (req) => {
        const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const r = await service.handlePaymentCallback(deps, req.params.provider, req.headers, raw, { ip: req.ip });
        return { code: 'SUCCESS' as const, orderId: r.orderId, status: r.status, changed: r.changed };
      },
    );

    if (!simulator) return;

    scope.get(
      '/api/v1/payments/simulator/pay/:ref',
      {
        config: { access: 'public' },
        schema: {
          tags: ['payments'],
          summary: 'Payment simulator: its cashier page (HTML) with the amount and a 确认支付 button. No money moves.',
          params: RefParam,
          produces: ['text/html'],
          response: { 200: { description: 'Cashier page', content: { 'text/html': { schema: Type.String() } } }, 404: ErrorResponse },
        },
      },
      async (req, reply) => {
        const order = await service.findOrderByRef(deps.db, simulator.name, req.params.ref);
        if (!order) throw PaymentErrors.ORDER_NOT_FOUND({ ref: req.params.ref });
        const nonce = randomBytes(16).toString('base64');
        reply.header('content-type', 'text/html; charset=utf-8');
        reply.header('cache-control', 'no-store');
        reply.header('content-security-policy', `default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${nonce}'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`);
        return reply.send(cashierPage(order, nonce));
      },
    );

    scope.post(
      '/api/v1/payments/simulator/pay/:ref',
      {
        config: { access: 'public' },
        schema: {
          tags: ['payments'],
          summary: 'Payment simulator: “pay” (or with outcome=failed, fail) an order. The simulator sends the signed callback to this platform’s callback handler in-process.',
          params: RefParam,
          querystring: Type.Object({ outcome: Type.Optional(Type.Union([Type.Literal('paid'), Type.Literal('failed')], { default: 'paid' })) }),
          response: {
            200: Type.Object({ orderId: Type.String({ format: 'uuid' }), status: Type.String(), changed: Type.Boolean(), returnUrl: Type.String({ description: 'The case in the portal' }) }),
            404: ErrorResponse,
          },
        },
      },
      async (req) => {
        const order = await service.findOrderByRef(deps.db, simulator.name, req.params.ref);
        if (!order) throw PaymentErrors.ORDER_NOT_FOUND({ ref: req.params.ref });
        const cb = simulator.callbackFor({ providerRef: order.providerRef, orderId: order.id, amountFen: order.amountFen }, req.query.outcome === 'failed' ? 'FAILED' : 'SUCCESS');
        // Exactly what a provider's server would send, through the real callback route (signature check included).
        const res = await app.inject({ method: 'POST', url: `/api/v1/payments/callback/${simulator.name}`, headers: cb.headers, payload: cb.body });
        // The order exists and the simulator signed with its own secret: any other answer is a fault of ours.
        if (res.statusCode !== 200) throw new Error(`payment simulator: the callback handler answered ${res.statusCode} ${res.body}`);
        const answer = res.json() as { orderId: string; status: string; changed: boolean };
        return { orderId: answer.orderId, status: answer.status, changed: answer.changed, returnUrl: `/my/cases/${order.caseId}` };
      },
    );
  });
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Amount in fen as yuan with two decimals: 12000 → 120.00. */
export function yuan(fen: number): string {
  return `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

const STATUS_TEXT: Record<string, string> = { pending: '待支付', paid: '已支付', failed: '支付失败', refunded: '已退款' };

/** The simulator's cashier: amount, fee lines, 确认支付. Public; shows no personal data. */
function cashierPage(order: PaymentOrderView, nonce: string): string {
  const payable = order.status === 'pending';
  const rows = order.items.map((i) => `<tr><td>${escapeHtml(i.name)}</td><td class="num">¥${yuan(i.amountFen)}</td></tr>`).join('');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>支付模拟器 · 收银台</title>
<style>
body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;background:#f3f5f8;color:#1f2329;margin:0}
main{max-width:420px;margin:32px auto;background:#fff;border-radius:8px;padding:24px;box-shadow:0 1px 4px rgba(0,0,0,.08)}
.banner{background:#fff4e5;color:#8a5300;border-radius:4px;padding:8px 12px;font-size:13px;margin:0 0 16px}
h1{font-size:18px;margin:0 0 4px}.subject{color:#5f6670;font-size:14px;margin:0 0 12px}
.amount{font-size:34px;font-weight:600;margin:8px 0 16px}table{width:100%;border-collapse:collapse;font-size:14px;margin-bottom:16px}
td{padding:6px 0;border-bottom:1px solid #eef0f3}.num{text-align:right}.ref{color:#8a9099;font-size:12px}
button{width:100%;padding:12px;font-size:16px;border:0;border-radius:6px;background:#0b4ea2;color:#fff;cursor:pointer;margin-top:8px}
button.secondary{background:#fff;color:#5f6670;border:1px solid #c9d2dd}#result{min-height:1.5em;font-size:15px;margin-top:14px}
</style></head>
<body><main>
<p class="banner">支付模拟器：仅用于开发和演示，不会真实扣款。</p>
<h1>收银台</h1>
<p class="subject">${escapeHtml(order.subject)}</p>
<p class="amount">¥${yuan(order.amountFen)}</p>
<table>${rows}</table>
<p class="ref">订单号 ${escapeHtml(order.providerRef)} · ${STATUS_TEXT[order.status] ?? order.status}</p>
${payable ? '<button id="pay" type="button">确认支付</button><button id="fail" type="button" class="secondary">模拟支付失败</button>' : ''}
<p id="result" role="status"></p>
</main>
<script nonce="${nonce}">
(function(){
  var csrf=(document.cookie.split('; ').find(function(c){return c.indexOf('csrf_token=')===0})||'').slice(11);
  var out=document.getElementById('result');
  function send(outcome){
    document.querySelectorAll('button').forEach(function(b){b.disabled=true});
    fetch(location.pathname+(outcome==='failed'?'?outcome=failed':''),{method:'POST',credentials:'same-origin',headers:csrf?{'x-csrf-token':decodeURIComponent(csrf)}:{}})
      .then(function(r){return r.json()})
      .then(function(d){
        if(d.error){out.textContent=d.error.message;return}
        out.textContent=d.status==='paid'?'支付成功，正在返回办件…':'支付未成功，请返回办件重新发起缴费。';
        setTimeout(function(){location.href=d.returnUrl},d.status==='paid'?1200:3000);
      })
      .catch(function(){out.textContent='网络错误，请重试。';document.querySelectorAll('button').forEach(function(b){b.disabled=false})});
  }
  var pay=document.getElementById('pay'),fail=document.getElementById('fail');
  if(pay)pay.addEventListener('click',function(){send('paid')});
  if(fail)fail.addEventListener('click',function(){send('failed')});
})();
</script>
</body></html>`;
}
