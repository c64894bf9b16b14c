#!/usr/bin/env python3
"""Dumps every package_show body from a running pintu and writes the wrk path lists.

Usage: dump_docs.py HOST:PORT STATIC_ROOT OUT_DIR

- STATIC_ROOT/api/3/action/package_show/<slug>.json  = the exact body pintu serves
- OUT_DIR/paths_pintu_show.txt     /api/3/action/package_show?id=<slug>
- OUT_DIR/paths_nginx_show.txt     /api/3/action/package_show/<slug>.json
- OUT_DIR/paths_pintu_show_nocache.txt  same as pintu, plus an extra parameter that
  bypasses pintu's package_show response cache (diagnostic only)
- OUT_DIR/paths_search_q.txt / paths_search_fq.txt  package_search queries (rows=10)
- STATIC_ROOT/pages/dataset/<slug>.html and pages/search/<n>.html = the exact HTML pintu
  renders for /dataset/<slug> (every PAGE_EVERY-th dataset) and /dataset?q=<word>
- OUT_DIR/paths_{pintu,nginx}_page_{dataset,search}.txt  the portal page paths on both servers
- OUT_DIR/dump.json                summary (counts, bytes, search hit counts)
Uses one keep-alive connection (http.client), stdlib only.
"""
import http.client
import json
import os
import sys
import urllib.parse

# Common words in data.gov.tw titles (statistics, Taipei City, population, traffic …).
SEARCH_WORDS = ["統計", "臺北市", "人口", "交通", "資料", "高雄市", "學校", "農產品"]
MAX_ORGS = 12  # fq=organization:<slug> for the largest organizations
PAGE_EVERY = 18  # dataset pages: every 18th dataset (≈2,000 of 36,000) is dumped and requested


def main():
    hostport, static_root, out_dir = sys.argv[1:4]
    host, port = hostport.rsplit(":", 1)
    conn = http.client.HTTPConnection(host, int(port), timeout=30)

    def get(path):
        conn.request("GET", path)
        resp = conn.getresponse()
        body = resp.read()
        if resp.status != 200:
            raise SystemExit(f"dump_docs: GET {path} -> {resp.status}: {body[:200]!r}")
        return body

    slugs, page = [], 100000  # package_list allows at most 100000 names per call
    while True:
        batch = json.loads(get(f"/api/3/action/package_list?limit={page}&offset={len(slugs)}"))["result"]
        slugs += batch
        if len(batch) < page:
            break
    show_dir = os.path.join(static_root, "api/3/action/package_show")
    os.makedirs(show_dir, exist_ok=True)
    total_bytes = 0
    org_count = {}  # organization slug -> datasets, to filter on the largest ones
    q = urllib.parse.quote
    with open(os.path.join(out_dir, "paths_pintu_show.txt"), "w") as fp, \
         open(os.path.join(out_dir, "paths_pintu_show_nocache.txt"), "w") as fu, \
         open(os.path.join(out_dir, "paths_nginx_show.txt"), "w") as fn:
        for slug in slugs:
            if "/" in slug or slug.startswith("."):
                raise SystemExit(f"dump_docs: unexpected slug {slug!r}")
            path = f"/api/3/action/package_show?id={q(slug, safe='')}"
            body = get(path)
            total_bytes += len(body)
            org = (json.loads(body)["result"].get("organization") or {}).get("name")
            if org:
                org_count[org] = org_count.get(org, 0) + 1
            with open(os.path.join(show_dir, slug + ".json"), "wb") as f:
                f.write(body)
            fp.write(path + "\n")
            fu.write(path + "&bench_nocache=\n")
            fn.write(f"/api/3/action/package_show/{q(slug + '.json')}\n")

    # package_search: free-text words and organization filters (rows=10).
    hits = {}
    with open(os.path.join(out_dir, "paths_search_q.txt"), "w") as f:
        for w in SEARCH_WORDS:
            path = f"/api/3/action/package_search?q={q(w)}&rows=10"
            hits["q=" + w] = json.loads(get(path))["result"]["count"]
            f.write(path + "&bench_nocache=\n")  # random suffix per request: measures the search itself
    orgs = sorted(org_count, key=lambda o: (-org_count[o], o))
    with open(os.path.join(out_dir, "paths_search_fq.txt"), "w") as f:
        for o in orgs[:MAX_ORGS]:
            path = f"/api/3/action/package_search?fq={q('organization:' + o)}&rows=10"
            hits["fq=organization:" + o] = json.loads(get(path))["result"]["count"]
            f.write(path + "&bench_nocache=\n")
    # Portal pages (HTML): dataset pages and search result pages, same bytes for nginx.
    page_bytes = {"dataset": 0, "search": 0}
    os.makedirs(os.path.join(static_root, "pages/dataset"), exist_ok=True)
    os.makedirs(os.path.join(static_root, "pages/search"), exist_ok=True)
    with open(os.path.join(out_dir, "paths_pintu_page_dataset.txt"), "w") as fp, \
         open(os.path.join(out_dir, "paths_nginx_page_dataset.txt"), "w") as fn:
        for slug in slugs[::PAGE_EVERY]:
            path = f"/dataset/{q(slug, safe='')}"
            body = get(path)
            page_bytes["dataset"] += len(body)
            with open(os.path.join(static_root, "pages/dataset", slug + ".html"), "wb") as f:
                f.write(body)
            fp.write(path + "\n")
            fn.write(f"/pages/dataset/{q(slug + '.html')}\n")
    with open(os.path.join(out_dir, "paths_pintu_page_search.txt"), "w") as fp, \
         open(os.path.join(out_dir, "paths_nginx_page_search.txt"), "w") as fn:
        for i, w in enumerate(SEARCH_WORDS):
            path = f"/dataset?q={q(w)}"
            body = get(path)
            page_bytes["search"] += len(body)
            with open(os.path.join(static_root, f"pages/search/{i}.html"), "wb") as f:
                f.write(body)
            fp.write(path + "\n")
            fn.write(f"/pages/search/{i}.html\n")
    conn.close()
    n_pages = len(slugs[::PAGE_EVERY])

    summary = {"datasets": len(slugs), "show_bytes_total": total_bytes,
               "show_bytes_mean": total_bytes // max(1, len(slugs)), "search_hits": hits,
               "organizations": len(orgs), "dataset_pages": n_pages, "search_pages": len(SEARCH_WORDS),
               "dataset_page_bytes_mean": page_bytes["dataset"] // max(1, n_pages),
               "search_page_bytes_mean": page_bytes["search"] // len(SEARCH_WORDS)}
    with open(os.path.join(out_dir, "dump.json"), "w") as f:
        json.dump(summary, f, ensure_ascii=False, indent=1)
    print(json.dumps(summary, ensure_ascii=False))


if __name__ == "__main__":
    main()
