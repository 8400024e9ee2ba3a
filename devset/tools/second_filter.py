#!/usr/bin/env python3
"""second_filter.py ALL.jsonl devset/process-labels.csv > candidates.md

The second reading round of the hiring-process labels (issue 19): the postings the first word
filter did not show the readers ("not a candidate") whose text holds a word of a hiring step that
filter did not look for ("2-3 short technicals", "an onsite", "take-home", "trial day", "next
steps", "reference checks", ...). Written from what hiring processes say, not from the classifier's
rules or output. Prints, for each distinct text (same source, title and description once), its
id, title and the text around those words, as the readers saw them.
"""
import csv, json, re, sys

STEP_WORDS = re.compile(
    r"(?i)short technicals|\btechnicals\b|\ban onsite\b|\bonsite (interview|visit|day|round|loop)|final onsite"
    r"|virtual onsite|on-site interview|take[- ]home|live coding|coding (challenge|exercise|test|interview|assessment)"
    r"|pair[- ]programming (session|exercise|interview)|work trial|paid trial|trial (day|week|period)|phone screen"
    r"|recruiter (call|screen|chat)|intro(ductory)? (call|chat)|final round|technical (screen|assessment|challenge|test"
    r"|exercise)|case study (interview|round|exercise|presentation)|present a case study|culture fit|team fit"
    r"|reference check|next steps|\bstep \d|\bstage \d|\bround \d|we.ll (reach out|schedule)|meet the team"
    r"|skills? (test|assessment)|portfolio review|hiring manager (call|chat|conversation)")
CONTEXT = 350
MAX_CHARS = 3000


def main(all_path, labels_path):
    labels = {r["id"]: r for r in csv.DictReader(open(labels_path, newline=""))}
    seen = set()
    out = sys.stdout
    for line in open(all_path):
        p = json.loads(line)
        label = labels.get(p["id"])
        text = p["description"]
        key = (p["source"], p["title"], text)
        if not label or not label["notes"].startswith("not a candidate") or key in seen:
            continue
        spans = []
        for m in STEP_WORDS.finditer(text):
            start, end = max(0, m.start() - CONTEXT), min(len(text), m.end() + CONTEXT)
            if spans and start <= spans[-1][1]:
                spans[-1][1] = max(spans[-1][1], end)
            else:
                spans.append([start, end])
        if not spans:
            continue
        seen.add(key)
        snippet = " [...] ".join(text[s:e] for s, e in spans)[:MAX_CHARS]
        out.write(f"## {p['id']}\nTitle: {p['title']}\n\n{snippet}\n\n")


if __name__ == "__main__":
    main(*sys.argv[1:3])
