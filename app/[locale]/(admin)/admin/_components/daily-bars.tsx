import { scaleBand, scaleLinear } from "d3-scale";

const WIDTH = 420;
const HEIGHT = 140;
const PADDING = { top: 8, right: 4, bottom: 22, left: 4 };

type Day = { date: string; value: number; label: string };

// One figure per Japan day as bars, drawn on the server, with the same figures in a table for
// screen readers (the drawing itself is hidden from them).
export function DailyBars({
  id,
  title,
  dayHeading,
  valueHeading,
  days,
}: {
  id: string;
  title: string;
  dayHeading: string;
  valueHeading: string;
  days: Day[];
}) {
  const x = scaleBand<string>()
    .domain(days.map((day) => day.date))
    .range([PADDING.left, WIDTH - PADDING.right])
    .padding(0.2);
  const y = scaleLinear()
    .domain([0, Math.max(1, ...days.map((day) => day.value))])
    .nice()
    .range([HEIGHT - PADDING.bottom, PADDING.top]);

  return (
    <figure aria-labelledby={`${id}-title`} className="rounded-lg border border-slate-200 p-4">
      <figcaption id={`${id}-title`} className="font-semibold">
        {title}
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="mt-2 w-full" aria-hidden="true" data-testid={id}>
        {days.map((day) => (
          <g key={day.date}>
            <rect
              x={x(day.date)}
              y={y(day.value)}
              width={x.bandwidth()}
              height={Math.max(0, y(0) - y(day.value))}
              rx={2}
              className="fill-brand-600"
            >
              <title>{`${day.date}: ${day.label}`}</title>
            </rect>
            <text
              x={(x(day.date) ?? 0) + x.bandwidth() / 2}
              y={HEIGHT - 6}
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
            <th scope="col">{dayHeading}</th>
            <th scope="col">{valueHeading}</th>
          </tr>
        </thead>
        <tbody>
          {days.map((day) => (
            <tr key={day.date}>
              <td>{day.date}</td>
              <td>{day.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
