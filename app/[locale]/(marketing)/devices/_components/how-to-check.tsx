import { getTranslations } from "next-intl/server";

const TOPICS = ["eid", "unlocked", "china", "link"] as const;

export async function HowToCheck() {
  const t = await getTranslations("Devices.howToCheck");
  return (
    <section id="how-to-check" aria-labelledby="how-to-check-title" className="scroll-mt-4 rounded-xl bg-slate-50 p-5">
      <h2 id="how-to-check-title" className="text-xl font-semibold">
        {t("title")}
      </h2>
      <ul className="mt-4 grid gap-6 sm:grid-cols-2">
        {TOPICS.map((topic) => (
          <li key={topic} className="border-l-4 border-brand-600 pl-4">
            <h3 className="font-semibold">{t(`${topic}.title`)}</h3>
            <p className="mt-1 text-slate-700">{t(`${topic}.body`)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
