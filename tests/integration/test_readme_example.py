"""The worked example of questions/README.md says what the engine makes of it: the questions it
shows are the ones `preview` prints, and the counts it gives are the engine's."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

README = Path(__file__).resolve().parents[2] / "questions" / "README.md"


def _worked_example() -> tuple[str, str]:
    """The example's YAML and the part of the README that describes its questions."""
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## 3. A complete worked example") : text.index("## 4. ")]
    yaml_block = re.search(r"```yaml\n(.*?)```", section, re.S)
    assert yaml_block is not None
    return yaml_block.group(1), section[yaml_block.end() :]


def test_the_worked_example_shows_what_preview_prints(runner: Any, tmp_path: Path) -> None:
    source, description = _worked_example()
    path = tmp_path / "example-skate-park.yaml"
    path.write_text(source, encoding="utf-8")

    quiz = runner.invoke(args=["questions", "preview", str(path), "--seed", "1"]).output
    shown = re.search(r"```text\n(.*?)```", description, re.S)
    assert shown is not None
    questions = [block.strip("\n") for block in shown.group(1).split("\n\n") if block.strip()]
    assert len(questions) == 3
    for question in questions:
        assert question in quiz

    every = runner.invoke(args=["questions", "preview", str(path), "--all"]).output
    kinds = re.findall(r"^\d+\. \[\w+ / (\w+)\]", every, re.M)
    hand_written = [kind for kind in kinds if kind.startswith("hand_")]
    counts = re.search(
        r"it writes (\d+) questions of\s+its own, beside your (\d+); a quiz picks (\d+) of the (\d+)",
        description,
    )
    assert counts is not None
    own, yours, picked, total = (int(n) for n in counts.groups())
    assert (own, yours, total) == (len(kinds) - len(hand_written), len(hand_written), len(kinds))
    assert picked == len(re.findall(r"^\d+\. \[", quiz, re.M))
    assert "source_type" not in kinds  # the README says why it is not asked
