import { formatMoney } from '@vitrine/ui';

export interface ChartDay {
  day: string;
  salesMinor: number;
  orders: number;
}

const WIDTH = 720;
const HEIGHT = 200;
const PAD = { top: 12, right: 8, bottom: 24, left: 8 };

/**
 * Daily sales as bars in inline SVG (no chart library). Each bar has a <title> with the day, amount and
 * orders, and the whole chart a label; the numbers are also in the cards and the table around it.
 */
export function SalesChart({ days, currency, label }: { days: ChartDay[]; currency: string; label: string }) {
  const max = Math.max(1, ...days.map((d) => d.salesMinor));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, days.length);
  const bar = Math.max(1, slot * 0.7);
  const labelEvery = Math.ceil(days.length / 8);
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} data-testid="sales-chart" style={{ width: '100%', height: 'auto' }}>
      <line x1={PAD.left} x2={WIDTH - PAD.right} y1={HEIGHT - PAD.bottom} y2={HEIGHT - PAD.bottom} stroke="currentColor" strokeOpacity={0.3} />
      {days.map((d, i) => {
        const h = (d.salesMinor / max) * plotH;
        const x = PAD.left + i * slot + (slot - bar) / 2;
        return (
          <g key={d.day}>
            <rect x={x} y={HEIGHT - PAD.bottom - h} width={bar} height={Math.max(h, d.salesMinor > 0 ? 1 : 0)} fill="var(--brand, #2f6fed)" rx={1}>
              <title>{`${d.day}: ${formatMoney(d.salesMinor, currency, 'en-US')} · ${d.orders} order${d.orders === 1 ? '' : 's'}`}</title>
            </rect>
            {i % labelEvery === 0 ? (
              <text x={x + bar / 2} y={HEIGHT - 6} fontSize={11} textAnchor="middle" fill="currentColor" fillOpacity={0.7}>
                {d.day.slice(5)}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
