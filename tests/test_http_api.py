"""The HTTP API through FastAPI's test client: what a program calling lexcase over HTTP sees."""

from __future__ import annotations

import json
from typing import Any

from fastapi.testclient import TestClient

SEED_DATA: dict[str, Any] = {}


def zhilin_data(client: TestClient, text: str) -> dict[str, Any]:
    """The seed as a case object (through the service's own reading of the text)."""
    if not SEED_DATA:
        answer = client.post("/evaluate", json={"case": text})
        assert answer.status_code == 200
        from lexcase.model.case import load_case

        SEED_DATA.update(
            load_case("seeds/zhilin.yaml").model_dump(mode="json", by_alias=True, exclude_none=True)
        )
    return SEED_DATA


def test_evaluate_gives_the_articles_outcomes(client: TestClient, zhilin_text: str) -> None:
    answer = client.post("/evaluate", json={"case": zhilin_text, "as_of": "2022-09-27"})
    assert answer.status_code == 200
    result = answer.json()
    assert result["as_of"] == "2022-09-27"
    rules = {o["rule"] for o in result["outcomes"]}
    assert "kz.cc.392.1" in rules  # Kazakhstan prosecutes the crossing
    assert result["rulebook"]["sha256"]
    assert "not legal advice" in result["notice"]


def test_a_case_object_and_a_case_text_give_the_same_result(
    client: TestClient, zhilin_text: str
) -> None:
    data = zhilin_data(client, zhilin_text)
    from_text = client.post("/evaluate", json={"case": zhilin_text}).json()
    from_data = client.post("/evaluate", json={"case": data}).json()
    assert from_text == from_data


def test_a_bad_fact_in_case_text_is_a_422_naming_its_line_and_field(
    client: TestClient, zhilin_text: str
) -> None:
    bad = zhilin_text.replace("at_checkpoint: false", "at_checkpoint: maybe")
    answer = client.post("/evaluate", json={"case": bad})
    assert answer.status_code == 422
    error = answer.json()["error"]
    assert error["code"] == "bad_input"
    assert error["path"] == "crossing.at_checkpoint"
    assert error["line"] == bad.splitlines().index("  at_checkpoint: maybe") + 1
    assert error["expected"] == "true or false"
    assert error["internal"] is False


def test_a_bad_fact_in_a_case_object_names_its_path_in_the_request(client: TestClient) -> None:
    case = {"case_id": "x", "as_of": "2022-01-01", "crossing": {"date": "soon"}}
    error = client.post("/evaluate", json={"case": case}).json()["error"]
    assert error["path"] == "case.crossing.date"
    assert "YYYY-MM-DD" in error["expected"]


def test_an_unknown_field_gets_a_suggestion(client: TestClient) -> None:
    case = {"case_id": "x", "as_of": "2022-01-01", "crosing": {}}
    error = client.post("/evaluate", json={"case": case}).json()["error"]
    assert error["path"] == "case.crosing"
    assert "crossing" in (error.get("suggestion") or "")


def test_a_body_that_is_not_json_is_a_422(client: TestClient) -> None:
    answer = client.post("/evaluate", content=b"{not json", headers={"content-type": "x"})
    assert answer.status_code == 422
    assert "not valid JSON" in answer.json()["error"]["message"]


def test_a_body_over_the_limit_is_a_413(client: TestClient) -> None:
    limit = client.get("/limits").json()["max_body_bytes"]
    answer = client.post("/evaluate", content=b" " * (limit + 1))
    assert answer.status_code == 413
    assert answer.json()["error"]["code"] == "too_large"


def test_what_if_shows_the_prosecution_vanish(client: TestClient, zhilin_text: str) -> None:
    body = {"case": zhilin_text, "as_of": "2022-09-27", "set": {"crossing.at_checkpoint": True}}
    diff = client.post("/what-if", json=body).json()
    vanished = {o["rule"] for o in diff["outcomes"] if o["change"] == "vanishes"}
    assert "kz.cc.392.1" in vanished


def test_what_if_names_an_unknown_fact_in_the_request(client: TestClient, zhilin_text: str) -> None:
    body = {"case": zhilin_text, "set": {"crossing.nope": True}}
    answer = client.post("/what-if", json=body)
    assert answer.status_code == 422
    assert answer.json()["error"]["path"] == "set.crossing.nope"


def test_a_sweep_over_64_combinations_is_refused(client: TestClient, zhilin_text: str) -> None:
    dates = [f"2022-10-{day:02d}" for day in range(1, 31)]
    body = {
        "case": zhilin_text,
        "sweep": {"asylum.applied_on": dates, "crossing.at_checkpoint": [True, False, None]},
    }
    answer = client.post("/what-if", json=body)
    assert answer.status_code == 422
    error = answer.json()["error"]
    assert error["path"] == "sweep"
    assert "90 combinations" in error["message"]


