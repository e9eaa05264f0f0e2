import { format, type Locale, type Message } from '../i18n/i18n.ts';

/**
 * The one error type of the platform. `code` is stable (clients and tests rely on it), `status` is the HTTP
 * status, `params` fill the message and are returned as `details`. Each module declares its errors once with
 * `defineErrors`, messages in both languages; the HTTP layer renders them (see http/error-handler.ts).
 */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly params: Record<string, unknown>;
  readonly messages: Message;
  constructor(code: string, status: number, messages: Message, params: Record<string, unknown> = {}) {
    super(format(messages['en-US'], params));
    this.name = 'AppError';
    this.code = code;
    this.status = status;
    this.params = params;
    this.messages = messages;
  }
  localized(locale: Locale): string {
    return format(this.messages[locale], this.params);
  }
}

export type ErrorSpec = { status: number; 'zh-CN': string; 'en-US': string };
export type ErrorFactory = (params?: Record<string, unknown>) => AppError;

/** Declare a module's errors: `const E = defineErrors({CASE_NOT_FOUND: {status: 404, 'zh-CN': …, 'en-US': …}})`, then `throw E.CASE_NOT_FOUND({id})`. */
export function defineErrors<K extends string>(specs: Record<K, ErrorSpec>): Record<K, ErrorFactory> {
  const out = {} as Record<K, ErrorFactory>;
  for (const code of Object.keys(specs) as K[]) {
    const spec = specs[code];
    out[code] = (params = {}) => new AppError(code, spec.status, { 'zh-CN': spec['zh-CN'], 'en-US': spec['en-US'] }, params);
  }
  return out;
}

/** Errors of the HTTP layer itself. */
export const HttpErrors = defineErrors({
  VALIDATION_FAILED: { status: 400, 'zh-CN': '提交的内容不符合要求：{summary}', 'en-US': 'The request is not valid: {summary}' },
  BAD_REQUEST: { status: 400, 'zh-CN': '请求无法处理：{reason}', 'en-US': 'The request could not be processed: {reason}' },
  UNAUTHENTICATED: { status: 401, 'zh-CN': '请先登录', 'en-US': 'Please sign in first' },
  FORBIDDEN: { status: 403, 'zh-CN': '您没有权限进行此操作', 'en-US': 'You are not allowed to do this' },
  CSRF_FAILED: { status: 403, 'zh-CN': '页面已过期，请刷新后重试', 'en-US': 'The page has expired; reload it and try again (CSRF token missing or wrong)' },
  NOT_FOUND: { status: 404, 'zh-CN': '找不到该地址：{url}', 'en-US': 'No such address: {url}' },
  URI_TOO_LONG: { status: 414, 'zh-CN': '地址中的某一段太长，请检查链接是否完整、有没有多余的内容', 'en-US': 'A part of the address is too long; check that the link is complete and has nothing extra' },
  BAD_URL: { status: 400, 'zh-CN': '地址的写法不对，请检查链接是否完整', 'en-US': 'The address is malformed; check that the link is complete' },
  METHOD_NOT_ALLOWED: { status: 405, 'zh-CN': '不支持该请求方法', 'en-US': 'Method not allowed' },
  PAYLOAD_TOO_LARGE: { status: 413, 'zh-CN': '提交的内容太大（上限 {limit}）', 'en-US': 'The request is too large (limit {limit})' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, 'zh-CN': '不支持的内容类型：{type}', 'en-US': 'Unsupported content type: {type}' },
  RATE_LIMITED: { status: 429, 'zh-CN': '操作太频繁，请 {retryAfter} 后再试', 'en-US': 'Too many requests; try again in {retryAfter}' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, 'zh-CN': '同一个请求编号（Idempotency-Key）不能用于不同的内容', 'en-US': 'This Idempotency-Key was already used for a different request' },
  INTERNAL: { status: 500, 'zh-CN': '系统出现问题，请稍后再试。如问题持续，请联系客服并提供编号 {requestId}', 'en-US': 'Something went wrong on our side. If it persists, contact support with reference {requestId}' },
  UNAVAILABLE: { status: 503, 'zh-CN': '系统暂时不可用：{reason}', 'en-US': 'Service unavailable: {reason}' },
});
