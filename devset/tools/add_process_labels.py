#!/usr/bin/env python3
"""add_process_labels.py ALL.jsonl LABELS.csv A.csv B.csv ADJUDICATED.csv > new-process-labels.csv

Adds a second reading round to devset/process-labels.csv (LABELS.csv): the postings its first word
filter did not show the readers ("not a candidate") that a second filter of hiring-step words
found (devset/README.md gives both filters). A.csv and B.csv are the two independent readings of
those postings (header id,describesProcess,statedRounds,steps,notes); where they agree their answer
stands, where not the third reading's (ADJUDICATED.csv, header id,decision,reason; decision
"true/ML_CODING;ML_CASE_STUDY" or "false/"). A label the first round gave is never changed; postings
with the same source, title and text as a posting read get its label, as in merge_process_labels.py.
"""
import csv, json, sys

FIELDS = ["id", "describesProcess", "statedRounds", "steps", "notes"]


def rows(path):
    return {r["id"]: r for r in csv.DictReader(open(path, newline=""))}


def rounds(r):
    return ";".join(sorted(x for x in (r.get("statedRounds") or "").split(";") if x))


def decide(a, b, adjudicated):
    decided = {}
    for i, ra in a.items():
        rb = b[i]
        if ra["describesProcess"] == rb["describesProcess"] and rounds(ra) == rounds(rb):
            decided[i] = [ra["describesProcess"], rounds(ra), ra["steps"], "second filter: " + ra["notes"]]
        else:
            describes, _, stated = adjudicated[i]["decision"].partition("/")
            stated = ";".join(sorted(x for x in stated.split(";") if x))
            steps = ra["steps"] if rounds(ra) == stated and ra["describesProcess"] == describes else rb["steps"]
            decided[i] = [describes, stated, steps if describes == "true" else "",
                          "second filter, third reading: " + adjudicated[i]["reason"]]
    return decided


def main(all_path, labels_path, a_path, b_path, adjudicated_path):
    a, b = rows(a_path), rows(b_path)
    if set(a) != set(b):
        sys.exit("the two readings do not cover the same postings")
    adjudicated = rows(adjudicated_path) if adjudicated_path != "-" else {}
    decided = decide(a, b, adjudicated)
    by_text = {}
    posts = [json.loads(line) for line in open(all_path)]
    for p in posts:
        if p["id"] in decided:
            by_text[(p["source"], p["title"], p["description"])] = decided[p["id"]]
    text_of = {p["id"]: (p["source"], p["title"], p["description"]) for p in posts}
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(FIELDS)
    for r in csv.DictReader(open(labels_path, newline="")):
        label = [r[f] for f in FIELDS[1:]]
        if r["notes"].startswith("not a candidate"):
            label = decided.get(r["id"]) or by_text.get(text_of.get(r["id"])) or label
        w.writerow([r["id"], *label])


if __name__ == "__main__":
    main(*sys.argv[1:6])
