import { defineErrors } from '../../platform/http/errors.ts';

export const PaymentErrors = defineErrors({
  CASE_NOT_FOUND: { status: 404, 'zh-CN': '找不到该办件，或您无权查看', 'en-US': 'Case not found, or you may not see it' },
  NOT_YOUR_CASE: { status: 403, 'zh-CN': '只有申请人本人可以为该办件缴费', 'en-US': 'Only the applicant may pay for this case' },
  ITEM_FREE: { status: 400, 'zh-CN': '该事项不收费，无需缴费', 'en-US': 'This item is free of charge; there is nothing to pay' },
  NOT_PAYABLE: { status: 409, 'zh-CN': '办件当前为“{state}”，无需缴费', 'en-US': 'The case is "{state}"; no fee is due' },
  ALREADY_PAID: { status: 409, 'zh-CN': '该办件的费用已经缴纳', 'en-US': 'The fees of this case are already paid' },
  PROVIDER_UNKNOWN: { status: 404, 'zh-CN': '没有名为 {provider} 的支付渠道', 'en-US': 'No payment provider named {provider}' },
  BAD_SIGNATURE: { status: 401, 'zh-CN': '支付通知的签名无效', 'en-US': 'The payment notification’s signature is not valid' },
  CALLBACK_INVALID: { status: 400, 'zh-CN': '支付通知的内容无法识别：{reason}', 'en-US': 'The payment notification cannot be read: {reason}' },
  ORDER_NOT_FOUND: { status: 404, 'zh-CN': '找不到支付订单 {ref}', 'en-US': 'No payment order {ref}' },
  AMOUNT_MISMATCH: { status: 400, 'zh-CN': '支付金额 {paidFen} 分与订单金额 {expectedFen} 分不一致', 'en-US': 'Paid amount {paidFen} fen differs from the order amount {expectedFen} fen' },
});
