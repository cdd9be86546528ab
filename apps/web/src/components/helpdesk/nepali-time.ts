// Nepali dates without the browser's help: some Chromium builds ship without the "ne" locale data and would
// silently fall back to English. Months are the Gregorian ones, named as Nepali readers know them.

const DIGITS = "०१२३४५६७८९";
const MONTHS = [
  "जनवरी",
  "फेब्रुअरी",
  "मार्च",
  "अप्रिल",
  "मे",
  "जुन",
  "जुलाई",
  "अगस्ट",
  "सेप्टेम्बर",
  "अक्टोबर",
  "नोभेम्बर",
  "डिसेम्बर",
];
const UNITS: Partial<Record<Intl.RelativeTimeFormatUnit, string>> = {
  year: "वर्ष",
  month: "महिना",
  day: "दिन",
  hour: "घण्टा",
  minute: "मिनेट",
};

export function devanagariDigits(text: string): string {
  return text.replace(/[0-9]/g, (digit) => DIGITS[Number(digit)] ?? digit);
}

let nepaliLocale: boolean | undefined;

/** Whether this JavaScript engine formats dates in Nepali itself. */
export function hasNepaliLocale(): boolean {
  nepaliLocale ??= Intl.DateTimeFormat.supportedLocalesOf(["ne"]).length > 0;
  return nepaliLocale;
}

/** "२२ नोभेम्बर २०२६, ०८:१८" in `timeZone`. */
export function nepaliAbsolute(value: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone,
      day: "numeric",
      month: "numeric",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(value)
      .map((part) => [part.type, part.value]),
  );
  const month = MONTHS[Number(parts.month) - 1] ?? "";
  return devanagariDigits(
    `${Number(parts.day)} ${month} ${parts.year}, ${parts.hour}:${parts.minute}`,
  );
}

/** "३ घण्टा अघि", "२ दिनमा", "अहिले". */
export function nepaliRelative(amount: number, unit: Intl.RelativeTimeFormatUnit): string {
  if (amount === 0) return "अहिले";
  const span = `${devanagariDigits(String(Math.abs(amount)))} ${UNITS[unit] ?? unit}`;
  return amount < 0 ? `${span} अघि` : `${span}मा`;
}

/** "३ दिन". */
export function nepaliDuration(amount: number, unit: "day" | "hour" | "minute"): string {
  return `${devanagariDigits(String(amount))} ${UNITS[unit] ?? unit}`;
}
