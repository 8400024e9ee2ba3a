#!/usr/bin/env python3
"""merge_labels.py ALL.jsonl OUT.csv A.csv:B.csv:ADJUDICATED.csv [A.csv:B.csv:ADJ.csv ...]

Makes the dev-set labels of postings read by two independent labellers: a field both gave the same
answer keeps it; a field they disagree on takes the third reading's decision (ADJUDICATED.csv:
id,field,decision,reason). A posting the third reading made no ML role loses its ML-only fields.
Postings of ALL.jsonl with the same source, title and text as a labelled one (the same role in
another city) get a copy of its labels under their own id, so each text was read once.
"""
import csv, json, sys

COLUMNS = ["id", "company", "title", "mlRole", "responsibility", "specialization", "domains", "level",
           "manager", "notes"]
FIELDS = ["mlRole", "responsibility", "specialization", "domains", "level", "manager"]

def rows(path):
    return list(csv.DictReader(open(path, newline="")))

def norm_domains(v):
    return ";".join(sorted(d for d in (v or "").split(";") if d))

def merge(a_path, b_path, adj_path):
    b = {r["id"]: r for r in rows(b_path)}
    adj = {}
    for r in rows(adj_path):
        adj[(r["id"], r["field"])] = r
    out = []
    for ra in rows(a_path):
        rb = b[ra["id"]]
        label = {c: ra[c] for c in COLUMNS}
        third = []
        for f in FIELDS:
            va, vb = ra[f], rb[f]
            if f == "domains":
                va, vb = norm_domains(va), norm_domains(vb)
            if va == vb:
                label[f] = va
            elif (ra["id"], f) in adj:
                label[f] = norm_domains(adj[(ra["id"], f)]["decision"]) if f == "domains" \
                    else adj[(ra["id"], f)]["decision"].strip()
                third.append(f + ": " + adj[(ra["id"], f)]["reason"])
            else:
                raise SystemExit(f"no third reading for {ra['id']} {f}: {va!r} vs {vb!r}")
        if label["mlRole"] != "true":
            label["responsibility"] = label["specialization"] = label["domains"] = ""
        if third:
            label["notes"] = ((label["notes"] + " ") if label["notes"] else "") + "Third reading: " + " ".join(third)
        out.append(label)
    return out

def main(all_path, out_path, *triples):
    labels = []
    for t in triples:
        labels += merge(*t.split(":"))
    posts = [json.loads(l) for l in open(all_path)]
    by_id = {p["id"]: p for p in posts}
    key = lambda p: (p["source"], p["title"], p["description"])
    labelled = {l["id"] for l in labels}
    by_key = {key(by_id[l["id"]]): l for l in labels if l["id"] in by_id}
    copies = []
    for p in posts:
        l = by_key.get(key(p))
        if l is not None and p["id"] not in labelled:
            c = dict(l, id=p["id"], notes=("Same text as " + l["id"] + ". " + l["notes"]).strip())
            copies.append(c)
    with open(out_path, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(labels + copies)
    ml = sum(1 for l in labels + copies if l["mlRole"] == "true")
    print(f"{out_path}: {len(labels)} read, {len(copies)} copies of the same text, {ml} ML roles", file=sys.stderr)

if __name__ == "__main__":
    main(*sys.argv[1:])
