#!/usr/bin/env python3
"""merge_process_labels.py ALL.jsonl A1.csv,A2.csv B1.csv,B2.csv ADJUDICATED.csv > devset/process-labels.csv

Builds the stated-round labels (issue 19) from two independent readers and the third reading of
their disagreements. ALL.jsonl is what `roleradar ingest run` wrote for every source of
../shared/data. The readers labelled the candidates: every posting with a word about interviews or
a hiring process outside boilerplate lines (devset/README.md says which words); where they agree
their answer stands, where not the third reading's. Every other posting gets describesProcess
false ("not a candidate"). Postings with the same source, title and text share one reading.
"""
import csv, json, sys

def read(paths):
    rows = {}
    for p in paths.split(","):
        for r in csv.DictReader(open(p, newline="")):
            rows[r["id"]] = r
    return rows

def rounds(r):
    return {x for x in (r.get("statedRounds") or "").split(";") if x}

def main(all_path, a_paths, b_paths, adjudicated_path):
    a, b = read(a_paths), read(b_paths)
    adj = {r["id"]: r for r in csv.DictReader(open(adjudicated_path, newline=""))}
    decided = {}
    for i in a:
        ra, rb = a[i], b[i]
        if ra["describesProcess"] == rb["describesProcess"] and rounds(ra) == rounds(rb):
            decided[i] = (ra["describesProcess"], ";".join(sorted(rounds(ra))), ra["steps"], ra["notes"])
        else:
            describes, _, stated = adj[i]["decision"].partition("/")
            steps = ra["steps"] if rounds(ra) == set(filter(None, stated.split(";"))) else rb["steps"]
            decided[i] = (describes, ";".join(sorted(filter(None, stated.split(";")))), steps,
                          "third reading: " + adj[i]["reason"])
    posts = [json.loads(l) for l in open(all_path)]
    by_text = {}
    for p in posts:
        if p["id"] in decided:
            by_text[(p["source"], p["title"], p["description"])] = decided[p["id"]]
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(["id", "describesProcess", "statedRounds", "steps", "notes"])
    for p in posts:
        label = decided.get(p["id"]) or by_text.get((p["source"], p["title"], p["description"]))
        if label is None:
            label = ("false", "", "", "not a candidate: no word about interviews or a hiring process")
        w.writerow([p["id"], *label])

if __name__ == "__main__":
    main(*sys.argv[1:5])