def test_a_sweep_gives_a_grid(client: TestClient, zhilin_text: str) -> None:
    body = {
        "case": zhilin_text,
        "as_of": "2022-09-27",
        "sweep": {"crossing.at_checkpoint": [True, False]},
    }
    grid = client.post("/what-if", json=body).json()
    assert len(grid["rows"]) == 2


def test_explain_and_why_not(client: TestClient, zhilin_text: str) -> None:
    tree = client.post("/explain", json={"case": zhilin_text, "kind": "prosecution"}).json()
    assert [o["rule"] for o in tree["outcomes"]] == ["kz.cc.392.1"]
    why_not = client.post("/explain", json={"case": zhilin_text, "why_not": "protection"}).json()
    assert why_not["kind"] == "protection" and why_not["candidates"]
    both = client.post(
        "/explain", json={"case": zhilin_text, "kind": "removal", "why_not": "protection"}
    )
    assert both.status_code == 422


def test_timeline_has_the_custody_deadline(client: TestClient, zhilin_text: str) -> None:
    timeline = client.post("/timeline", json={"case": zhilin_text}).json()
    dates = [e.get("date") for e in timeline["entries"] if e["kind"] == "deadline"]
    assert "2023-01-15" in dates  # 40 days of custody from 6 December 2022


def test_batch_streams_one_line_per_case_in_order(client: TestClient) -> None:
    cases = [json.dumps({"case_id": f"c{i}", "as_of": "2022-01-01"}) for i in range(40)]
    cases[5] = "{not json"
    answer = client.post("/batch?as_of=2022-01-01", content="\n".join(cases).encode())
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("application/x-ndjson")
    lines = [json.loads(line) for line in answer.text.splitlines()]
    assert [line["input"] for line in lines] == [f"request:{i + 1}" for i in range(40)]
    assert "not valid JSON" in lines[5]["error"]["message"]
    assert lines[6]["case_id"] == "c6"


def test_an_empty_batch_is_a_422(client: TestClient) -> None:
    assert client.post("/batch", content=b"\n\n").status_code == 422


def test_rules_and_one_rule(client: TestClient) -> None:
    listing = client.get("/rules", params={"jurisdiction": "KZ", "kind": "prosecution"}).json()
    ids = [r["id"] for r in listing["rules"]]
    assert "kz.cc.392.1" in ids
    assert all(i.startswith("kz.") for i in ids)
    card = client.get("/rules/kz.cc.392.1").json()
    assert card["id"] == "kz.cc.392.1"
    missing = client.get("/rules/kz.cc.392")
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "not_found"
    bad_kind = client.get("/rules", params={"kind": "flogging"})
    assert bad_kind.status_code == 422
    assert bad_kind.json()["error"]["path"] == "kind"


def test_schema_health_version(client: TestClient) -> None:
    schema = client.get("/schema/case").json()
    assert "crossing" in schema["properties"]
    health = client.get("/health").json()
    assert health["status"] == "ok" and health["alive"] == health["workers"]
    version = client.get("/version").json()
    assert version["lexcase"] and len(version["sha256"]) == 64


