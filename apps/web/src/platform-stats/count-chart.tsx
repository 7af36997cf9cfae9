export interface CountDay {
  day: string;
  count: number;
}

const WIDTH = 720;
const HEIGHT = 200;
const PAD = { top: 12, right: 8, bottom: 24, left: 8 };

/**
 * Counts per day as bars in inline SVG, in the style of the dashboard's SalesChart: each bar has a <title> with
 * the day and the count, and the chart a label; the numbers are also in the cards and tables around it.
 */
export function CountChart({ days, label, unit, testId }: { days: CountDay[]; label: string; unit: string; testId?: string }) {
  const max = Math.max(1, ...days.map((d) => d.count));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, days.length);
  const bar = Math.max(1, slot * 0.7);
  const labelEvery = Math.ceil(days.length / 8);
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} data-testid={testId} style={{ width: '100%', height: 'auto' }}>
      <line x1={PAD.left} x2={WIDTH - PAD.right} y1={HEIGHT - PAD.bottom} y2={HEIGHT - PAD.bottom} stroke="currentColor" strokeOpacity={0.3} />
      {days.map((d, i) => {
        const h = (d.count / max) * plotH;
        const x = PAD.left + i * slot + (slot - bar) / 2;
        return (
          <g key={d.day}>
            <rect x={x} y={HEIGHT - PAD.bottom - h} width={bar} height={Math.max(h, d.count > 0 ? 1 : 0)} fill="var(--brand, #2f6fed)" rx={1}>
              <title>{`${d.day}: ${d.count} ${unit}`}</title>
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
