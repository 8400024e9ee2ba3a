#!/usr/bin/env python3
"""Writes devset/split.csv: for every source (company) of the dev set, whether it is `tune` or `locked`.

Run once, from the repository root: `python3 devset/tools/make_split.py > devset/split.csv`.
Deterministic: the same data folder always gives the same file (fixed seed, sorted input).

- The 35 sources of the first labels (the Ashby boards of ../shared/data/ashby-boards and the
  Glassdoor CSV) are `tune`: the rules were tuned on them by hand before the split existed.
- Of the boards of ../shared/data/ashby-boards-more, LOCKED of them, picked at random with SEED,
  are `locked`: a test part no one looks at while tuning (issue 13); the rest are `tune`.

A source is named as ingest names it: `ashby:{board file name without .json, lower-cased}` (ingest
keeps a URL-encoded name as it is: `Forward%20Financing.json` is `ashby:forward%20financing`) and
`csv:glassdoor_jobs`. `roleradar evaluate --split` also matches the decoded spelling.
"""
import os
import random
import sys

SEED = 2026
LOCKED = 70


def board_sources(folder):
    return sorted("ashby:" + name[: -len(".json")].lower() for name in os.listdir(folder) if name.endswith(".json"))


def main(data="../shared/data"):
    first = board_sources(os.path.join(data, "ashby-boards")) + ["csv:glassdoor_jobs"]
    more = board_sources(os.path.join(data, "ashby-boards-more"))
    overlap = set(first) & set(more)
    if overlap:
        sys.exit(f"make_split: boards in both folders: {sorted(overlap)}")
    locked = set(random.Random(SEED).sample(more, LOCKED))
    rows = [(s, "tune") for s in first] + [(s, "locked" if s in locked else "tune") for s in more]
    out = sys.stdout
    out.write("source,part\n")
    for source, part in sorted(rows):
        out.write(f"{source},{part}\n")
    print(f"make_split: {len(rows)} sources, {len(locked)} locked ({len(locked) / len(rows):.0%})", file=sys.stderr)


if __name__ == "__main__":
    main(*sys.argv[1:])
