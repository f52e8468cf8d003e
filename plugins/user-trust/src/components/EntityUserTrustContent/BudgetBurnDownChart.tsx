import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import {
  AlertTransition,
  SloEvaluation,
} from '@user-trust/plugin-user-trust-common';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import {
  formatBudgetLeft,
  formatDay,
  formatPercent,
  formatShortDay,
} from '../common/format';
import {
  ALERT_STATE_LABELS,
  alertMarkers,
  describeTransition,
} from '../common/alertFormat';

type Point = { day: string; budget: number | null };

/**
 * The y-axis in percent: always 0–100%, stretched in steps of 25 (or 50 for
 * long ranges) to an overspent minimum or an unused maximum.
 */
export function budgetAxis(points: Point[]): {
  domain: [number, number];
  ticks: number[];
} {
  const values = points
    .map(p => p.budget)
    .filter((v): v is number => v !== null);
  const low = Math.min(0, ...values);
  const high = Math.max(100, ...values);
  const step = high - low > 200 ? 50 : 25;
  const min = Math.floor(low / step) * step;
  const max = Math.ceil(high / step) * step;
  const ticks = [];
  for (let tick = min; tick <= max; tick += step) {
    ticks.push(tick);
  }
  return { domain: [min, max], ticks };
}

/** About six evenly spread days, always with the first and the last. */
export function dayTicks(points: Point[], count = 6): string[] {
  if (points.length <= count) {
    return points.map(p => p.day);
  }
  const step = Math.ceil((points.length - 1) / (count - 1));
  const ticks = points.filter((_, i) => i % step === 0).map(p => p.day);
  const last = points[points.length - 1].day;
  if (ticks[ticks.length - 1] !== last) {
    // Replace a tick too close to the end rather than crowd it.
    if (points.length - 1 - (ticks.length - 1) * step < step / 2) {
      ticks.pop();
    }
    ticks.push(last);
  }
  return ticks;
}

/** A sentence describing the chart, for screen readers. */
export function describeBurnDown(name: string, points: Point[]): string {
  const known = points.filter(p => p.budget !== null);
  if (known.length === 0) {
    return `Error budget burn-down of ${name}: no data.`;
  }
  const first = known[0];
  const last = known[known.length - 1];
  return `Error budget burn-down of ${name}: ${formatBudgetLeft(
    first.budget! / 100,
  )} on ${formatDay(first.day)}, ${formatBudgetLeft(
    last.budget! / 100,
  )} on ${formatDay(last.day)}.`;
}

/**
 * The error budget left at the end of each day of the SLO's window, with a
 * line at zero (budget exhausted). Days without data are gaps, not zeros;
 * days excluded because of known events are marked.
 */
export function BudgetBurnDownChart(props: {
  slo: SloEvaluation;
  /** Alert transitions of the entity; those of this SLO become markers. */
  transitions?: ReadonlyArray<AlertTransition>;
}) {
  const { slo } = props;
  const theme = useTheme();
  const name = slo.displayName ?? slo.name;
  const points: Point[] = slo.budgetHistory.map(p => ({
    day: p.day,
    budget:
      p.errorBudgetRemaining === null ||
      !Number.isFinite(p.errorBudgetRemaining)
        ? null
        : Number((p.errorBudgetRemaining * 100).toFixed(2)),
  }));

  if (!points.some(p => p.budget !== null)) {
    return (
      <Typography variant="body2" color="textSecondary">
        No budget history yet: the burn-down appears once the SLO has data.
      </Typography>
    );
  }

  const axis = budgetAxis(points);
  const days = new Set(points.map(p => p.day));
  const excluded = slo.excludedDays.filter(day => days.has(day));
  const markers = alertMarkers(
    props.transitions ?? [],
    slo.name,
    points.map(p => p.day),
  );
  const stateColor = (state: string) => {
    if (state === 'breached') {
      return theme.palette.status?.error ?? theme.palette.error.main;
    }
    if (state === 'at-risk') {
      return theme.palette.status?.warning ?? theme.palette.warning.main;
    }
    return theme.palette.status?.ok ?? theme.palette.success.main;
  };
  const markerText = markers
    .map(m => `${formatDay(m.day)}: ${describeTransition(m)}`)
    .join('; ');
  const axisTick = { fill: theme.palette.text.secondary, fontSize: 12 };
  const budgetColor = theme.palette.primary.main;
  const exhaustedColor =
    theme.palette.status?.error ?? theme.palette.error.main;

  return (
    <figure
      role="img"
      aria-label={`${describeBurnDown(name, points)}${
        markers.length > 0 ? ` Alert transitions: ${markerText}.` : ''
      }`}
      style={{ margin: 0, width: '100%' }}
    >
      <ResponsiveContainer width="100%" height={220}>
        <LineChart
          data={points}
          margin={{
            top: theme.spacing(1),
            right: theme.spacing(3),
            bottom: 0,
            left: 0,
          }}
        >
          <CartesianGrid stroke={theme.palette.divider} vertical={false} />
          <XAxis
            dataKey="day"
            tickFormatter={formatShortDay}
            tick={axisTick}
            stroke={theme.palette.divider}
            ticks={dayTicks(points)}
            interval={0}
          />
          <YAxis
            tickFormatter={(v: number) => formatPercent(v / 100)}
            tick={axisTick}
            stroke={theme.palette.divider}
            width={56}
            domain={axis.domain}
            ticks={axis.ticks}
            interval={0}
          />
          {excluded.map(day => (
            <ReferenceLine
              key={day}
              x={day}
              stroke={theme.palette.text.disabled}
              strokeDasharray="2 4"
            />
          ))}
          {markers.map(marker => (
            <ReferenceLine
              key={`alert-${marker.day}`}
              x={marker.day}
              stroke={stateColor(marker.to)}
              strokeWidth={2}
              label={{
                value: ALERT_STATE_LABELS[marker.to],
                position: 'insideTopRight',
                fill: stateColor(marker.to),
                fontSize: 11,
              }}
            />
          ))}
          <ReferenceLine
            y={0}
            stroke={exhaustedColor}
            strokeDasharray="4 4"
            label={{
              value: 'Budget exhausted',
              position: 'insideBottomLeft',
              fill: theme.palette.text.secondary,
              fontSize: 12,
            }}
          />
          <Tooltip
            formatter={(value: number) => [
              formatBudgetLeft(value / 100),
              'Error budget',
            ]}
            labelFormatter={(day: string) =>
              `${formatDay(day)}${
                slo.excludedDays.includes(day) ? ' (excluded: known event)' : ''
              }`
            }
            contentStyle={{
              backgroundColor: theme.palette.background.paper,
              borderColor: theme.palette.divider,
              color: theme.palette.text.primary,
            }}
            labelStyle={{ color: theme.palette.text.primary }}
          />
          <Line
            type="linear"
            dataKey="budget"
            name="Error budget left"
            stroke={budgetColor}
            strokeWidth={2}
            dot={false}
            connectNulls={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
      {markers.length > 0 && (
        <Typography
          component="figcaption"
          variant="caption"
          color="textSecondary"
          data-testid={`alert-markers-${slo.name}`}
        >
          Alert transitions (vertical lines): {markerText}
        </Typography>
      )}
    </figure>
  );
}
