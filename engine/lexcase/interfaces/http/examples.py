"""The seeds (the article's people) as examples: in the OpenAPI document and on the web page."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from lexcase.errors import LexcaseError
from lexcase.model.case import load_case


def seeds_dir() -> Path | None:
    """The seed case files: inside the installed package, or the checkout's seeds/."""
    here = Path(__file__).resolve().parents[2]  # engine/lexcase
    for candidate in (here / "seeds", here.parent.parent / "seeds"):
        if candidate.is_dir():
            return candidate
    return None


@cache
def seed_texts() -> dict[str, str]:
    """Seed name -> the text of its case file, in name order."""
    folder = seeds_dir()
    if folder is None:
        return {}
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.yaml"))}


@cache
def seed_data() -> dict[str, dict[str, Any]]:
    out = {}
    for name in seed_texts():
        folder = seeds_dir()
        assert folder is not None
        try:
            case = load_case(folder / f"{name}.yaml")
        except LexcaseError:  # a broken seed is the seeds' tests' business, not the server's
            continue
        out[name] = case.model_dump(mode="json", by_alias=True, exclude_none=True)
    return out


def request_examples() -> dict[str, Any]:
    examples: dict[str, Any] = {}
    for name, data in seed_data().items():
        examples[name] = {"summary": data.get("title", name), "value": {"case": data}}
    if "zhilin" in seed_data():
        examples["zhilin-2022-09-27"] = {
            "summary": "Zhilin as of 27 September 2022, the day after he crossed",
            "value": {"case": seed_data()["zhilin"], "as_of": "2022-09-27"},
        }
    return examples


def what_if_examples() -> dict[str, Any]:
    if "zhilin" not in seed_data():
        return {}
    case = seed_data()["zhilin"]
    return {
        "set": {
            "summary": "Had he crossed at a checkpoint?",
            "value": {"case": case, "as_of": "2022-09-27", "set": {"crossing.at_checkpoint": True}},
        },
        "sweep": {
            "summary": "Checkpoint or not, and a second nationality",
            "value": {
                "case": case,
                "as_of": "2022-09-27",
                "sweep": {
                    "crossing.at_checkpoint": [True, False],
                    "person.nationalities": [["RU"], ["RU", "KZ"]],
                },
            },
        },
    }


def counterfactual_examples() -> dict[str, Any]:
    if "zhilin" not in seed_data():
        return {}
    case = seed_data()["zhilin"]
    return {
        "avoid-prosecution": {
            "summary": "What is the least that would have spared him the Kazakh prosecution?",
            "value": {"case": case, "as_of": "2022-09-27", "avoid": ["prosecution:KZ"]},
        },
        "avoid-removal": {
            "summary": "What, if anything, removes his removal (as the case stands)?",
            "value": {"case": case, "avoid": ["removal"], "max_changes": 3},
        },
    }