def test_the_openapi_document_has_the_models_examples_and_errors(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    schemas = document["components"]["schemas"]
    assert {"Case", "Result", "ErrorBody", "EvaluateRequest", "WhatIf"} <= set(schemas)
    evaluate = document["paths"]["/evaluate"]["post"]
    body = evaluate["requestBody"]["content"]["application/json"]
    assert "zhilin" in body["examples"]
    assert {"200", "413", "422", "500", "504"} <= set(evaluate["responses"])
    # every $ref in the document points at a schema that is there
    refs = {r.rsplit("/", 1)[1] for r in _refs(document)}
    assert refs <= set(schemas)


def _refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        own = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return own + [r for v in node.values() for r in _refs(v)]
    if isinstance(node, list):
        return [r for v in node for r in _refs(v)]
    return []


def test_an_unknown_path_is_a_404_in_the_error_shape(client: TestClient) -> None:
    answer = client.get("/nowhere")
    assert answer.status_code == 404
    assert answer.json()["error"]["code"] == "not_found"


def test_compare_puts_the_case_in_each_destination(client: TestClient, zhilin_text: str) -> None:
    body = {"case": zhilin_text, "as_of": "2022-09-27", "hosts": ["KZ", "AM"]}
    comparison = client.post("/compare", json=body).json()
    assert [c["host"] for c in comparison["columns"]] == ["KZ", "AM"]
    kz = comparison["columns"][0]
    assert kz["real"] is True
    assert "kz.cc.392.1" in {line["rule"] for line in kz["lines"]}
    unknown = client.post("/compare", json={"case": zhilin_text, "hosts": ["XX"]}).json()
    assert "no rules for XX" in unknown["columns"][0]["warnings"][0]  # said, not silent


def test_counterfactual_finds_the_checkpoint_against_the_kazakh_prosecution(
    client: TestClient, zhilin_text: str
) -> None:
    body = {"case": zhilin_text, "as_of": "2022-09-27", "avoid": ["prosecution:KZ"]}
    answer = client.post("/counterfactual", json=body)
    assert answer.status_code == 200
    search = answer.json()
    assert search["status"] == "found"
    assert search["targets"] == ["kz.cc.392.1"]
    assert search["max_changes"] == 3  # the Python API's default
    changes = [[(c["path"], c["after"]) for c in a["changes"]] for a in search["answers"]]
    assert [("crossing.at_checkpoint", True)] in changes
    checkpoint = search["answers"][changes.index([("crossing.at_checkpoint", True)])]
    vanished = {
        d["rule"] for d in checkpoint["difference"]["outcomes"] if d["change"] == "vanishes"
    }
    assert "kz.cc.392.1" in vanished
    sizes = [a["size"] for a in search["answers"]]
    assert sizes == sorted(sizes)
    assert search["complete"] is True
    assert search["cost"]["evaluations"] <= 5_000


def test_counterfactual_gives_the_same_answers_as_the_python_api(
    client: TestClient, zhilin_text: str
) -> None:
    import datetime as dt

    from lexcase.analysis.counterfactual import counterfactual

    body = {"case": zhilin_text, "as_of": "2022-09-27", "avoid": ["prosecution:KZ"]}
    over_http = client.post("/counterfactual", json=body).json()
    local = counterfactual(
        "seeds/zhilin.yaml", as_of=dt.date(2022, 9, 27), avoid=["prosecution:KZ"]
    ).model_dump(mode="json", exclude_none=True)
    for key in ("status", "targets", "tried", "answers", "limits", "complete"):
        assert over_http[key] == local[key], key


def test_a_bad_goal_kind_is_a_422_naming_the_field(client: TestClient, zhilin_text: str) -> None:
    body = {"case": zhilin_text, "avoid": ["prosecution:KZ"], "reach": ["exile"]}
    answer = client.post("/counterfactual", json=body)
    assert answer.status_code == 422
    error = answer.json()["error"]
    assert error["code"] == "bad_input"
    assert error["file"] == "request"
    assert error["path"] == "reach.0"
    assert "'exile' is not an outcome kind" in error["message"]
    assert "prosecution" in error["expected"]
    assert "Traceback" not in answer.text


def test_a_counterfactual_needs_a_goal_and_stays_within_its_bounds(
    client: TestClient, zhilin_text: str
) -> None:
    nothing = client.post("/counterfactual", json={"case": zhilin_text})
    assert nothing.status_code == 422
    assert nothing.json()["error"]["path"] == "avoid"
    for field, value in (("max_changes", 4), ("max_changes", 0), ("budget", 5_001)):
        body = {"case": zhilin_text, "avoid": ["removal"], field: value}
        answer = client.post("/counterfactual", json=body)
        assert answer.status_code == 422, (field, value)
        assert answer.json()["error"]["path"] == field


def test_a_counterfactual_over_its_budget_says_where_it_stopped(
    client: TestClient, zhilin_text: str
) -> None:
    body = {"case": zhilin_text, "as_of": "2022-09-27", "avoid": ["prosecution:KZ"], "budget": 1}
    search = client.post("/counterfactual", json=body).json()
    assert search["complete"] is False
    assert search["cost"]["evaluations"] <= 1
    assert any("budget" in limit for limit in search["limits"])


def test_interview_ranks_the_questions_and_writes_nothing(
    client: TestClient, zhilin_text: str
) -> None:
    from pathlib import Path

    seed = Path("seeds/zhilin.yaml")
    before = seed.read_bytes()
    answer = client.post("/interview", json={"case": zhilin_text, "as_of": "2022-09-27"})
    assert answer.status_code == 200
    ranked = answer.json()
    assert ranked["questions"]
    counts = [len(q["could_change"]) for q in ranked["questions"]]
    assert counts == sorted(counts, reverse=True)
    for question in ranked["questions"]:
        assert question["question"] and question["decides"] and question["could_change"]
    import datetime as dt

    from lexcase.analysis.interview import interview

    local = interview(seed, as_of=dt.date(2022, 9, 27)).model_dump(mode="json", exclude_none=True)
    assert ranked["questions"] == local["questions"]
    assert seed.read_bytes() == before
    first = ranked["questions"][0]["path"]
    skipped = client.post(
        "/interview", json={"case": zhilin_text, "as_of": "2022-09-27", "skip": [first]}
    ).json()
    assert first not in [q["path"] for q in skipped["questions"]]


def test_interview_names_an_unknown_skipped_fact(client: TestClient, zhilin_text: str) -> None:
    answer = client.post("/interview", json={"case": zhilin_text, "skip": ["crossing.nope"]})
    assert answer.status_code == 422
    assert answer.json()["error"]["path"] == "skip.0"


def test_impact_is_not_served(client: TestClient) -> None:
    # Overlays are rule folders; the service reads no rule folder named by a request.
    assert client.post("/impact", json={}).status_code in (404, 405)
    assert "/impact" not in client.get("/openapi.json").json()["paths"]
