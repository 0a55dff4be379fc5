// What the demo account has been through, in Japan days counted back from the day the seed runs,
// so its history always ends now. Two Docomo eSIMs bought together: one active for six days, past
// its 75 % alert and topped up, the other installed on a second phone that has not reached Japan
// yet. And a three-day au pack for a friend's visit, which ended yesterday and can still be
// topped up.
import { startOfJstDay } from "../../lib/time/jst";

export type Step =
  | { kind: "phone"; event: "download" | "install"; at: Date }
  | { kind: "usage"; at: Date; receivedAt: Date; dataMb: number; voiceMinutes: number }
  | { kind: "top-up"; packSlug: string; at: Date };

export type StoryOrder = { planSlug: string; quantity: number; at: Date; esims: Step[][] };

const MINUTE = 60_000;
const DAY = 86_400_000;
// Carriers report a record a little after the traffic.
const REPORT_DELAY_MINUTES = 3;

type DayOfUse = { daysAgo: number; dataMb: number; callMinutes?: number; times?: string[] };

// When a phone's traffic is reported through a day, and the share of the day's data in each report.
const REPORT_TIMES = ["09:10", "13:40", "20:30"];
const SHARES = [0.3, 0.3, 0.4];
// Today's latest report, of a small share of the day's data.
const LATEST_REPORT_MINUTES = 15;
const LATEST_SHARE = 0.05;

export function demoStory(now: Date): StoryOrder[] {
  const today = startOfJstDay(now);
  const jst = (daysAgo: number, time: string) => {
    const [hours, minutes] = time.split(":").map(Number);
    return new Date(today.getTime() - daysAgo * DAY + (hours! * 60 + minutes!) * MINUTE);
  };
  const earliest = (a: Date, b: Date) => (a < b ? a : b);
  const phone = (daysAgo: number, time: string): Step[] => [
    { kind: "phone", event: "download", at: jst(daysAgo, time) },
    { kind: "phone", event: "install", at: new Date(jst(daysAgo, time).getTime() + MINUTE) },
  ];

  // A day's data in a few reports, the call (if any) in the middle one. Today has the reports
  // made so far, the latest a few minutes ago: the phone is in use.
  const use = ({ daysAgo, dataMb, callMinutes = 0, times = REPORT_TIMES }: DayOfUse): Step[] => {
    const reports = times
      .map((time, index) => ({ at: jst(daysAgo, time), index }))
      .filter(({ at }) => at <= now)
      .map(({ at, index }) => ({
        at,
        dataMb:
          index === times.length - 1
            ? dataMb - SHARES.slice(0, -1).reduce((sum, share) => sum + Math.round(dataMb * share), 0)
            : Math.round(dataMb * SHARES[index]!),
        voiceMinutes: index === 1 ? callMinutes : 0,
      }));
    if (daysAgo === 0) {
      const latest = Math.max((today.getTime() + now.getTime()) / 2, now.getTime() - LATEST_REPORT_MINUTES * MINUTE);
      reports.push({ at: new Date(latest), dataMb: Math.round(dataMb * LATEST_SHARE), voiceMinutes: 0 });
    }
    return reports.map((report) => ({
      kind: "usage" as const,
      ...report,
      receivedAt: earliest(new Date(report.at.getTime() + REPORT_DELAY_MINUTES * MINUTE), now),
    }));
  };

  const friendsVisit = [
    ...phone(4, "21:40"),
    ...[
      { daysAgo: 3, dataMb: 260, times: ["09:30", "14:10", "20:45"] },
      { daysAgo: 2, dataMb: 240, callMinutes: 3 },
      { daysAgo: 1, dataMb: 180 },
    ].flatMap(use),
  ];
  // Day 4 takes the plan past 75 %; the top-up follows the alert that evening.
  const activeSixDays = [
    ...phone(6, "19:41"),
    ...[
      { daysAgo: 5, dataMb: 350, times: ["10:05", "14:30", "21:15"] },
      { daysAgo: 4, dataMb: 520, callMinutes: 4 },
      { daysAgo: 3, dataMb: 610 },
      { daysAgo: 2, dataMb: 860, callMinutes: 7 },
      { daysAgo: 1, dataMb: 240 },
      { daysAgo: 0, dataMb: 150 },
    ].flatMap(use),
    { kind: "top-up" as const, packSlug: "docomo-topup-1gb-7d", at: jst(2, "21:25") },
  ];
  const notInJapanYet = phone(6, "19:44");

  return [
    { planSlug: "docomo-3gb-7d", quantity: 2, at: jst(6, "19:30"), esims: [activeSixDays, notInJapanYet] },
    { planSlug: "au-1gb-3d", quantity: 1, at: jst(4, "21:30"), esims: [friendsVisit] },
  ];
}
