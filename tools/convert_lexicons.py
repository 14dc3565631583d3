"""Dev tool: convert downloaded third-party word lists into slant's vendored TSV files.

    pip download vaderSentiment textblob --no-deps -d /tmp/src
    cd /tmp/src && npm pack hedges weasels fillers weasel-words
    python3 tools/convert_lexicons.py /tmp/src/*.whl /tmp/src/*.tgz

Reads the archives as downloaded (wheel or npm tarball), so the version and the licence
text come from the package itself, and writes `assets/lexicons/vendor/<name>.tsv` (sorted,
deterministic), one LICENSE-<name>.txt per source and README.md.  Run time never reads
XML or JavaScript: `analyzers/opinion/vendor.py` parses the TSV only.

Only MIT/PDDL sources are accepted; a package with another licence is refused.
Words that name events or topics (see TOPIC_WORDS) are never written: a sentiment score
says "killed" is negative, but reporting a killing is not an opinion.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import sys
import tarfile
import xml.etree.ElementTree as ET
import zipfile
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "assets" / "lexicons" / "vendor"
COLUMNS = ("word", "pos", "strength", "category", "polarity", "group")
ALLOWED = ("MIT", "PDDL")

# Written by us: words that report events, harm or topics; never opinion on their own.
TOPIC_WORDS = frozenset("""kill kills killed killing killer killers war wars crisis crises
    cancer attack attacks attacked attacking death deaths dead die died dies dying murder
    murders murdered murderer disaster disasters injured injury injuries wounded hurt
    violence violent fatal deadly bomb bombs bombing terror terrorism terrorist terrorists
    crime crimes criminal criminals illegal guilty arrest arrested prison jail victim
    victims rape raped abuse abused fire fires flood floods disease diseases sick ill
    illness pandemic virus poverty poor homeless unemployed unemployment debt loss losses
    lost fail failed failure fraud theft stolen steal shooting shot gun guns weapon
    weapons war-torn hostage hostages refugee refugees protest protests protesters
    strike strikes riot riots conflict conflicts fight fighting fought battle battles
    dangerous danger risk risks threat threats threatened emergency accident accidents
    damage damaged destroyed destruction suicide hospital hospitalized pain grief funeral
    tragedy tragic sad cried crying tears fear feared afraid worried worry concern
    concerned concerns problem problems issue issues win won wins winner winners
    victory defeat defeated lose losing popular support supported agree agreed help
    helped free freedom peace safe safety security secure legal justice rights
    health healthy care cure cured rich wealthy money profit profits""".split())

# ... and the stems of such words, for their many forms ("tortured", "rapists").
TOPIC_STEMS = ("kill", "murder", "assassin", "assault", "attack", "rape", "rapist", "tortur",
               "terror", "violat", "violen", "fatal", "felon", "prison", "slave", "starv",
               "drown", "suicid", "traum", "casualt", "abduct", "molest", "harass", "abus",
               "victim", "crim", "bomb", "shoot", "poison", "foreclos", "depress", "corpse",
               "diseas", "cancer", "injur", "wound", "hostage", "theft", "thief", "robber",
               "steal", "fraud", "poor", "povert", "unemploy", "jail", "arrest", "death",
               "disaster", "tragic", "tragedy", "sick", "unhealthy", "refugee")

# Written by us: function words and news staples the flat style lists include; too common
# to mean anything in an article.
FUNCTION_WORDS = frozenset("""a about after again all almost already also am an and any
    anyway are around as at back be began begin can could did do does down even ever far
    few for from had has have in is it just like many may maybe might more most much must
    my no not now of often on one only or other over quite rather really several should so
    some still such than that the then there these they this those to too up very was we
    were what when which while will with would you""".split())

_WORD_RE = re.compile(r"^[a-z][a-z'\-]*[a-z]$|^[a-z]$")
_PENN = {"JJ": "ADJ", "JJR": "ADJ", "JJS": "ADJ", "RB": "ADV", "NN": "NOUN",
         "NNS": "NOUN", "VB": "VERB", "VBZ": "VERB", "VBN": "VERB", "VBG": "VERB",
         "VBD": "VERB", "UH": "INTJ"}


class Archive:
    """One downloaded package: its files by path, its name, version and licence."""

    def __init__(self, path: Path):
        self.path = path
        self.files: dict[str, bytes] = {}
        if path.suffix == ".whl":
            with zipfile.ZipFile(path) as z:
                self.files = {n: z.read(n) for n in z.namelist()}
        else:
            with tarfile.open(path) as t:
                for m in t.getmembers():
                    if m.isfile():
                        self.files[m.name] = t.extractfile(m).read()
        if path.suffix == ".whl":
            meta = self.text(next(n for n in self.files if n.endswith("METADATA")))
            self.name = re.search(r"^Name: (.+)$", meta, re.M).group(1).strip()
            self.version = re.search(r"^Version: (.+)$", meta, re.M).group(1).strip()
            self.home = (re.search(r"^Home-page: (.+)$", meta, re.M)
                         or re.search(r"^Project-URL: [^,]*[Ss]ource[^,]*, (.+)$", meta, re.M)
                         or re.search(r"^Project-URL: [^,]+, (.+)$", meta, re.M)).group(1).strip()
        else:
            pkg = json.loads(self.text("package/package.json"))
            self.name, self.version = pkg["name"], pkg["version"]
            self.author = pkg.get("author", "")
            repo = pkg.get("repository", "")
            repo = repo.get("url", "") if isinstance(repo, dict) else repo
            repo = re.sub(r"^git\+|\.git$", "", repo)
            self.home = repo if "://" in repo else f"https://github.com/{repo}" if repo \
                else f"https://www.npmjs.com/package/{self.name}"
            self.npm_licence = pkg.get("license", "")

    def text(self, name: str) -> str:
        return self.files[name].decode("utf-8")

    def find(self, suffix: str) -> str:
        return next(n for n in sorted(self.files) if n.endswith(suffix))

    def licence_text(self) -> str | None:
        for n in sorted(self.files):
            base = n.rsplit("/", 1)[-1].lower()
            if base.startswith(("license", "licence")) and "/test" not in n:
                return self.text(n)
        return None


def _js_list(source: str) -> list[str]:
    """The strings of the first array literal in a JavaScript module."""
    body = source[source.index("[") + 1:]
    body = body[:body.index("]")]
    return re.findall(r"'([^']*)'|\"([^\"]*)\"", body) and \
        [a or b for a, b in re.findall(r"'([^']*)'|\"([^\"]*)\"", body)]


def _keep(word: str) -> bool:
    return bool(_WORD_RE.match(word.replace(" ", "-"))) and word not in TOPIC_WORDS \
        and not word.startswith(TOPIC_STEMS)


# -- one function per source: rows of (word, pos, strength, category, polarity, group) ----
def pattern_rows(xml: str) -> tuple[list[tuple], str]:
    root = ET.fromstring(xml.encode("utf-8"))
    licence = root.get("license", "")
    senses: dict[tuple[str, str], list[tuple[float, float, float]]] = defaultdict(list)
    for w in root.iter("word"):
        pos = _PENN.get(w.get("pos", ""))
        form = (w.get("form") or "").lower().strip()
        if pos and _keep(form):
            senses[(form, pos)].append((float(w.get("polarity", 0)),
                                        float(w.get("subjectivity", 0)),
                                        float(w.get("intensity", 1))))
    rows = []
    names = {"ADJ": "adjectives", "ADV": "adverbs", "NOUN": "nouns", "VERB": "verbs",
             "INTJ": "interjections"}
    for (form, pos), vals in senses.items():
        pol = sum(v[0] for v in vals) / len(vals)
        subj = sum(v[1] for v in vals) / len(vals)      # TextBlob averages senses too
        inten = sum(v[2] for v in vals) / len(vals)
        if subj <= 0:
            continue                                    # objective: no opinion signal
        cat = "booster" if inten > 1 else "loaded"
        side = "intensifying" if cat == "booster" else \
            "negative" if pol < 0 else "positive" if pol > 0 else "subjective"
        rows.append((form, pos, subj, cat, pol, f"{side} {names[pos]}"))
    return rows, licence


def vader_rows(lexicon: str, module: str) -> list[tuple]:
    rows = []
    for line in lexicon.splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        word, mean = parts[0].lower(), float(parts[1])
        if _keep(word) and mean != 0:
            rows.append((word, "", min(1.0, abs(mean) / 4), "loaded", mean / 4,
                         "negative words" if mean < 0 else "positive words"))
    # its booster list: the words that raise (or lower) the score of the next one
    block = module[module.index("BOOSTER_DICT"):]
    block = block[:block.index("}")]
    for word, kind in re.findall(r'"([^"]+)":\s*(B_INCR|B_DECR)', block):
        if _keep(word):
            rows.append((word, "", 0.5, "booster" if kind == "B_INCR" else "hedge", 0.0,
                         "boosters" if kind == "B_INCR" else "dampeners"))
    return rows


FLAT = {  # npm package -> (file, category, group)
    "hedges": ("index.js", "hedge", "hedge words"),
    "weasels": ("index.js", "hedge", "weasel words"),
    "fillers": ("index.js", "booster", "filler words"),
    "weasel-words": ("weasel.js", "booster", "write-good weasel words"),
}


def flat_rows(words: list[str], category: str, group: str) -> list[tuple]:
    return [(w, "", 0.5, category, 0.0, group) for w in map(str.lower, words)
            if _keep(w) and w not in FUNCTION_WORDS]


# -- writing -------------------------------------------------------------------------------
def _fmt(x: float) -> str:
    return f"{x:.2f}".replace("-0.00", "0.00")


def write_tsv(out: Path, name: str, header: dict[str, str], rows: list[tuple]) -> Path:
    lines = [f"# {k}: {v}" for k, v in header.items()]
    lines.append("# " + "\t".join(COLUMNS))
    seen = set()
    for word, pos, strength, cat, pol, group in sorted(rows):
        if (word, pos, cat) in seen:
            continue
        seen.add((word, pos, cat))
        lines.append("\t".join((word, pos, _fmt(strength), cat, _fmt(pol), group)))
    path = out / f"{name}.tsv"
    _write(path, "\n".join(lines) + "\n")
    return path


def _write(path: Path, text: str) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


PDDL_NOTE = """Open Data Commons Public Domain Dedication and License (PDDL) v1.0
https://opendatacommons.org/licenses/pddl/1-0/

