import { defineErrors } from '../../platform/http/errors.ts';

export const ExchangeErrors = defineErrors({
  RESOURCE_NOT_FOUND: { status: 404, 'zh-CN': '信息资源目录中没有“{code}”这项资源', 'en-US': 'The resource catalog has no resource "{code}"' },
  RESOURCE_EXISTS: { status: 409, 'zh-CN': '资源代码 {code} 已经存在', 'en-US': 'Resource code {code} already exists' },
  RESOURCE_INVALID: { status: 400, 'zh-CN': '资源信息有误：{reason}', 'en-US': 'The resource is not valid: {reason}' },
  RESOURCE_NOT_SHARED: { status: 409, 'zh-CN': '“{name}”不予共享，不能申请：{conditions}', 'en-US': '"{name}" is not shared and cannot be requested: {conditions}' },
  RESOURCE_NOT_PUBLISHED: { status: 409, 'zh-CN': '“{name}”尚未发布或已撤回，暂不能申请', 'en-US': '"{name}" is not published (draft or withdrawn); it cannot be requested' },
  FIELDS_INVALID: { status: 400, 'zh-CN': '申请的数据项有误：{reason}', 'en-US': 'The requested data items are not valid: {reason}' },
  UNMASK_REASON_REQUIRED: { status: 400, 'zh-CN': '申请不脱敏的敏感数据项（{fields}），请写明具体理由', 'en-US': 'Give the specific reason for receiving the sensitive items {fields} unmasked' },
  REQUEST_NOT_FOUND: { status: 404, 'zh-CN': '没有找到这份共享申请，或您无权查看', 'en-US': 'No such sharing request, or you may not see it' },
  REQUEST_WRONG_STAGE: { status: 409, 'zh-CN': '这份申请当前为“{stage}”，不能{action}', 'en-US': 'The request is at stage "{stage}"; it cannot be {action}' },
  NOT_PROVIDER: { status: 403, 'zh-CN': '只有资源提供部门（{provider}）的数据专员可以审批这份申请', 'en-US': 'Only a data officer of the providing department ({provider}) may decide this request' },
  REASON_REQUIRED: { status: 400, 'zh-CN': '请写明{action}的具体原因（例如不符合哪项共享条件），“不符合条件”之类的笼统说法不行', 'en-US': 'Give the specific reason for {action} (which sharing condition is not met); a generic phrase is not enough' },
  UNMASK_NOT_REQUESTED: { status: 400, 'zh-CN': '只能同意申请中要求不脱敏的数据项，{fields} 不在其中', 'en-US': 'Only items the request asked to receive unmasked may be approved; {fields} were not asked for' },
  GRANT_NOT_FOUND: { status: 404, 'zh-CN': '没有找到这项授权，或您无权查看', 'en-US': 'No such grant, or you may not see it' },
  GRANT_REVOKED: { status: 409, 'zh-CN': '这项授权已终止，不能再变更或新建密钥', 'en-US': 'This grant is revoked; it cannot be changed or get new keys' },
  KEY_NOT_FOUND: { status: 404, 'zh-CN': '没有找到这把接口密钥', 'en-US': 'No such API key' },
  // The exchange API (systems calling with an API key).
  API_KEY_INVALID: { status: 401, 'zh-CN': '接口密钥或访问令牌缺失、无效、已过期或已吊销：请用“共享申请—我的授权”中的密钥，或用接入系统的客户端凭据向 /oidc/token 换取令牌（请求头 Authorization: Bearer <密钥或令牌>）', 'en-US': 'The API key or access token is missing, unknown, expired or revoked; send Authorization: Bearer <key or client-credentials token>' },
  NO_GRANT: { status: 403, 'zh-CN': '本单位没有“{resource}”的共享授权：请先在“资源目录”中申请使用', 'en-US': 'Your organisation holds no grant for "{resource}"; request it in the resource catalog first' },
  GRANT_INACTIVE: { status: 403, 'zh-CN': '这把密钥所属的授权{status}，暂不能调用', 'en-US': 'The grant of this key is {status}; calls are refused' },
  WRONG_RESOURCE: { status: 403, 'zh-CN': '这把密钥只能调用“{granted}”，不能调用“{resource}”', 'en-US': 'This key is for "{granted}", not "{resource}"' },
  KEY_PARAM_INVALID: { status: 400, 'zh-CN': '请用 key 参数给出要查询的{keyTitle}（{reason}）', 'en-US': 'Give the {keyTitle} to look up in the key parameter ({reason})' },
  BULK_NOT_GRANTED: { status: 403, 'zh-CN': '一次只能查询 {max} 条（授权的上限），收到 {count} 条；不提供批量导出', 'en-US': 'At most {max} keys per call are granted, got {count}; no bulk reads' },
  RATE_LIMITED: { status: 429, 'zh-CN': '调用太频繁（授权每分钟 {perMinute} 次），请 {retryAfter} 秒后再试', 'en-US': 'Too many calls (the grant allows {perMinute} a minute); retry in {retryAfter} s' },
  QUOTA_EXCEEDED: { status: 429, 'zh-CN': '今天的调用次数已达授权上限（{quota} 次），请明天再试或申请调整', 'en-US': 'Today’s call quota ({quota}) is used up; try tomorrow or ask for a higher quota' },
  RECORD_NOT_FOUND: { status: 404, 'zh-CN': '没有查到{keyTitle}为 {key} 的记录', 'en-US': 'No record with {keyTitle} {key}' },
});
