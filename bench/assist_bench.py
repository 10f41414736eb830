"""How much of the teachers' annotations the suggester finds, on the articles in questions/.

    python bench/assist_bench.py [--repeat 5] [--output FILE] [ARTICLES...]

Figures go to bench/results.json (or FILE) under the key ``assist``; with ARTICLES (files or
folders other than questions/) under ``assist_other_articles``.

For every article in questions/: the annotations are stripped (only the headline and paragraphs
are kept), the suggester drafts the bare article (``build_draft``: the suggestions and their
quotes), and the draft is written as YAML and validated like any file, so its suggestions are
located exactly as the teacher's annotations are.  Then, per kind:

- recall: the share of the teacher's annotations that a suggestion of the same kind overlaps
  (by at least one word);
- precision: the share of the suggestions that overlap a teacher's annotation of the same kind.

Kinds: source mentions, hedge cues (the ``cues`` of claims), claims, framing spans.  Also the
seconds per article of drafting (best of --repeat runs), without validation.

Targets: source mentions recall >= 0.9 and precision >= 0.7; hedge cues recall >= 0.9 and
precision >= 0.6; framing recall >= 0.6 and precision >= 0.5; under 0.2 s per article.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.domain.article import Article, Span  # noqa: E402
from app.domain.article_yaml import document_to_yaml  # noqa: E402
from app.domain.drafting import build_draft  # noqa: E402
from app.domain.validation import collect_article_files, validate_article  # noqa: E402
from app.domain.vocabulary import load_vocabulary  # noqa: E402
from app.services.lexicons import lexicons_from_folder  # noqa: E402
from bench.results_file import DEFAULT_RESULTS, merge_results  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = ROOT / "questions"
KINDS = ("source_mentions", "hedge_cues", "claims", "framing")
TARGETS = {
    "source_mentions": (0.9, 0.7),
    "hedge_cues": (0.9, 0.6),
    "framing": (0.6, 0.5),
}
MAX_SECONDS_PER_ARTICLE = 0.2


def spans_by_kind(article: Article) -> dict[str, list[Span]]:
    return {
        "source_mentions": [m for s in article.sources for m in s.mentions],
        "hedge_cues": [c for claim in article.claims for c in claim.cues],
        "claims": [c.span for c in article.claims],
        "framing": [f.span for f in article.framing],
    }


def overlapped(spans: Sequence[Span], others: Sequence[Span]) -> int:
    return sum(1 for span in spans if any(span.overlaps(other) for other in others))


def ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of each draft; the best counts")
    parser.add_argument("--output", type=Path, default=DEFAULT_RESULTS)
    parser.add_argument(
        "articles",
        nargs="*",
        default=[str(QUESTIONS)],
        help="article files or folders (default: questions/, the figures the targets are about)",
    )
    args = parser.parse_args(argv)

    vocabulary, problems = load_vocabulary((QUESTIONS / "vocabulary.yaml").read_bytes(), "vocabulary")
    assert vocabulary is not None, problems
    lexicons = lexicons_from_folder(QUESTIONS / "lexicons")
    totals = {kind: {"annotated": 0, "found": 0, "suggested": 0, "right": 0} for kind in KINDS}
    per_article: dict[str, dict[str, Any]] = {}
    seconds: list[float] = []
    for path in collect_article_files(args.articles):
        teacher = validate_article(Path(path).read_bytes(), path, vocabulary).article
        if teacher is None:
            raise SystemExit(f"{path} does not validate")
        paragraphs = list(teacher.paragraphs)
        best = float("inf")
        document: dict[str, Any] = {}
        for _ in range(args.repeat):
            started = time.perf_counter()
            document = build_draft(teacher.title, paragraphs, {}, lexicons)
            best = min(best, time.perf_counter() - started)
        seconds.append(best)
        draft_yaml = document_to_yaml(document)
        result = validate_article(draft_yaml, "draft of " + Path(path).name, vocabulary)
        if result.article is None:
            raise SystemExit(
                f"the draft of {path} does not validate:\n" + "\n".join(str(p) for p in result.errors[:10])
            )
        gold = spans_by_kind(teacher)
        suggested = spans_by_kind(result.article)
        figures: dict[str, Any] = {}
        for kind in KINDS:
            found = overlapped(gold[kind], suggested[kind])
            right = overlapped(suggested[kind], gold[kind])
            counts = totals[kind]
            counts["annotated"] += len(gold[kind])
            counts["found"] += found
            counts["suggested"] += len(suggested[kind])
            counts["right"] += right
            figures[kind] = {
                "annotated": len(gold[kind]),
                "suggested": len(suggested[kind]),
                "recall": ratio(found, len(gold[kind])),
                "precision": ratio(right, len(suggested[kind])),
            }
        figures["seconds"] = round(best, 4)
        per_article[Path(path).name] = figures

    summary: dict[str, Any] = {}
    for kind in KINDS:
        counts = totals[kind]
        summary[kind] = {
            **counts,
            "recall": ratio(counts["found"], counts["annotated"]),
            "precision": ratio(counts["right"], counts["suggested"]),
        }
    seconds_per_article = sum(seconds) / len(seconds)
    targets_met = {
        f"{kind}_{measure}": (summary[kind][measure] or 0) >= bound
        for kind, (recall, precision) in TARGETS.items()
        for measure, bound in (("recall", recall), ("precision", precision))
    }
    targets_met["seconds_per_article"] = seconds_per_article < MAX_SECONDS_PER_ARTICLE
    assist = {
        "articles": len(per_article),
        **summary,
        "seconds_per_article": round(seconds_per_article, 4),
        "max_seconds_per_article": round(max(seconds), 4),
        "targets_met": targets_met,
        "per_article": per_article,
    }
    print(
        f"{len(per_article)} articles; drafting {seconds_per_article:.4f} s per article, "
        f"at most {max(seconds):.4f} s"
    )
    print(f"{'kind':<17}{'annotated':>10}{'suggested':>10}{'recall':>8}{'precision':>10}  target")
    for kind in KINDS:
        row = summary[kind]
        target = TARGETS.get(kind)
        shown = f"R >= {target[0]}, P >= {target[1]}" if target else "(no target)"
        print(
            f"{kind:<17}{row['annotated']:>10}{row['suggested']:>10}{row['recall'] or 0:>8.3f}"
            f"{row['precision'] or 0:>10.3f}  {shown}"
        )
    missed = [name for name, met in targets_met.items() if not met]
    print("Targets missed: " + (", ".join(missed) if missed else "none"))
    # Other articles than questions/ never replace the figures the targets are about.
    key = "assist" if args.articles == [str(QUESTIONS)] else "assist_other_articles"
    merge_results({key: assist}, args.output)
    print(f"Written to {args.output} under the key {key}")
    return {"assist": assist}


if __name__ == "__main__":
    main()