The file en-sentiment.xml states license="PDDL" in its root element (<sentiment ...
license="PDDL">): its authors, Tom De Smedt and Walter Daelemans (pattern, CLiPS,
University of Antwerp), dedicated the word list to the public domain.  We copied it
from the TextBlob package, whose own code is under the MIT licence below.

"""


def convert(paths: list[Path], out: Path = OUT) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    readme = []
    for path in sorted(paths):
        arc = Archive(path)
        licence = arc.licence_text()
        if arc.name.lower() == "textblob":
            rows, declared = pattern_rows(arc.text(arc.find("en/en-sentiment.xml")))
            if declared != "PDDL":
                raise SystemExit(f"{path.name}: en-sentiment.xml says license={declared!r}")
            name, lic, what = "pattern", "PDDL", "textblob/en/en-sentiment.xml"
            note = ("strength = subjectivity (mean over senses); polarity = mean polarity; "
                    "intensity > 1 makes a booster")
            licence = PDDL_NOTE + (licence or "")
        elif arc.name.lower() == "vadersentiment":
            rows = vader_rows(arc.text(arc.find("vader_lexicon.txt")),
                              arc.text(arc.find("vaderSentiment/vaderSentiment.py")))
            name, lic, what = "vader", "MIT", "vader_lexicon.txt and BOOSTER_DICT"
            note = "strength = |mean valence| / 4; polarity = mean valence / 4"
        elif arc.name in FLAT:
            file, cat, group = FLAT[arc.name]
            if arc.npm_licence != "MIT":
                raise SystemExit(f"{path.name}: licence {arc.npm_licence!r} is not MIT")
            rows = flat_rows(_js_list(arc.text(f"package/{file}")), cat, group)
            name, lic, what = arc.name, "MIT", file
            note = "a flat list: strength 0.50 for every word"
            if licence is None:     # weasel-words declares MIT in package.json and README
                licence = (f"The package {arc.name} {arc.version} by {arc.author} declares "
                           "\"license\": \"MIT\" in package.json and its README; it ships "
                           "no licence file.  The MIT licence text:\n\n" + MIT_TEXT)
        else:
            print(f"skipped {path.name}: not a source this tool knows", file=sys.stderr)
            continue
        header = {"name": name, "source": arc.home,
                  "package": f"{arc.name} {arc.version} ({what})",
                  "licence": f"{lic}, full text in LICENSE-{name}.txt",
                  "converted": f"by tools/convert_lexicons.py; {note}; do not edit by hand"}
        written.append(write_tsv(out, name, header, rows))
        lp = out / f"LICENSE-{name}.txt"
        _write(lp, licence or "")
        written.append(lp)
        readme.append(f"| `{name}.tsv` | {arc.name} {arc.version} | {arc.home} | {lic} |")
    _write(out / "README.md", README_HEAD + "\n".join(readme) + "\n" + README_TAIL)
    written.append(out / "README.md")
    return written


MIT_TEXT = """Permission is hereby granted, free of charge, to any person obtaining a copy of
this software and associated documentation files (the "Software"), to deal in the Software
without restriction, including without limitation the rights to use, copy, modify, merge,
publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons
to whom the Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or
substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED,
INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR
PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE
FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER
DEALINGS IN THE SOFTWARE.
"""

README_HEAD = """# Vendored word lists

Generated by `tools/convert_lexicons.py` from the packages named below; do not edit by
hand (re-run the tool).  Each `.tsv` starts with `# key: value` lines (name, source,
package version, licence) and then one row per word:
word, pos (coarse tags, empty = any), strength 0..1, category, polarity -1..1, group.
Which of them slant uses, and how, is decided in `analyzers/opinion/vendor.py` (POLICY);
the hand-written `opinion_*.toml` lists win wherever they list the same word.

| file | package | source | licence |
|---|---|---|---|
"""

README_TAIL = """
retext-intensify (MIT) adds no list of its own: it joins hedges, weasels and fillers.
write-good's passive-voice list (irregular past participles) is grammar, not opinion, and
is not used.
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("archives", nargs="+", type=Path, help="downloaded .whl / .tgz files")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    for p in convert(args.archives, args.out):
        print(p)
    return 0


if __name__ == "__main__":
    sys.exit(main())
