import { Alert, Button, Card, Typography } from 'antd';
import { PayCircleOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, api, errorMessage, request } from '../../api/client.ts';
import { useItem } from '../../api/items.ts';
import type { CaseDetail } from '../../api/types.ts';
import { formatDateTime, formatFen } from '../../components/format.ts';

interface PaymentOrder {
  id: string;
  amountFen: number;
  status: 'pending' | 'paid' | 'failed' | 'refunded';
  payUrl?: string;
  createdAt: string;
  paidAt: string | null;
}

/** The case's payment orders; null when the server has no payments (404). */
function usePayments(caseId: string) {
  return useQuery({
    queryKey: ['cases', 'payments', caseId] as const,
    queryFn: async ({ signal }) => {
      try {
        return (await request<{ orders: PaymentOrder[] }>(`/api/v1/cases/${encodeURIComponent(caseId)}/payments`, { signal })).orders;
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }
    },
    retry: false,
  });
}

/**
 * 缴费: the item's fees, what has been paid, and 在线缴费 (opens the payment provider's cashier) where the item
 * takes payment online. Hidden for free items and on a server without payments.
 */
export function CasePayments({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const item = useItem(c.implCode);
  const payments = usePayments(c.id);
  const pay = useMutation({
    mutationFn: () => api.post<{ payUrl: string }>(`/api/v1/cases/${encodeURIComponent(c.id)}/payments`),
    onSuccess: (r) => window.location.assign(r.payUrl),
    onSettled: () => void qc.invalidateQueries({ queryKey: ['cases', 'payments', c.id] }),
  });
  const fees = (item.data?.fees ?? []).filter((f) => f.amountFen > 0);
  const total = fees.reduce((s, f) => s + f.amountFen, 0);
  const orders = payments.data;
  if (!orders || (total === 0 && orders.length === 0)) return null;
  const paid = orders.find((o) => o.status === 'paid');
  const pending = orders.find((o) => o.status === 'pending');
  const payable = !paid && c.state !== 'declined' && c.decision?.result !== 'refuse';
  const online = !!item.data?.features?.onlinePayment;
  return (
    <Card title={<h2 style={{ fontSize: '1em', margin: 0 }}>{t('cases.feesTitle')}</h2>} style={{ marginTop: 16 }}>
      <ul style={{ listStyle: 'none', padding: 0, margin: '0 0 8px' }}>
        {fees.map((f, i) => (
          <li key={`${f.name}-${i}`} style={{ display: 'flex', justifyContent: 'space-between', gap: 12, padding: '4px 0' }}>
            <span>{f.name}</span>
            <span style={{ whiteSpace: 'nowrap' }}>{formatFen(f.amountFen)}</span>
          </li>
        ))}
      </ul>
      {paid ? (
        <Alert type="success" showIcon title={t('cases.feesPaid', { amount: formatFen(paid.amountFen), at: formatDateTime(paid.paidAt) })} />
      ) : payable && online ? (
        <>
          {orders.some((o) => o.status === 'failed') && <Typography.Paragraph type="warning">{t('cases.feesFailed')}</Typography.Paragraph>}
          {pay.isError && <Alert type="error" showIcon role="alert" title={errorMessage(pay.error)} style={{ marginBottom: 8 }} />}
          <Button
            type="primary"
            size="large"
            block
            icon={<PayCircleOutlined aria-hidden />}
            loading={pay.isPending}
            onClick={() => (pending?.payUrl ? window.location.assign(pending.payUrl) : pay.mutate())}
          >
            {pending ? t('cases.feesContinue') : t('cases.feesPay', { amount: formatFen(total) })}
          </Button>
        </>
      ) : (
        payable && <Typography.Text type="secondary">{t('cases.feesAtWindow')}</Typography.Text>
      )}
    </Card>
  );
}
