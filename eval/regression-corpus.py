#!/usr/bin/env python3
"""Writes a regression corpus (31 postings per eval posting: 6,510 with dev 150 + test 60) for the classifier (eval dev+test postings and mixes of them) to
the path given (default /tmp/perf/in.jsonl). A speed-up of the classifier must leave
`./tpm-alerts score < corpus` byte-identical: score it before and after the change and cmp the two outputs."""
import json, random, sys
random.seed(7)
rows=[json.loads(l) for f in ["eval/dev/postings.jsonl","eval/test/postings.jsonl"] for l in open(f)]
out=[]
out.extend(rows)
titles=[r["title"] for r in rows]
for v in range(30):
    for i,r in enumerate(rows):
        o=rows[(i*7+v*13+1)%len(rows)]
        d=r["description"]; od=o["description"]
        cut=len(od)//3
        # mix: own description + tail of other; sometimes other's title
        desc=d+"\n"+od[cut:] if v%3 else od[:cut]+"\n"+d
        if v%5==4: desc=desc.replace("<p>","\n").replace("</p>","\n")
        t=r["title"] if v%4 else titles[(i+v)%len(titles)]
        out.append({"id":f"{r['id']}-v{v}","title":t,"company":o["company"] if v%6==5 else r["company"],"location":r.get("location"),"description":desc})
with open(sys.argv[1] if len(sys.argv) > 1 else "/tmp/perf/in.jsonl","w") as f:
    for r in out: f.write(json.dumps(r)+"\n")
print(len(out))
