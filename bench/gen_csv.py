#!/usr/bin/env python3
"""Writes a large, realistic Taiwanese CSV for the file-check benchmark (bench/check_bench.sh).

Usage: gen_csv.py OUT_FILE SIZE_MB [--seed N]

Columns like a long-term-care facility listing: integer id, Chinese names and addresses,
district, phone, ISO date, capacity (integer), ratio (number), coordinates, a free-text note
that is sometimes quoted (commas, doubled quotes), sometimes empty. UTF-8, LF, header row.
Deterministic for a given seed and size. Stdlib only.
"""
import random
import sys

DISTRICTS = ["中正區", "大同區", "中山區", "松山區", "大安區", "萬華區", "信義區", "士林區", "北投區",
             "內湖區", "南港區", "文山區", "板橋區", "三重區", "新莊區", "苗栗市", "竹北市", "東區"]
KINDS = ["長照中心", "日間照顧中心", "護理之家", "巷弄長照站", "社區整合型服務中心", "居家服務所", "養護中心"]
ROADS = ["中山北路", "忠孝東路", "信義路", "和平東路", "民生東路", "羅斯福路", "承德路", "重慶南路", "復興南路"]
NOTES = ["", "", "", "提供交通接送", "週六照常服務", "含失智專區, 需預約", "電話：02-2720-8889 轉 1234",
         'say "hello", please', "無障礙設施完善", "Wheelchair accessible; English spoken"]


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    out, size_mb = sys.argv[1], float(sys.argv[2])
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 20261127
    rnd = random.Random(seed)
    target = int(size_mb * 1024 * 1024)
    names = [f"臺北市{rnd.choice(['立', '私立', '財團法人'])}{rnd.choice(['康寧', '仁愛', '松年', '福安', '永和', '博愛'])}"
             f"{k}" for k in KINDS for _ in range(8)]
    notes = [('"' + n.replace('"', '""') + '"') if ("," in n or '"' in n) else n for n in NOTES]
    written = 0
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        header = "id,name,district,address,phone,opened,capacity,occupancy_rate,lat,lon,note\n"
        f.write(header)
        written += len(header.encode())
        i = 0
        while written < target:
            batch = []
            for _ in range(2000):
                i += 1
                d = rnd.choice(DISTRICTS)
                line = (f"{i},{rnd.choice(names)},{d},臺北市{d}{rnd.choice(ROADS)}{rnd.randint(1, 5)}段{rnd.randint(1, 400)}號,"
                        f"02-{rnd.randint(2000, 2999)}-{rnd.randint(1000, 9999)},"
                        f"20{rnd.randint(0, 25):02d}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d},"
                        f"{rnd.randint(10, 300)},{rnd.random():.3f},{25 + rnd.random() / 5:.5f},{121.4 + rnd.random() / 5:.5f},"
                        f"{rnd.choice(notes)}\n")
                batch.append(line)
            chunk = "".join(batch)
            f.write(chunk)
            written += len(chunk.encode())
    print(f"gen_csv: {out}: {written:,} bytes, {i:,} data rows")


if __name__ == "__main__":
    main()
