"""Benchmark: `research merge` of many participants' exports: records a second and peak memory.

Run on demand: python tests/bench/bench_merge.py [PARTICIPANTS] [RECORDS_EACH] [--encrypted]
(default 500 participants of 200 records: 100,000 records, the size of a large study).

Targets: at least 50,000 records a second, and memory that stays flat as the study grows
(a million records under 1 GB). Each merge runs in a fresh process so its peak resident
memory (ru_maxrss) is its own; the exports are made first, from one real scrubbed export whose
rows are copied under new pseudonyms (only the merge is timed).
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from pyrage import x25519

from thoughtwork.export.research_export import Builtin, build_export, write_export
from thoughtwork.export.study import Study
from thoughtwork.models import Assignment, Cadence, DistortionMatch, Emotion, Prompt, Settings, ThoughtRecord

START = datetime(2026, 1, 5, 20, tzinfo=timezone.utc)


def records(n: int) -> list[ThoughtRecord]:
    return [
        ThoughtRecord(
            created_at=START + timedelta(hours=20 * i), status="complete", context="dilator_practice",
            situation=f"Evening dilator practice number {i}, after a long day at work",
            automatic_thought="It will hurt every time and I will never be able to do this",
            emotions=[Emotion(name="scared", intensity=70), Emotion(name="tired")],
            belief_before=80, anxiety_before=70, belief_after=40 + i % 20, anxiety_after=35, body_tension=60,
            balanced_thought="Last week went a little easier; I can go at my own pace.",
            evidence_for=["It hurt on Monday"], evidence_against=["Thursday was easier", "I stopped when I needed to"],
            distortions=[DistortionMatch(id="fortune_telling"), DistortionMatch(id="overgeneralization")],
            assignment_id="hw" if i % 2 else None, prompt_id="dilator.before" if i % 2 else None,
        )
        for i in range(n)
    ]


def make_exports(folder: Path, participants: int, each: int, recipient) -> list[Path]:  # noqa: ANN001
    prompt = Prompt(id="dilator.before", title="Before practice", instructions="Write the thought down first.",
                    moments=["before_dilator_practice"], steps=["situation"])
    homework = Assignment(id="hw", prompts=[prompt], cadence=Cadence(kind="weekly", times_per_week=3),
                          start=date(2026, 1, 5), end=date(2026, 3, 29))
    study = Study(name="bench", encrypt=recipient is None, recipient=None)
    template = build_export(records(each), Settings(study_pseudonym="tw-000000000000"), study,
                            builtin=Builtin(ids=frozenset({"dilator.before"})), assignments=[homework],
                            today=date(2026, 4, 1))
    paths = []
    for n in range(participants):
        pseudonym = f"tw-{n:012x}"
        bundle = replace(template, participant=pseudonym,
                         rows=[{**row, "participant": pseudonym} for row in template.rows],
                         assignments=[{**row, "participant": pseudonym} for row in template.assignments])
        out = folder / f"p{n:05d}"
        write_export(bundle, out, recipient)
        paths.append(out)
    return paths


def child(out: str, identity_file: str, folders: list[str]) -> None:
    """The timed part, in its own process: merge, then report time and peak memory as JSON."""
    from thoughtwork import keys
    from thoughtwork.research.merge import merge

    identity = keys.identity(Path(identity_file)) if identity_file else None
    from thoughtwork.research import columnar

    columnar.available()  # imports pyarrow, as the command's start would
    before = resource.getrusage(resource.RUSAGE_SELF)
    cpu_before = before.ru_utime + before.ru_stime
    began = time.perf_counter()
    info = merge([Path(f) for f in folders], Path(out), identity)
    seconds = time.perf_counter() - began
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({"seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime - cpu_before,
                      "records": info["summary"]["records"], "peak_mb": usage.ru_maxrss / 1024,
                      "parquet": info["parquet"]}))


def run(participants: int, each: int, encrypted: bool) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        identity_file = ""
        recipient = None
        if encrypted:
            identity = x25519.Identity.generate()
            identity_file = str(folder / "researcher.key")
            Path(identity_file).write_text(f"{identity}\n")
            recipient = identity.to_public()
        began = time.perf_counter()
        (folder / "exports").mkdir()
        paths = make_exports(folder / "exports", participants, each, recipient)
        made = time.perf_counter() - began
        listing = folder / "folders.txt"
        listing.write_text("\n".join(map(str, paths)))
        result = subprocess.run(
            [sys.executable, __file__, "--child", str(folder / "merged"), identity_file, str(listing)],
            capture_output=True, text=True, check=True,
        )
        figures = json.loads(result.stdout.strip().splitlines()[-1])
        figures["made_s"] = made
        figures["out_mb"] = sum(p.stat().st_size for p in (folder / "merged").iterdir()) / 1e6
        return figures


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    encrypted = "--encrypted" in sys.argv
    participants = int(args[0]) if args else 500
    each = int(args[1]) if len(args) > 1 else 200
    loop = time.perf_counter()
    for _ in range(10_000_000):
        pass
    print(f"a 10-million-step Python loop takes {time.perf_counter() - loop:.2f} s here")
    print(f"{'participants':>12} {'records':>9} {'merge s':>8} {'records/s':>10} {'per CPU s':>10} {'peak MB':>8} "
          f"{'output MB':>9}")
    sizes = [(participants // 10, each), (participants, each)]
    for count, per in sizes:
        # Figures on a shared machine mean little without its load: the 1, 5 and 15 minute averages.
        print(f"load average before the run: {' '.join(Path('/proc/loadavg').read_text().split()[:3])}")
        f = run(count, per, encrypted)
        print(f"{count:>12} {f['records']:>9} {f['seconds']:>8.2f} {f['records'] / f['seconds']:>10,.0f} "
              f"{f['records'] / f['cpu']:>10,.0f} {f['peak_mb']:>8.0f} {f['out_mb']:>9.1f}   (exports made in {f['made_s']:.0f} s; "
              f"{'encrypted' if encrypted else 'plain'}; parquet {'on' if f['parquet'] else 'off'})")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        out, identity_file, listing = sys.argv[2:5]
        child(out, identity_file, Path(listing).read_text().splitlines())
    else:
        main()
