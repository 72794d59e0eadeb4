"""The web page's own endpoints, through the test client: the page in both languages, the case
checked as it is typed, the form writing into the case text, the fragments, the memo."""

from __future__ import annotations

from fastapi.testclient import TestClient

from lexcase.interfaces.i18n import EN, RU


def test_the_page_loads_in_english_and_russian_without_anything_from_elsewhere(
    client: TestClient,
) -> None:
    english = client.get("/")
    assert english.status_code == 200
    assert "not legal advice" in english.text
    assert 'name="crossing.at_checkpoint"' in english.text
    assert "http://" not in english.text and "https://" not in english.text  # no CDN
    russian = client.get("/?lang=ru").text
    assert RU["evaluate"] in russian and "не юридическая консультация" in russian
    assert client.get("/static/app.js").status_code == 200


def test_both_languages_have_every_text() -> None:
    assert set(EN) == set(RU)


def test_checking_a_case_names_the_line_and_field_and_reads_the_form_facts(
    client: TestClient, zhilin_text: str
) -> None:
    good = client.post("/ui/check", json={"text": zhilin_text}).json()
    assert good["errors"] == []
    assert good["facts"]["crossing.at_checkpoint"] is False
    assert good["facts"]["person.nationalities"] == ["RU"]
    bad = zhilin_text.replace("date: 2022-09-26 ", "date: 26/09/2022 ")
    error = client.post("/ui/check", json={"text": bad}).json()["errors"][0]
    assert error["path"] == "crossing.date"
    assert error["line"] == next(
        n for n, line in enumerate(bad.splitlines(), start=1) if "26/09/2022" in line
    )


def test_the_form_sets_a_fact_and_keeps_the_comments(client: TestClient, zhilin_text: str) -> None:
    answer = client.post(
        "/ui/set", json={"text": zhilin_text, "path": "crossing.at_checkpoint", "value": "true"}
    ).json()
    assert "at_checkpoint: true" in answer["text"]
    assert "# his own statement says 27 September" in answer["text"]
    unknown = client.post(
        "/ui/set", json={"text": answer["text"], "path": "crossing.at_checkpoint", "value": ""}
    ).json()
    assert "at_checkpoint" not in unknown["text"]
    dated = client.post(
        "/ui/set", json={"text": zhilin_text, "path": "asylum.applied_on", "value": "2022-10-05"}
    ).json()
    assert "applied_on: 2022-10-05" in dated["text"]
    wrong = client.post(
        "/ui/set", json={"text": zhilin_text, "path": "crossing.at_checkpoint", "value": "maybe"}
    )
    assert wrong.status_code == 422
    assert wrong.json()["error"]["path"] == "crossing.at_checkpoint"


def test_the_result_fragment_puts_law_and_practice_apart(
    client: TestClient, zhilin_text: str
) -> None:
    html = client.post(
        "/ui/result", json={"text": zhilin_text, "as_of": "2022-09-27", "lang": "en"}
    ).text
    law = html.index('id="outcomes-law"')
    practice = html.index('id="outcomes-practice"')
    assert law < html.index('data-rule="kz.cc.392.1"') < practice  # the prosecution is law
    assert html.index('data-rule="kz.cc.392.1.sentence.practice"') > practice
    assert 'href="https://adilet.zan.kz/eng/docs/K1400000226"' in html  # citations as links
    assert "medium confidence" in html and "Uncertain:" in html
    assert 'class="question"' in html  # undecided facts as questions
    assert "Why (the derivation)" in html
    assert "2023-01-15" not in html  # the custody was not known on 27 September


def test_the_what_if_fragment_shows_the_prosecution_vanish(
    client: TestClient, zhilin_text: str
) -> None:
    body = {
        "text": zhilin_text,
        "as_of": "2022-09-27",
        "lang": "en",
        "path": "crossing.at_checkpoint",
        "value": "true",
    }
    html = client.post("/ui/what-if", json=body).text
    assert 'class="change-vanishes" data-rule="kz.cc.392.1"' in html


def test_the_memo_from_the_page_is_a_printable_document(
    client: TestClient, zhilin_text: str
) -> None:
    form = {"text": zhilin_text, "as_of": "2022-09-27", "lang": "ru"}
    memo = client.post("/memo", data=form)
    assert memo.status_code == 200
    assert "@media print" in memo.text
    assert "Справка" in memo.text and "не юридическая консультация" in memo.text


def test_a_bad_case_in_the_page_gets_its_error_not_a_page(client: TestClient) -> None:
    answer = client.post("/ui/result", json={"text": "case_id: [", "lang": "en"})
    assert answer.status_code == 422
    assert "not valid YAML or JSON" in answer.json()["error"]["message"]


def test_the_comparison_fragment_shows_each_destination(
    client: TestClient, zhilin_text: str
) -> None:
    html = client.post(
        "/ui/compare", json={"text": zhilin_text, "as_of": "2022-09-27", "lang": "en"}
    ).text
    assert 'data-host="KZ"' in html and 'data-host="AM"' in html
    assert 'class="worst' in html


def test_the_russian_page_shows_the_rules_russian_texts_and_citations(
    client: TestClient, zhilin_text: str
) -> None:
    html = client.post(
        "/ui/result", json={"text": zhilin_text, "as_of": "2022-09-27", "lang": "ru"}
    ).text
    assert "Казахстан преследует его за незаконное пересечение границы" in html
    assert "ч. 1 ст. 392 УК РК" in html
    assert "По закону" in html and "По описанной практике" in html
