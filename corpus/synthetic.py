"""A synthetic corpus of any size, written from templates: for tests and notebooks that need a dataset bigger
than the demo (a thousand articles, several outlets per ceremony), without third-party text.

Every article is a short news report in the style of the demo corpus, about one ceremony between a regional
government and a counterpart (the province's Ombudsman office, the district prosecutor, the police, a
university, a regional bank), reported by one to four outlets on the day or the day after; one in eight is a
planned signing, one in ten a page about something else. The same seed gives the same corpus.

    python -m teken.corpus.synthetic OUT.jsonl --articles 1000 [--seed 7]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from pathlib import Path
from typing import Any

_DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
_OUTLETS = ["kabarnusa.example", "warta-daerah.example", "suarapublik.example", "beritakita.example",
            "lintasprovinsi.example", "harianwarga.example"]
_DOCS = [("nota kesepahaman", "MoU"), ("perjanjian kerja sama", "PKS"), ("nota kesepakatan", "MoU"),
         ("rencana kerja", "rencana kerja")]
_TOPICS = ["pengawasan pelayanan publik", "penanganan masalah hukum perdata dan tata usaha negara",
           "pengamanan aset daerah", "pengembangan sumber daya manusia", "penyelesaian laporan masyarakat",
           "pertukaran data dan informasi"]
_VENUES = ["Aula Kantor Bupati {r}", "Ruang Rapat Wali Kota {r}", "Pendopo {r}", "Gedung Serbaguna {r}",
           "Hotel Grand {r}"]


def _regions() -> list[tuple[str, str, str]]:
    """(code, regency or city name, province name) of every regency and city."""
    from teken.gazetteer import kemendagri_regions

    regions = kemendagri_regions()
    out = []
    for code, r in sorted(regions.items()):
        if r.level == "provinsi":
            continue
        province = regions.get(code[:2])
        out.append((code, r.name, province.name if province else ""))
    return out


def _counterpart(rng: random.Random, name: str, short: str, province: str) -> tuple[str, str]:
    """A counterpart institution and its head's title, as news writes them."""
    options = [
        (f"Ombudsman RI Perwakilan {province}", f"Kepala Ombudsman RI Perwakilan {province}"),
        (f"Kejaksaan Negeri {short}", f"Kepala Kejaksaan Negeri {short}"),
        (f"Polres {short}", f"Kapolres {short}"),
        (f"Universitas {short} Raya", f"Rektor Universitas {short} Raya"),
        (f"BPJS Kesehatan Cabang {short}", f"Kepala BPJS Kesehatan Cabang {short}"),
    ]
    return options[rng.randrange(len(options))]


def synthetic_articles(n: int, seed: int = 7) -> list[dict[str, Any]]:
    """`n` articles as JSON Lines records (id, url, published, title, text)."""
    rng = random.Random(seed)
    regions = _regions()
    out: list[dict[str, Any]] = []
    ceremony = 0
    while len(out) < n:
        ceremony += 1
        code, name, province = regions[rng.randrange(len(regions))]
        short = name.split(" ", 1)[1] if " " in name else name
        government = ("Pemerintah " + name)
        head = ("Wali Kota " if name.startswith("Kota ") else "Bupati ") + short
        other, other_head = _counterpart(rng, name, short, province)
        doc, doc_short = _DOCS[rng.randrange(len(_DOCS))]
        topic = _TOPICS[rng.randrange(len(_TOPICS))]
        day = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(7 * 365))
        venue = _VENUES[rng.randrange(len(_VENUES))].format(r=short)
        planned = rng.random() < 0.125
        other_topic = rng.random() < 0.1
        outlets = rng.sample(_OUTLETS, k=min(len(_OUTLETS), 1 + int(rng.random() * 4)))
        for k, outlet in enumerate(outlets):
            if len(out) >= n:
                break
            published = day + dt.timedelta(days=0 if k == 0 else rng.choice([0, 1]))
            when = f"{_DAYS[day.weekday()]} ({day.day}/{day.month}/{day.year})"
            city = short.upper()
            if other_topic:
                title = f"{head} Tinjau Pembangunan Jalan di {short}"
                text = (f"{city} - {head} meninjau pembangunan jalan lingkar di {name}, {when}. Pekerjaan itu "
                        f"ditargetkan selesai akhir tahun.\n\nMenurut dia, jalan tersebut penting bagi petani "
                        f"yang selama ini kesulitan mengangkut hasil panen ke pasar.")
            elif planned:
                title = f"{government} Akan Teken {doc_short} dengan {other}"
                text = (f"{city} - {government} akan menandatangani {doc} dengan {other} tentang {topic}. "
                        f"Penandatanganan dijadwalkan pada {when} di {venue}.\n\n{head} mengatakan kerja sama "
                        f"itu sudah lama dipersiapkan kedua pihak.")
            else:
                lead = [f"{government} dan {other} menandatangani {doc} tentang {topic} di {venue}, {when}.",
                        f"{head} dan {other_head} meneken {doc} tentang {topic} di {venue}, {when}.",
                        f"{government} menjalin kerja sama dengan {other} tentang {topic}. Kerja sama itu "
                        f"ditandai penandatanganan {doc} di {venue}, {when}."][k % 3]
                title = f"{government} dan {other} Teken {doc_short}"
                text = (f"{city} - {lead}\n\n{head} berharap kerja sama ini dapat meningkatkan kualitas "
                        f"pelayanan kepada masyarakat. \"Kami ingin warga merasakan manfaatnya,\" ujarnya.\n\n"
                        f"Penandatanganan turut disaksikan unsur Forkopimda dan para kepala perangkat daerah.")
            text += f"\n\nLaporan: redaksi {outlet.split('.')[0]}"  # each outlet's own page, not a copy
            slug = f"{ceremony:05d}-{k}"
            out.append({"id": f"syn-{slug}", "url": f"https://{outlet}/berita/{published:%Y/%m/%d}/{slug}",
                        "published": published.isoformat(), "title": title, "text": text})
    return out


def write_synthetic_corpus(path: str | Path, n: int, seed: int = 7) -> Path:
    target = Path(path)
    with open(target, "w", encoding="utf-8") as fh:
        for record in synthetic_articles(n, seed):
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return target


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m teken.corpus.synthetic", description=__doc__.split("\n\n")[0])
    p.add_argument("out", help="the JSON Lines file to write")
    p.add_argument("--articles", type=int, default=1000)
    p.add_argument("--seed", type=int, default=7)
    args = p.parse_args(argv)
    if args.articles < 1:
        print("python -m teken.corpus.synthetic: --articles must be at least 1", file=sys.stderr)
        return 2
    write_synthetic_corpus(args.out, args.articles, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
