#!/usr/bin/env python3
"""Writes N synthetic CKAN package dicts as JSON lines (stdout or -o FILE).

Used by bench/run.sh when the real data.gov.tw listing is not available.
The output is importable with `pintu import --format ckan FILE`.
Deterministic: the same N and --seed give the same file.
"""
import argparse
import json
import random
import sys
import uuid

# Organizations: (slug, zh-TW title, English title). Several levels, as on data.gov.tw.
ORGS = [
    ("dgbas", "行政院主計總處", "Directorate-General of Budget, Accounting and Statistics"),
    ("coa", "行政院農業委員會", "Council of Agriculture"),
    ("epa", "行政院環境保護署", "Environmental Protection Administration"),
    ("moi", "內政部", "Ministry of the Interior"),
    ("motc", "交通部", "Ministry of Transportation and Communications"),
    ("mohw", "衛生福利部", "Ministry of Health and Welfare"),
    ("moe", "教育部", "Ministry of Education"),
    ("moc", "文化部", "Ministry of Culture"),
    ("taipei", "臺北市政府", "Taipei City Government"),
    ("new-taipei", "新北市政府", "New Taipei City Government"),
    ("taichung", "臺中市政府", "Taichung City Government"),
    ("kaohsiung", "高雄市政府", "Kaohsiung City Government"),
]
PLACES = [("臺北市", "Taipei City"), ("新北市", "New Taipei City"), ("桃園市", "Taoyuan City"),
          ("臺中市", "Taichung City"), ("臺南市", "Tainan City"), ("高雄市", "Kaohsiung City"),
          ("基隆市", "Keelung City"), ("花蓮縣", "Hualien County"), ("全國", "Nationwide")]
SUBJECTS = [("人口", "population"), ("交通事故", "traffic accidents"), ("空氣品質", "air quality"),
            ("公共廁所", "public toilets"), ("停車場", "parking lots"), ("長期照顧機構", "long-term care facilities"),
            ("農產品價格", "agricultural product prices"), ("學校", "schools"), ("圖書館", "libraries"),
            ("觀光遊憩據點", "tourist attractions"), ("用電量", "electricity consumption"),
            ("水質監測", "water quality monitoring"), ("公車路線", "bus routes"), ("醫療院所", "medical institutions")]
KINDS = [("統計", "statistics"), ("資料", "data"), ("名冊", "register"), ("月報表", "monthly report"),
         ("年報", "annual report"), ("分布位置", "locations")]
FORMATS = ["CSV", "JSON", "XML", "ODS", "XLSX"]
TAGS = ["統計", "人口", "交通", "環境", "健康", "教育", "文化", "農業", "觀光", "能源"]


def package(i, rnd):
    """One CKAN package dict; `i` keeps titles and names unique."""
    slug, org_zh, org_en = rnd.choice(ORGS)
    place_zh, place_en = rnd.choice(PLACES)
    subj_zh, subj_en = rnd.choice(SUBJECTS)
    kind_zh, kind_en = rnd.choice(KINDS)
    year = rnd.randint(2012, 2024)
    title_zh = f"{place_zh}{year}年{subj_zh}{kind_zh}（第{i}號）"
    title_en = f"{place_en} {subj_en} {kind_en} {year} (no. {i})"
    notes_zh = f"{org_zh}提供之{place_zh}{subj_zh}{kind_zh}，資料年度為{year}年，定期更新。"
    notes_en = f"{org_en} publishes {subj_en} {kind_en} for {place_en}, year {year}, updated regularly."
    month = rnd.randint(1, 12)
    day = rnd.randint(1, 28)
    resources = []
    for r in range(rnd.randint(1, 3)):
        fmt = rnd.choice(FORMATS)
        resources.append({
            "name": f"{subj_zh}{kind_zh} {fmt}",
            "url": f"https://data.example.gov.tw/{slug}/{i}/{r}.{fmt.lower()}",
            "format": fmt,
            "encoding": "UTF-8",
        })
    return {
        "id": str(uuid.UUID(int=rnd.getrandbits(128), version=4)),
        "name": f"bench-{slug}-{i:06d}",
        "title": title_zh,
        "title_translated": {"zh-TW": title_zh, "en": title_en},
        "notes": notes_zh,
        "notes_translated": {"zh-TW": notes_zh, "en": notes_en},
        "organization": {"name": slug, "title": org_zh,
                         "title_translated": {"zh-TW": org_zh, "en": org_en}},
        "tags": [{"name": t} for t in sorted(set(rnd.sample(TAGS, 3)))],
        "license_id": "OGDL-Taiwan-1.0",
        "issued": f"{year}-{month:02d}-{day:02d}",
        "frequency": rnd.choice(["monthly", "annual", "irregular"]),
        "maintainer": f"{org_zh}資料管理人",
        "maintainer_email": f"opendata@{slug}.example.gov.tw",
        "resources": resources,
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("n", type=int, help="number of datasets")
    ap.add_argument("-o", "--output", help="output file (default stdout)")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    out = open(a.output, "w", encoding="utf-8") if a.output else sys.stdout
    for i in range(1, a.n + 1):
        out.write(json.dumps(package(i, rnd), ensure_ascii=False) + "\n")
    if out is not sys.stdout:
        out.close()


if __name__ == "__main__":
    main()
