import { scaleBand, scaleLinear } from "d3-scale";
import { getTranslations } from "next-intl/server";
import { getPlanFormat } from "./plan-format";

const WIDTH = 560;
const HEIGHT = 160;
const PADDING = { top: 8, right: 8, bottom: 24, left: 8 };

// Daily data use as bars, drawn on the server (no chart script in the browser), with the
// same figures in a table for screen readers.
export async function UsageChart({ days }: { days: { date: string; bytes: bigint }[] }) {
  const [t, plan] = await Promise.all([getTranslations("Dashboard"), getPlanFormat()]);
  const mb = days.map((day) => ({ date: day.date, mb: Number(day.bytes) / 1_048_576 }));
  const x = scaleBand<string>()
    .domain(mb.map((d) => d.date))
    .range([PADDING.left, WIDTH - PADDING.right])
    .padding(0.2);
  const y = scaleLinear()
    .domain([0, Math.max(1, ...mb.map((d) => d.mb))])
    .nice()
    .range([HEIGHT - PADDING.bottom, PADDING.top]);

  return (
    <figure aria-labelledby="usage-chart-title">
      <figcaption id="usage-chart-title" className="font-semibold">
        {t("chartTitle")}
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="mt-2 w-full" aria-hidden="true" data-testid="usage-chart">
        {mb.map((day) => (
          <g key={day.date}>
            <rect
              x={x(day.date)}
              y={y(day.mb)}
              width={x.bandwidth()}
              height={Math.max(0, y(0) - y(day.mb))}
              rx={2}
              className="fill-brand-600"
              data-bytes={day.mb > 0 ? "used" : "none"}
            />
            <text
              x={(x(day.date) ?? 0) + x.bandwidth() / 2}
              y={HEIGHT - 8}
              textAnchor="middle"
              className="fill-slate-600 text-[9px]"
            >
              {day.date.slice(8)}
            </text>
          </g>
        ))}
        <line x1={PADDING.left} x2={WIDTH - PADDING.right} y1={y(0)} y2={y(0)} className="stroke-slate-300" />
      </svg>
      <table className="sr-only">
        <thead>
          <tr>
            <th scope="col">{t("chartDay")}</th>
            <th scope="col">{t("chartUsed")}</th>
          </tr>
        </thead>
        <tbody>
          {mb.map((day) => (
            <tr key={day.date}>
              <td>{day.date}</td>
              <td>{plan.data(day.mb)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
