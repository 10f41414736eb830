"""`questions validate` on generated articles against plain `yaml.safe_load` of the same files.

    python bench/validate_bench.py [--articles 500] [--repeat 3]

Target: validation at most 3x the time of yaml.safe_load alone.  Both read the files from disk;
the figure is the best of --repeat runs of each.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.domain.validation import validate_files  # noqa: E402
from app.domain.vocabulary import load_vocabulary  # noqa: E402
from bench.results_file import merge_results  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
WORDS = [
    "council",
    "river",
    "school",
    "report",
    "city",
    "water",
    "students",
    "residents",
    "plan",
    "study",
    "data",
    "officials",
    "week",
    "park",
    "health",
    "doctors",
    "teachers",
    "parents",
    "bridge",
    "budget",
    "library",
    "museum",
    "market",
    "station",
    "hospital",
    "weather",
]
SOURCE_TYPES = ["named_person", "named_official", "named_organisation", "news_outlet", "anonymous", "vague"]
TECHNIQUES = ["loaded_language", "exaggeration_minimisation", "appeal_to_fear_prejudice", "scare_quotes"]


def _sentence(rng: random.Random, length: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(length)).capitalize() + "."


def generated_article(index: int, rng: random.Random) -> str:
    """A valid article with sources, claims and framing in every paragraph."""
    paragraphs, sources, claims, framing = [], [], [], []
    for number in range(1, 9):
        speaker = f"Speaker{index}x{number}"
        claim = f"the {rng.choice(WORDS)} will reportedly close in {number} weeks{index}"
        loaded = f"a shocking disaster{number}x{index}"
        paragraphs.append(
            f"{_sentence(rng, 12)} {speaker} said that {claim}, calling it {loaded}. {_sentence(rng, 15)}"
        )
        sources.append(
            f"  - id: source-{number}\n    name: {speaker}\n    type: {rng.choice(SOURCE_TYPES)}\n"
            f'    mentions:\n      - quote: "{speaker} said"\n    note: Who is speaking here.\n'
        )
        claims.append(
            f'  - quote: "{claim}"\n    status: hedged\n    cues: [reportedly]\n    note: Not confirmed.\n'
        )
        framing.append(
            f'  - quote: "{loaded}"\n    technique: {rng.choice(TECHNIQUES)}\n    note: Strong words.\n'
        )
    text = "\n\n".join(paragraphs)
    indented = "\n".join(("  " + line) if line else "" for line in text.split("\n"))
    return (
        f'id: generated-{index}\ntitle: "Generated article {index}"\nfictional: true\nlevel: ages 12-14\n'
        f"text: |\n{indented}\n"
        "sources:\n" + "".join(sources) + "claims:\n" + "".join(claims) + "framing:\n" + "".join(framing)
    )


def best_of(repeat: int, action) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> dict[str, float]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--output", type=Path, default=None)
    args = parser.parse_args()

    vocabulary, problems = load_vocabulary(
        (ROOT / "questions" / "vocabulary.yaml").read_bytes(), "vocabulary"
    )
    assert vocabulary is not None, problems
    rng = random.Random(1)
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for index in range(args.articles):
            path = Path(folder) / f"article-{index:04d}.yaml"
            path.write_text(generated_article(index, rng))
            paths.append(str(path))
        results = validate_files(paths, vocabulary)
        bad = [str(p) for r in results for p in r.errors]
        if bad:
            raise SystemExit("generated articles do not validate:\n" + "\n".join(bad[:10]))

        def safe_load_all() -> None:
            for path in paths:
                with open(path, "rb") as handle:
                    yaml.safe_load(handle.read())

        def c_safe_load_all() -> None:
            for path in paths:
                with open(path, "rb") as handle:
                    yaml.load(handle.read(), Loader=yaml.CSafeLoader)  # noqa: S506 - the safe C loader

        safe_load_seconds = best_of(args.repeat, safe_load_all)
        c_safe_load_seconds = best_of(args.repeat, c_safe_load_all)
        validate_seconds = best_of(args.repeat, lambda: validate_files(paths, vocabulary))

    figures = {
        "validate_articles": args.articles,
        "validate_seconds": round(validate_seconds, 4),
        "safe_load_seconds": round(safe_load_seconds, 4),
        "validate_vs_safe_load": round(validate_seconds / safe_load_seconds, 3),
        # The validator parses with libyaml; against the C loader too, for an honest comparison.
        "c_safe_load_seconds": round(c_safe_load_seconds, 4),
        "validate_vs_c_safe_load": round(validate_seconds / c_safe_load_seconds, 3),
    }
    print(
        f"validate {args.articles} articles: {validate_seconds:.3f} s; yaml.safe_load alone: "
        f"{safe_load_seconds:.3f} s; ratio {figures['validate_vs_safe_load']:.2f}x (target <= 3x); "
        f"against the C safe loader: {figures['validate_vs_c_safe_load']:.2f}x"
    )
    if args.output is not None:
        merge_results(figures, args.output)
    return figures


if __name__ == "__main__":
    main()
